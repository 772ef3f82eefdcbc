import type { Conversation, QueueState } from "../api/inbox-api";
import type { Translate } from "../i18n";
import { Avatar } from "./Avatar";
import { ChannelBadge } from "./ChannelBadge";
import { PollStatus } from "./PollStatus";
import { contactHash } from "./route";
import type { StreamState } from "./use-inbox-news";
import type { Polled } from "./use-poll";

export const QUEUE_STATES: readonly QueueState[] = ["open", "waiting", "assigned", "resolved"];

/** The inbox's queue, oldest first: who waits, why, from which step, and what is unread. */
export function Queue({
  polled,
  state,
  onState,
  contactId,
  stream,
  t,
}: {
  polled: Polled<{ conversations: Conversation[] }>;
  state: QueueState;
  onState: (state: QueueState) => void;
  contactId: string | null;
  stream: StreamState;
  t: Translate;
}) {
  const conversations = polled.data?.conversations ?? [];
  return (
    <>
      <div className="queue-head">
        <label>
          {t("livechat.queue.show")}{" "}
          <select value={state} onChange={(e) => onState(e.target.value as QueueState)}>
            {QUEUE_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`livechat.queue.state.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <span className={`stream-state ${stream}`} data-testid="stream-state">
          {t(`livechat.stream.${stream}`)}
        </span>
      </div>
      <PollStatus
        polled={polled}
        t={t}
        isEmpty={(data) => data.conversations.length === 0}
        emptyText={t("livechat.queue.empty")}
      />
      <ul aria-label={t("livechat.queue")}>
        {conversations.map((c) => (
          <li key={c.id}>
            <a
              href={contactHash(c.contact.id)}
              aria-current={c.contact.id === contactId ? "page" : undefined}
              className={`contact-row queue-row${c.unread > 0 ? " has-unread" : ""}`}
            >
              <Avatar name={c.contact.name} id={c.contact.id} picture={c.contact.profilePic} />
              {/* Bold while the customer wrote what this agent has not read, as mail readers do. */}
              <span className="contact-name">{c.contact.name}</span>
              {c.unread > 0 && (
                <span className="unread" data-testid="unread">
                  <span className="unread-dot" aria-hidden="true" />
                  <span aria-hidden="true">{c.unread}</span>
                  <span className="visually-hidden">
                    {t("livechat.queue.unread", { count: c.unread })}
                  </span>
                </span>
              )}
              <ChannelBadge channel={c.channel} t={t} />
              {c.contact.name !== c.contact.id && (
                <span className="contact-psid">{c.contact.id}</span>
              )}
              {c.reason && <span className="queue-reason">{c.reason}</span>}
              {c.flowId && (
                <span className="queue-step muted">
                  {t("livechat.queue.from", { flow: c.flowId, step: c.nodeId ?? "—" })}
                </span>
              )}
              <span className="queue-assignee muted">
                {c.assignee
                  ? t("livechat.queue.with", { name: c.assignee.name })
                  : t("livechat.queue.nobody")}
                {" · "}
                {t("livechat.queue.since", { time: new Date(c.openedAt).toLocaleString() })}
              </span>
              {c.contact.tags.length > 0 && (
                <span className="contact-tags">
                  {c.contact.tags.map((tag) => (
                    <span key={tag} className="tag">
                      {tag}
                    </span>
                  ))}
                </span>
              )}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
