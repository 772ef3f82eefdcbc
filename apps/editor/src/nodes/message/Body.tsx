import type { Button, ContentBlock, NodeOfType } from "@convo/flow";
import { lazy, Suspense } from "react";
import { useT } from "../../i18n";
import { useTestChannel } from "../../phone/test-channel";
import { bubbleClass } from "../bubble";

/** Loaded when someone draws the canvas as WhatsApp shows it (opening a flow does not wait). */
const WhatsAppBody = lazy(() => import("./WhatsAppBody"));

function host(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/**
 * `data-edit` names the text a double-click edits in place (the canvas's inline editor): the
 * text's path in the step, as the inspector's fields name it.
 */
function Buttons({ buttons, at }: { buttons: readonly Button[] | undefined; at?: string }) {
  if (!buttons?.length) return null;
  return (
    <div className="m-buttons">
      {buttons.map((b, i) => (
        <div
          key={b.id}
          className={`m-button m-button-${b.kind}`}
          data-edit={at && `${at}.buttons[${i}].title`}
        >
          {b.kind === "url" ? "↗ " : b.kind === "call" ? "☎ " : ""}
          {b.title || "…"}
        </div>
      ))}
    </div>
  );
}

/** A block as Messenger shows it; `at` (its path, `data.content[0]`) makes its texts editable. */
export function Block({ block, at }: { block: ContentBlock; at?: string }) {
  const t = useT();
  switch (block.kind) {
    case "text":
      return (
        <div className="m-group">
          <div
            className={`m-bubble${block.buttons?.length ? " m-bubble-top" : ""}${bubbleClass(block.text)}`}
            data-edit={at && `${at}.text`}
          >
            {block.text || <span className="muted">{t("node.emptyText")}</span>}
          </div>
          <Buttons buttons={block.buttons} at={at} />
        </div>
      );
    case "image":
    case "video":
    case "audio":
    case "file":
      return (
        <div className={`m-media m-media-${block.kind}`}>
          <span aria-hidden="true">
            {{ image: "▣", video: "▶", audio: "♪", file: "☰" }[block.kind]}
          </span>
          <span className="small">{block.url ? host(block.url) : t(`block.${block.kind}`)}</span>
        </div>
      );
    case "cards":
      return (
        <div className="m-cards">
          {block.cards.map((card, c) => (
            <div key={card.id} className="m-card">
              <div className={`m-card-image ${block.imageAspectRatio ?? "horizontal"}`}>
                {card.imageUrl ? host(card.imageUrl) : "▣"}
              </div>
              <div className="m-card-body">
                <strong data-edit={at && `${at}.cards[${c}].title`}>{card.title || "…"}</strong>
                {card.subtitle && <div className="muted small">{card.subtitle}</div>}
              </div>
              <Buttons buttons={card.buttons} at={at && `${at}.cards[${c}]`} />
            </div>
          ))}
        </div>
      );
    case "typing":
      return (
        <div className="m-bubble m-typing" title={t("block.typing")}>
          <span>•</span>
          <span>•</span>
          <span>•</span>
        </div>
      );
    default:
      return null;
  }
}

/**
 * A message step as the channel the steps are drawn for shows it (the simulator's channel, so
 * the canvas and the test agree): Messenger and Instagram draw alike, WhatsApp its own way.
 */
export function MessageBody({ node }: { node: NodeOfType<"message"> }) {
  const channel = useTestChannel((s) => s.channel);
  if (channel !== "whatsapp") return <MessengerBody node={node} />;
  return (
    <Suspense fallback={<MessengerBody node={node} />}>
      <WhatsAppBody node={node} />
    </Suspense>
  );
}

function MessengerBody({ node }: { node: NodeOfType<"message"> }) {
  return (
    <div className="m-thread">
      {node.data.content.map((block, b) => (
        <Block key={block.id} block={block} at={`data.content[${b}]`} />
      ))}
      {node.data.quickReplies?.length ? (
        <div className="m-quick-replies">
          {node.data.quickReplies.map((r, i) => (
            <span key={r.id} className="m-quick-reply" data-edit={`data.quickReplies[${i}].title`}>
              {r.title || "…"}
            </span>
          ))}
        </div>
      ) : null}
    </div>
  );
}
