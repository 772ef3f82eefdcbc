import { type FormEvent, useMemo, useState } from "react";
import { type Contact, testApi } from "../api/test-api";
import { describeError } from "../common/errors";
import { LocaleSwitch } from "../common/LocaleSwitch";
import { useSession } from "../common/session";
import { useT } from "../i18n";
import "./livechat.css";
import { ContactEvents } from "./ContactEvents";
import { PollStatus } from "./PollStatus";
import { contactHash } from "./route";
import { Transcript } from "./Transcript";
import { usePoll } from "./use-poll";

const LIST_POLL_MS = 3_000;

/** Live chat: every contact, their conversation, and a person's reply box with pause and resume. */
export default function LiveChatPage({ contactId }: { contactId: string | null }) {
  const t = useT();
  const token = useSession((s) => s.credentials) ?? "";
  const api = useMemo(() => testApi(token), [token]);
  const [search, setSearch] = useState("");
  const list = usePoll(() => api.listContacts(search.trim() || undefined), LIST_POLL_MS, search);
  const contacts = list.data?.contacts ?? [];

  return (
    <main className="livechat">
      <header className="topbar">
        <a className="back" href="#/" aria-label={t("livechat.back")}>
          ←
        </a>
        <h1>{t("livechat.title")}</h1>
        <div className="spacer" />
        <LocaleSwitch />
      </header>
      <div className="livechat-body">
        <nav className="contact-list card" aria-label={t("livechat.contacts")}>
          <input
            type="search"
            aria-label={t("livechat.search")}
            placeholder={t("livechat.search")}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <PollStatus
            polled={list}
            t={t}
            isEmpty={(data) => data.contacts.length === 0}
            emptyText={t("livechat.empty")}
          />
          <ul>
            {contacts.map((contact) => (
              <li key={contact.id}>
                <a
                  href={contactHash(contact.id)}
                  aria-current={contact.id === contactId ? "page" : undefined}
                  className="contact-row"
                >
                  <strong>{contactName(contact)}</strong>
                  {contactName(contact) !== contact.psid && (
                    <span className="contact-psid">{contact.psid}</span>
                  )}
                  <span className={`bot-state ${contact.paused ? "paused" : "active"}`}>
                    {t(contact.paused ? "livechat.paused" : "livechat.active")}
                  </span>
                  {Object.keys(contact.fields).length > 0 && (
                    <span className="contact-fields">
                      {Object.entries(contact.fields)
                        .map(([k, v]) => `${k}: ${v}`)
                        .join(" · ")}
                    </span>
                  )}
                  {contact.tags.length > 0 && (
                    <span className="contact-tags">
                      {contact.tags.map((tag) => (
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
        </nav>
        {contactId === null ? (
          <p className="muted livechat-pick">{t("livechat.pick")}</p>
        ) : (
          <ContactView key={contactId} contactId={contactId} onChanged={list.reload} />
        )}
      </div>
    </main>
  );
}

export function contactName(contact: Contact): string {
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(" ");
  return name || contact.psid;
}

function ContactView({ contactId, onChanged }: { contactId: string; onChanged: () => void }) {
  const t = useT();
  const token = useSession((s) => s.credentials) ?? "";
  const api = useMemo(() => testApi(token), [token]);
  const contact = usePoll(() => api.getContact(contactId), LIST_POLL_MS, contactId);
  const transcript = usePoll(() => api.transcript(contactId), 1_500, contactId);
  const events = usePoll(() => api.contactEvents(contactId), LIST_POLL_MS, contactId);
  const [reply, setReply] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function act(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      contact.reload();
      transcript.reload();
      onChanged();
    } catch (e) {
      setError(describeError(t, e));
    } finally {
      setBusy(false);
    }
  }

  function send(event: FormEvent) {
    event.preventDefault();
    const text = reply.trim();
    if (text === "") return;
    void act(async () => {
      await api.sendAsAgent(contactId, text);
      setReply("");
    });
  }

  const current = contact.data;
  return (
    <section className="contact-view card" aria-label={current ? contactName(current) : contactId}>
      {contact.loading && !current && (
        <p className="loading" aria-busy="true">
          {t("common.loading")}
        </p>
      )}
      {contact.error !== null && !current && (
        <p className="error" role="alert">
          {describeError(t, contact.error)}
        </p>
      )}
      {current && (
        <header className="contact-head">
          <h2>{contactName(current)}</h2>
          <span
            className={`bot-state ${current.paused ? "paused" : "active"}`}
            data-testid="bot-state"
          >
            {t(current.paused ? "livechat.paused" : "livechat.active")}
          </span>
          <div className="spacer" />
          {current.paused ? (
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void act(() => api.resume(contactId))}
            >
              {t("livechat.resume")}
            </button>
          ) : (
            <button
              type="button"
              disabled={busy}
              onClick={() => void act(() => api.pause(contactId))}
            >
              {t("livechat.pause")}
            </button>
          )}
        </header>
      )}
      {current && (
        <dl className="contact-facts">
          <div>
            <dt>{t("livechat.tags")}</dt>
            <dd>
              {current.tags.length === 0
                ? "—"
                : current.tags.map((tag) => (
                    <span key={tag} className="tag">
                      {tag}
                    </span>
                  ))}
            </dd>
          </div>
          <div>
            <dt>{t("livechat.fields")}</dt>
            <dd>
              {Object.entries(current.fields)
                .map(([k, v]) => `${k}: ${v}`)
                .join(" · ") || "—"}
            </dd>
          </div>
        </dl>
      )}
      <ContactEvents polled={events} />
      <Transcript polled={transcript} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <form className="agent-reply" onSubmit={send}>
        <label className="visually-hidden" htmlFor="agent-reply">
          {t("livechat.reply")}
        </label>
        <input
          id="agent-reply"
          placeholder={t("livechat.replyPlaceholder")}
          value={reply}
          onChange={(e) => setReply(e.target.value)}
          disabled={busy}
        />
        <button type="submit" className="primary" disabled={busy || reply.trim() === ""}>
          {t("livechat.send")}
        </button>
      </form>
    </section>
  );
}
