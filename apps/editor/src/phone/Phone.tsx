import type { OutButton, OutMessage, OutQuickReply } from "@convo/engine";
import type { ChannelId } from "@convo/messenger/channel";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useT } from "../i18n";

/** One line of a conversation as the phone shows it. */
export type PhoneItem =
  | { key: string; kind: "contact"; text: string }
  | {
      key: string;
      kind: "bot";
      message: OutMessage;
      author?: "bot" | "agent";
      /** Why the contact would never see it (shown under the bubble, which is greyed out). */
      undelivered?: string;
      /** Which flow and step sent it, shown under the bubble for the marketer. */
      answeredBy?: string;
    }
  | { key: string; kind: "note"; text: string; tone?: "info" | "error" };

export type TextQuickReply = Extract<OutQuickReply, { kind: "text" }>;

interface PhoneProps {
  title: string;
  items: readonly PhoneItem[];
  typing: boolean;
  quickReplies: readonly TextQuickReply[];
  onButton: (button: OutButton) => void;
  onQuickReply: (reply: TextQuickReply) => void;
  onSend: (text: string) => void;
  disabled?: boolean;
  testId: string;
  /** Drawn as this channel shows a conversation (Messenger when absent). */
  channel?: ChannelId;
  /** What an empty conversation says: how to begin, and what this phone talks to. */
  empty?: string;
}

/** The channels' names on the phone's header (brand names, the same in every language). */
const CHANNEL_NAMES: Record<ChannelId, string> = {
  messenger: "Messenger",
  instagram: "Instagram",
  whatsapp: "WhatsApp",
};
/** WhatsApp sends 4 to 10 choices as a list behind one button (Cloud API `interactive.list`). */
const WHATSAPP_REPLY_BUTTONS = 3;

/**
 * A phone-sized look-alike of the channel: bubbles, media, card carousels, buttons, quick
 * replies; on WhatsApp, more than three choices open as a list.
 */
export function Phone(props: PhoneProps) {
  const channel = props.channel ?? "messenger";
  const asList = channel === "whatsapp" && props.quickReplies.length > WHATSAPP_REPLY_BUTTONS;
  const t = useT();
  const [draft, setDraft] = useState("");
  const scroller = useRef<HTMLDivElement>(null);
  const count = props.items.length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when a line is added or typing shows
  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [count, props.typing]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (draft.trim() === "") return;
    props.onSend(draft);
    setDraft("");
  }

  return (
    <section
      className={`phone channel-${channel}`}
      aria-label={props.title}
      data-testid={props.testId}
      data-channel={channel}
    >
      <header className="phone-head">
        <span className="phone-avatar" aria-hidden="true">
          C
        </span>
        <span>{props.title}</span>
        {props.channel && <span className="phone-channel">{CHANNEL_NAMES[channel]}</span>}
      </header>
      <div className="phone-thread" ref={scroller} role="log" aria-live="polite">
        {props.items.length === 0 && !props.typing && (
          <p className="phone-empty">{props.empty ?? t("test.emptyThread")}</p>
        )}
        {props.items.map((item) => (
          <PhoneLine key={item.key} item={item} onButton={props.onButton} channel={channel} />
        ))}
        {props.typing && (
          <div className="bubble-row bot">
            <span className="typing" role="status" aria-label={t("test.typing")}>
              <i />
              <i />
              <i />
            </span>
          </div>
        )}
      </div>
      {props.quickReplies.length > 0 && (
        <fieldset
          className={`quick-replies${asList ? " as-list" : ""}`}
          aria-label={t("test.quickReplies")}
        >
          {asList && <span className="list-head">{t("test.whatsappList")}</span>}
          {props.quickReplies.map((reply) => (
            <button
              key={`${reply.payload}-${reply.title}`}
              type="button"
              className="quick-reply"
              disabled={props.disabled}
              onClick={() => props.onQuickReply(reply)}
            >
              {reply.imageUrl && <img src={reply.imageUrl} alt="" />}
              {reply.title}
            </button>
          ))}
        </fieldset>
      )}
      <form className="composer" onSubmit={submit}>
        <input
          aria-label={t("test.message")}
          placeholder={t("test.messagePlaceholder")}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          disabled={props.disabled}
        />
        <button type="submit" disabled={props.disabled || draft.trim() === ""}>
          {t("test.send")}
        </button>
      </form>
    </section>
  );
}

