import type { Button, ContentBlock, NodeOfType, QuickReply } from "@convo/flow";
import { WHATSAPP_SHAPES as L, WHATSAPP_LIST_BUTTON } from "@convo/messenger/limits";
import { useT } from "../../i18n";
import { bubbleClass } from "../bubble";
import { Block } from "./Body";

/** A tap WhatsApp hands back: a postback button or a quick reply (WhatsApp has no quick replies). */
interface Choice {
  id: string;
  title: string;
}

/**
 * A message step as WhatsApp shows it, as `renderWhatsApp` sends it: up to 3 choices (postback
 * buttons, then the quick replies) are reply buttons under the bubble, 4 to 10 a list behind a
 * "Choose" button, drawn open; link and call buttons beside choices are lines of the text; a
 * gallery is one message per card. A title WhatsApp would refuse is marked. Its own chunk: the
 * canvas loads it when someone switches to WhatsApp.
 */
export default function WhatsAppBody({ node }: { node: NodeOfType<"message"> }) {
  const content = node.data.content;
  const lastIndex = content.findLastIndex((b) => b.kind !== "typing");
  return (
    <div className="m-thread m-whatsapp" data-channel="whatsapp">
      {content.map((block, b) => (
        <WhatsAppBlock
          key={block.id}
          block={block}
          replies={b === lastIndex ? (node.data.quickReplies ?? []) : []}
        />
      ))}
    </div>
  );
}

function WhatsAppBlock({
  block,
  replies,
}: {
  block: ContentBlock;
  replies: readonly QuickReply[];
}) {
  const t = useT();
  if (block.kind === "text") {
    return (
      <Message text={block.text || t("node.emptyText")} buttons={block.buttons} replies={replies} />
    );
  }
  if (block.kind === "cards") {
    return (
      <>
        {block.cards.map((card, c) => (
          <Message
            key={card.id}
            image={card.imageUrl !== undefined}
            text={[card.title || "…", card.subtitle].filter(Boolean).join("\n")}
            buttons={card.buttons}
            replies={c === block.cards.length - 1 ? replies : []}
          />
        ))}
      </>
    );
  }
  return (
    <>
      <Block block={block} />
      {replies.length > 0 && <Choices choices={replies.map(choiceOf)} />}
    </>
  );
}

const choiceOf = (r: QuickReply): Choice => ({ id: r.id, title: r.title });

function Message({
  text,
  buttons = [],
  replies,
  image = false,
}: {
  text: string;
  buttons?: readonly Button[];
  replies: readonly QuickReply[];
  image?: boolean;
}) {
  const choices: Choice[] = [
    ...buttons.flatMap((b) => (b.kind === "postback" ? [{ id: b.id, title: b.title }] : [])),
    ...replies.map(choiceOf),
  ];
  const links = buttons.filter((b) => b.kind !== "postback");
  // One link alone is a call-to-action button; beside choices, or several, lines of the text.
  const linkButton = choices.length === 0 && links.length === 1 ? links[0] : undefined;
  const lines = linkButton
    ? []
    : links.map(
        (b) => `${b.title}: ${b.kind === "url" ? b.url : b.kind === "call" ? b.phone : ""}`,
      );
  return (
    <div className="m-group">
      <div
        className={`m-bubble${choices.length > 0 || linkButton ? " m-bubble-top" : ""}${bubbleClass(text, (image ? 5 : 0) + lines.length * 2)}`}
      >
        {image && <div className="m-card-image">▣</div>}
        {text}
        {lines.map((line) => (
          <div key={line} className="m-wa-line">
            {line}
          </div>
        ))}
      </div>
      {linkButton && (
        <div className="m-buttons">
          <div className="m-button">↗ {linkButton.title || "…"}</div>
        </div>
      )}
      {choices.length > 0 && <Choices choices={choices} />}
    </div>
  );
}

/** Reply buttons, or a list drawn open under its button. */
function Choices({ choices }: { choices: readonly Choice[] }) {
  const list = choices.length > L.replyButtons;
  const limit = list ? L.listRowTitle : L.replyButtonTitle;
  return (
    <div className={`m-buttons${list ? " m-wa-list" : " m-wa-replies"}`}>
      {list && <div className="m-button m-wa-list-button">☰ {WHATSAPP_LIST_BUTTON}</div>}
      {choices.map((c) => (
        <div
          key={c.id}
          className={`m-button${list ? " m-wa-row" : ""}${c.title.length > limit ? " over" : ""}`}
        >
          {c.title || "…"}
        </div>
      ))}
    </div>
  );
}
