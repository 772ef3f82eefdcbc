import { useEffect, useRef } from "react";
import type { TranscriptEntry } from "../api/test-api";
import { useT } from "../i18n";
import { ChannelBadge } from "./ChannelBadge";
import { PollStatus } from "./PollStatus";
import { systemLineText } from "./system-line";
import type { Polled } from "./use-poll";

/** Who wrote a line: the agent's name when the inbox recorded it, else the kind of author. */
function authorOf(m: TranscriptEntry, t: ReturnType<typeof useT>): string {
  const agent = (m.payload as { agent?: { name?: unknown } } | undefined)?.agent;
  if (m.author === "agent" && typeof agent?.name === "string") return agent.name;
  return t(`livechat.author.${m.author}`);
}

/** A customer's tap on a button or a quick reply: its line is the title they tapped. */
const isTap = (m: TranscriptEntry) =>
  m.author === "contact" && (m.kind === "postback" || m.kind === "quick_reply");

/** A contact's conversation, oldest first, who said what, and on which channel. */
export function Transcript({
  polled,
  channel,
}: {
  polled: Polled<{ messages: TranscriptEntry[] }>;
  channel?: string;
}) {
  const t = useT();
  const messages = polled.data?.messages ?? [];
  const end = useRef<HTMLDivElement>(null);
  const count = messages.length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when a message arrives
  useEffect(() => {
    end.current?.scrollIntoView({ block: "end" });
  }, [count]);
  return (
    <div className="transcript" role="log" aria-label={t("livechat.title")}>
      {channel && (
        <p className="transcript-channel muted small" data-testid="transcript-channel">
          {t("livechat.transcriptOn")} <ChannelBadge channel={channel} t={t} />
        </p>
      )}
      <PollStatus
        polled={polled}
        t={t}
        isEmpty={(data) => data.messages.length === 0}
        emptyText={t("livechat.noMessages")}
      />
      {messages.map((m) => (
        <div key={m.id} className={`transcript-line ${m.direction} author-${m.author}`}>
          <span className="transcript-author">{authorOf(m, t)}</span>
          {isTap(m) ? (
            <p className="transcript-text">
              <span className="muted small">{t("livechat.tapped")}</span>{" "}
              <span className="chip tapped">{m.text ?? t("livechat.noText")}</span>
            </p>
          ) : (
            <p className="transcript-text">{systemLineText(m, t) ?? t("livechat.noText")}</p>
          )}
          {m.buttons && m.buttons.length > 0 && (
            // What the customer was offered: shown, not pressed (the agent cannot tap for them).
            <ul className="transcript-buttons" aria-label={t("livechat.offered")}>
              {m.buttons.map((title, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: two buttons may share a title
                <li key={i} className="chip">
                  {title}
                </li>
              ))}
            </ul>
          )}
          {m.author === "bot" && m.flowId && (
            <a
              className="transcript-source muted small"
              href={`#/flows/${encodeURIComponent(m.flowId)}`}
              data-testid="answered-by"
            >
              {t("livechat.answeredBy", { flow: m.flowId, step: m.nodeId ?? "?" })}
            </a>
          )}
          {m.status && m.status !== "sent" && (
            <span className={`transcript-status ${m.status}`}>
              {t(`livechat.status.${m.status}`)}
            </span>
          )}
        </div>
      ))}
      <div ref={end} />
    </div>
  );
}