function PhoneLine({
  item,
  onButton,
  channel,
}: {
  item: PhoneItem;
  onButton: (b: OutButton) => void;
  channel: ChannelId;
}) {
  if (item.kind === "contact") {
    return (
      <div className="bubble-row contact">
        <p className="bubble contact">{item.text}</p>
      </div>
    );
  }
  if (item.kind === "note") {
    return <p className={`phone-note ${item.tone ?? "info"}`}>{item.text}</p>;
  }
  return (
    <div
      className={`bubble-row bot${item.author === "agent" ? " agent" : ""}${item.undelivered ? " undelivered" : ""}`}
    >
      <BotMessage message={item.message} onButton={onButton} channel={channel} />
      {item.undelivered && <p className="phone-note error">{item.undelivered}</p>}
      {item.answeredBy && (
        <p className="phone-source" data-testid="answered-by">
          {item.answeredBy}
        </p>
      )}
    </div>
  );
}

function BotMessage({
  message,
  onButton,
  channel,
}: {
  message: OutMessage;
  onButton: (b: OutButton) => void;
  channel: ChannelId;
}) {
  switch (message.kind) {
    case "text": {
      const buttons = message.buttons ?? [];
      const list = channel === "whatsapp" && buttons.length > WHATSAPP_REPLY_BUTTONS;
      return (
        <div className="bubble bot">
          <p>{message.text}</p>
          {list ? (
            <WhatsAppList buttons={buttons} onButton={onButton} />
          ) : (
            buttons.length > 0 && <Buttons buttons={buttons} onButton={onButton} />
          )}
        </div>
      );
    }
    case "media":
      return message.mediaType === "image" ? (
        <img className="bubble media" src={message.url} alt="" loading="lazy" />
      ) : (
        <a className="bubble bot media-link" href={message.url} target="_blank" rel="noreferrer">
          {message.mediaType}: {message.url}
        </a>
      );
    case "cards":
      return (
        <div className="carousel">
          {message.cards.map((card, i) => (
            <div
              // biome-ignore lint/suspicious/noArrayIndexKey: a sent message never changes
              key={i}
              className={`card-bubble ${message.imageAspectRatio ?? "horizontal"}`}
            >
              {card.imageUrl && <img src={card.imageUrl} alt="" loading="lazy" />}
              <div className="card-text">
                <strong>{card.title}</strong>
                {card.subtitle && <span>{card.subtitle}</span>}
              </div>
              {card.buttons && card.buttons.length > 0 && (
                <Buttons buttons={card.buttons} onButton={onButton} />
              )}
            </div>
          ))}
        </div>
      );
    default: {
      const never: never = message;
      return never;
    }
  }
}

/** WhatsApp's list message: one button that opens the rows. */
function WhatsAppList({
  buttons,
  onButton,
}: {
  buttons: OutButton[];
  onButton: (b: OutButton) => void;
}) {
  const t = useT();
  return (
    <details className="wa-list">
      <summary>{t("test.whatsappList")}</summary>
      <Buttons buttons={buttons} onButton={onButton} />
    </details>
  );
}

function Buttons({
  buttons,
  onButton,
}: {
  buttons: OutButton[];
  onButton: (b: OutButton) => void;
}) {
  return (
    <div className="bubble-buttons">
      {buttons.map((button, i) =>
        button.kind === "url" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: a sent message never changes
          <a key={i} href={button.url} target="_blank" rel="noreferrer">
            {button.title}
          </a>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: a sent message never changes
          <button key={i} type="button" onClick={() => onButton(button)}>
            {button.title}
          </button>
        ),
      )}
    </div>
  );
}
