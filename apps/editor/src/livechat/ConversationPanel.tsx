import { type FormEvent, useEffect, useState } from "react";
import type { Conversation, InboxApi } from "../api/inbox-api";
import { describeError } from "../common/errors";
import { useT } from "../i18n";
import { PollStatus } from "./PollStatus";
import { usePoll } from "./use-poll";

/**
 * The contact's conversation with a person: who has it and why it came, take, assign and
 * resolve, and the team's internal notes. `version` changes with each piece of news about it,
 * which reloads the notes and marks what the agent now sees read.
 */
export function ConversationPanel({
  conversation,
  api,
  version,
  onChanged,
}: {
  conversation: Conversation;
  api: InboxApi;
  version: number;
  onChanged: () => void;
}) {
  const t = useT();
  const id = conversation.id;
  const detail = usePoll(() => api.get(id), null, `${id}:${version}`);
  const [assignee, setAssignee] = useState("");
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // What is on screen is read: the queue's unread marker goes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` marks the news read on purpose
  useEffect(() => {
    let stopped = false;
    void api
      .read(id)
      .then(() => {
        if (!stopped) onChanged();
      })
      .catch(() => {});
    return () => {
      stopped = true;
    };
  }, [id, version, api]);

  async function act(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      detail.reload();
      onChanged();
    } catch (e) {
      setError(describeError(t, e));
    } finally {
      setBusy(false);
    }
  }

  function addNote(event: FormEvent) {
    event.preventDefault();
    const text = note.trim();
    if (text === "") return;
    void act(async () => {
      await api.note(id, text);
      setNote("");
    });
  }

  function assign(event: FormEvent) {
    event.preventDefault();
    const to = assignee.trim();
    if (to === "") return;
    void act(async () => {
      await api.assign(id, to);
      setAssignee("");
    });
  }

  const notes = detail.data?.notes ?? [];
  const open = conversation.state !== "resolved";
  return (
    <section className="conversation-panel" aria-label={t("livechat.conversation")}>
      <p className="conversation-state" data-testid="conversation-state">
        {conversation.assignee
          ? t("livechat.conversation.with", { name: conversation.assignee.name })
          : t("livechat.conversation.waiting")}
        {conversation.reason && (
          <span className="muted">
            {" · "}
            {t("livechat.conversation.reason", { reason: conversation.reason })}
          </span>
        )}
      </p>
      {open && (
        <div className="conversation-actions">
          {conversation.state === "waiting" && (
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void act(() => api.take(id))}
            >
              {t("livechat.conversation.take")}
            </button>
          )}
          <form onSubmit={assign} className="assign-form">
            <input
              aria-label={t("livechat.conversation.assignTo")}
              placeholder={t("livechat.conversation.assignTo")}
              value={assignee}
              onChange={(e) => setAssignee(e.target.value)}
              disabled={busy}
            />
            <button type="submit" disabled={busy || assignee.trim() === ""}>
              {t("livechat.conversation.assign")}
            </button>
          </form>
          <button type="button" disabled={busy} onClick={() => void act(() => api.resolve(id))}>
            {t("livechat.conversation.resolve")}
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <details className="notes" open>
        <summary>{t("livechat.notes.title")}</summary>
        <PollStatus
          polled={detail}
          t={t}
          isEmpty={(data) => data.notes.length === 0}
          emptyText={t("livechat.notes.empty")}
        />
        <ul aria-label={t("livechat.notes.title")}>
          {notes.map((n) => (
            <li key={n.id}>
              <p>{n.text}</p>
              <span className="muted">
                {t("livechat.notes.by", {
                  name: n.author.name,
                  time: new Date(n.at).toLocaleString(),
                })}
              </span>
            </li>
          ))}
        </ul>
        <form onSubmit={addNote} className="note-form">
          <textarea
            aria-label={t("livechat.notes.label")}
            placeholder={t("livechat.notes.placeholder")}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            disabled={busy}
            rows={2}
          />
          <button type="submit" disabled={busy || note.trim() === ""}>
            {t("livechat.notes.add")}
          </button>
        </form>
      </details>
    </section>
  );
}
