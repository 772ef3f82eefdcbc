import { useEffect, useRef } from "react";
import type { TranscriptEntry } from "../api/test-api";
import { useT } from "../i18n";
import { PollStatus } from "./PollStatus";
import type { Polled } from "./use-poll";

/** A contact's conversation, oldest first, who said what. */
export function Transcript({ polled }: { polled: Polled<{ messages: TranscriptEntry[] }> }) {
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
      <PollStatus
        polled={polled}
        t={t}
        isEmpty={(data) => data.messages.length === 0}
        emptyText={t("livechat.noMessages")}
      />
      {messages.map((m) => (
        <div key={m.id} className={`transcript-line ${m.direction} author-${m.author}`}>
          <span className="transcript-author">{t(`livechat.author.${m.author}`)}</span>
          <p className="transcript-text">{m.text ?? t("livechat.noText")}</p>
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
