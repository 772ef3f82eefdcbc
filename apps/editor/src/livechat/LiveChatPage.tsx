import { type FormEvent, useMemo, useState } from "react";
import { type Conversation, type InboxApi, inboxApi, type QueueState } from "../api/inbox-api";
import { type Contact, testApi } from "../api/test-api";
import { describeError } from "../common/errors";
import { LocaleSwitch } from "../common/LocaleSwitch";
import { useSession } from "../common/session";
import { useT } from "../i18n";
import "./livechat.css";
import { Avatar } from "./Avatar";
import { ChannelBadge } from "./ChannelBadge";
import { ContactEvents } from "./ContactEvents";
import { ConversationPanel } from "./ConversationPanel";
import { PollStatus } from "./PollStatus";
import { Queue } from "./Queue";
import { contactHash } from "./route";
import { Transcript } from "./Transcript";
import { useInboxNews } from "./use-inbox-news";
import { type Polled, usePoll } from "./use-poll";

/** Brand events are not inbox news: they are still asked for this often. */
const EVENTS_POLL_MS = 3_000;
/** A contact the bot is talking to (no person has them) is read again this often. */
const BOT_POLL_MS = 3_000;

/**
 * Live chat: the inbox's queue (or every contact), kept current by the runtime's news stream
 * rather than by polling, the open contact's conversation, and a person's reply box.
 */
export default function LiveChatPage({ contactId }: { contactId: string | null }) {
  const t = useT();
  const token = useSession((s) => s.credentials) ?? "";
  const api = useMemo(() => testApi(token), [token]);
  const inbox = useMemo(() => inboxApi(token), [token]);
  const [view, setView] = useState<"queue" | "contacts">("queue");
  const [state, setState] = useState<QueueState>("open");
  const [search, setSearch] = useState("");
  /** Per contact: how many pieces of news came, so what shows them reloads. */
  const [versions, setVersions] = useState<Record<string, number>>({});
  const openQueue = usePoll(() => inbox.queue("open"), null, "open");
  const shown = usePoll(() => inbox.queue(state), null, state);
  // Loaded again each time the list is shown, and when someone new asks for a person.
  const list = usePoll(
    () => api.listContacts(search.trim() || undefined),
    null,
    `${view}:${search}`,
  );
  const stream = useInboxNews(token, (news) => {
    openQueue.reload();
    if (state !== "open") shown.reload();
    if (news === null || news.type === "opened") list.reload();
    if (news === null)
      setVersions((v) => Object.fromEntries(Object.keys(v).map((k) => [k, (v[k] ?? 0) + 1])));
    else setVersions((v) => ({ ...v, [news.psid]: (v[news.psid] ?? 0) + 1 }));
  });
  const queue = state === "open" ? openQueue : shown;
  const reloadAll = () => {
    openQueue.reload();
    if (state !== "open") shown.reload();
    list.reload();
  };
  const conversation =
    contactId === null
      ? undefined
      : (openQueue.data?.conversations.find((c) => c.contact.id === contactId) ??
        shown.data?.conversations.find((c) => c.contact.id === contactId));
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
          <div className="view-switch">
            <button type="button" aria-pressed={view === "queue"} onClick={() => setView("queue")}>
              {t("livechat.queue")}
            </button>
            <button
              type="button"
              aria-pressed={view === "contacts"}
              onClick={() => setView("contacts")}
            >
              {t("livechat.allContacts")}
            </button>
          </div>
          {view === "queue" ? (
            <Queue
              polled={queue}
              state={state}
              onState={setState}
              contactId={contactId}
              stream={stream}
              t={t}
            />
          ) : (
            <ContactList
              contacts={contacts}
              polled={list}
              search={search}
              onSearch={setSearch}
              contactId={contactId}
            />
          )}
        </nav>
        {contactId === null ? (
          <p className="muted livechat-pick">{t("livechat.pick")}</p>
        ) : (
          <ContactView
            key={contactId}
            contactId={contactId}
            version={versions[contactId] ?? 0}
            conversation={conversation}
            inbox={inbox}
            onChanged={reloadAll}
          />
        )}
      </div>
    </main>
  );
}

function ContactList({
  contacts,
  polled,
  search,
  onSearch,
  contactId,
}: {
  contacts: Contact[];
  polled: Polled<{ contacts: Contact[] }>;
  search: string;
  onSearch: (search: string) => void;
  contactId: string | null;
}) {
  const t = useT();
  return (
    <>
      <input
        type="search"
        aria-label={t("livechat.search")}
        placeholder={t("livechat.search")}
        value={search}
        onChange={(e) => onSearch(e.target.value)}
      />
      <PollStatus
        polled={polled}
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
              <Avatar name={contactName(contact)} id={contact.psid} picture={contact.profilePic} />
              <strong>{contactName(contact)}</strong>
              <ChannelBadge channel={contact.channel} t={t} />
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
    </>
  );
}

export function contactName(contact: Contact): string {
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(" ");
  return name || contact.psid;
}

function ContactView({
  contactId,
  version,
  conversation,
  inbox,
  onChanged,
}: {
  contactId: string;
  /** Changes with each piece of news about the contact: what shows them reloads. */
  version: number;
  /** Their conversation with a person, when they have one. */
  conversation: Conversation | undefined;
  inbox: InboxApi;
  onChanged: () => void;
}) {
  const t = useT();
  const token = useSession((s) => s.credentials) ?? "";
  const api = useMemo(() => testApi(token), [token]);
  const open = conversation && conversation.state !== "resolved" ? conversation : undefined;
  // A conversation with a person is kept current by the inbox's news; one with the bot (no news
  // while the bot answers) is still asked for now and then.
  const every = open ? null : BOT_POLL_MS;
  const contact = usePoll(() => api.getContact(contactId), every, `${contactId}:${version}`);
  const transcript = usePoll(() => api.transcript(contactId), every, `${contactId}:${version}`);
  const events = usePoll(() => api.contactEvents(contactId), EVENTS_POLL_MS, contactId);
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
      // In the inbox the reply is the agent's, named in the transcript.
      if (open) await inbox.reply(open.id, text);
      else await api.sendAsAgent(contactId, text);
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
          <Avatar name={contactName(current)} id={current.psid} picture={current.profilePic} />
          <h2>{contactName(current)}</h2>
          <ChannelBadge channel={current.channel} t={t} />
          {contactName(current) !== current.psid && (
            <span className="contact-psid" data-testid="contact-psid">
              {current.psid}
            </span>
          )}
          <span
            className={`bot-state ${current.paused ? "paused" : "active"}`}
            data-testid="bot-state"
          >
            {t(current.paused ? "livechat.paused" : "livechat.active")}
          </span>
          <div className="spacer" />
          {open ? null : current.paused ? (
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
      {conversation && (
        <ConversationPanel
          conversation={conversation}
          api={inbox}
          version={version}
          onChanged={onChanged}
        />
      )}
      <ContactEvents polled={events} />
      <Transcript polled={transcript} {...(current ? { channel: current.channel } : {})} />
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
