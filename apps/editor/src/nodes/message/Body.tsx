import type { Button, ContentBlock, NodeOfType } from "@convo/flow";
import { lazy, Suspense } from "react";
import { useT } from "../../i18n";
import { useTestChannel } from "../../phone/test-channel";

/** Loaded when someone draws the canvas as WhatsApp shows it (opening a flow does not wait). */
const WhatsAppBody = lazy(() => import("./WhatsAppBody"));

function host(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

function Buttons({ buttons }: { buttons: readonly Button[] | undefined }) {
  if (!buttons?.length) return null;
  return (
    <div className="m-buttons">
      {buttons.map((b) => (
        <div key={b.id} className={`m-button m-button-${b.kind}`}>
          {b.kind === "url" ? "↗ " : b.kind === "call" ? "☎ " : ""}
          {b.title || "…"}
        </div>
      ))}
    </div>
  );
}

export function Block({ block }: { block: ContentBlock }) {
  const t = useT();
  switch (block.kind) {
    case "text":
      return (
        <div className="m-group">
          <div className={`m-bubble${block.buttons?.length ? " m-bubble-top" : ""}`}>
            {block.text || <span className="muted">{t("node.emptyText")}</span>}
          </div>
          <Buttons buttons={block.buttons} />
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
          {block.cards.map((card) => (
            <div key={card.id} className="m-card">
              <div className={`m-card-image ${block.imageAspectRatio ?? "horizontal"}`}>
                {card.imageUrl ? host(card.imageUrl) : "▣"}
              </div>
              <div className="m-card-body">
                <strong>{card.title || "…"}</strong>
                {card.subtitle && <div className="muted small">{card.subtitle}</div>}
              </div>
              <Buttons buttons={card.buttons} />
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
      {node.data.content.map((block) => (
        <Block key={block.id} block={block} />
      ))}
      {node.data.quickReplies?.length ? (
        <div className="m-quick-replies">
          {node.data.quickReplies.map((r) => (
            <span key={r.id} className="m-quick-reply">
              {r.title || "…"}
            </span>
          ))}
        </div>
      ) : null}
    </div>
  );
}
