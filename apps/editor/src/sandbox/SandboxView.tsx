import type { OutButton } from "@convo/engine";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiError } from "../api/client";
import { type Contact, type SandboxInput, testApi } from "../api/test-api";
import { useSession } from "../app/session";
import { describeError } from "../flows/errors";
import { useT } from "../i18n";
import { Phone, type PhoneItem, type TextQuickReply } from "../simulator/Phone";
import { readSendBody } from "./send-api";

const POLL_MS = 600;
const PSID_KEY = "convo.sandboxPsid";

const newPsid = () => `tester-${Math.random().toString(36).slice(2, 10)}`;

function storedPsid(): string {
  const saved = localStorage.getItem(PSID_KEY);
  if (saved && /^[A-Za-z0-9_-]{1,64}$/.test(saved)) return saved;
  const psid = newPsid();
  localStorage.setItem(PSID_KEY, psid);
  return psid;
}

interface Line {
  item: PhoneItem;
  /** Quick replies under this line, while it is the last one. */
  quickReplies: TextQuickReply[];
}

/**
 * Talks to the real runtime as a test contact: each message goes in as a signed webhook event, and
 * what the runtime sent to the Graph API emulator comes back here, so the published flow shows
 * exactly as a customer gets it, delays, typing indicators and hand-over included.
 */
export function SandboxView() {
  const t = useT();
  const token = useSession((s) => s.token) ?? "";
  const api = useMemo(() => testApi(token), [token]);
  const [psid, setPsid] = useState(storedPsid);
  const [lines, setLines] = useState<Line[]>([]);
  const [typing, setTyping] = useState(false);
  const [contact, setContact] = useState<Contact | null>(null);
  /** What a person wrote in live chat: the Send API does not say who wrote a message. */
  const [agentTexts, setAgentTexts] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const after = useRef(0);
  const seen = useRef(0);

  // Everything the runtime sends to this contact, as it sends it.
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    after.current = 0;
    seen.current = 0;
    setLines([]);
    setTyping(false);
    setContact(null);
    async function poll() {
      try {
        const { calls } = await api.sandboxSent(psid, after.current);
        if (stopped) return;
        const added: Line[] = [];
        for (const call of calls) {
          after.current = Math.max(after.current, call.seq);
          if (call.status !== 200) continue;
          const read = readSendBody(call.body);
          if (read.kind === "typing") setTyping(read.on);
          else if (read.kind === "message") {
            setTyping(false);
            added.push({
              item: {
                key: `out-${call.seq}`,
                kind: "bot",
                message: read.message,
                author: read.tag === "HUMAN_AGENT" ? "agent" : "bot",
              },
              quickReplies: (read.message.quickReplies ?? []).flatMap((q) =>
                q.kind === "text" ? [q] : [],
              ),
            });
          }
        }
        if (added.length > 0) setLines((old) => [...old, ...added]);
        const polled = seen.current++ % 3 === 0;
        if (polled) {
          try {
            const [found, transcript] = await Promise.all([
              api.getContact(psid),
              api.transcript(psid),
            ]);
            if (!stopped) {
              setContact(found);
              setAgentTexts(
                new Set(
                  transcript.messages.flatMap((m) =>
                    m.author === "agent" && m.text ? [m.text] : [],
                  ),
                ),
              );
            }
          } catch (e) {
            // Not a contact until the first message reaches the runtime.
            if (!(e instanceof ApiError && e.status === 404)) throw e;
          }
        }
        setError(null);
      } catch (e) {
        if (!stopped) setError(describeError(t, e));
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    }
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, psid, t]);

  const send = useCallback(
    async (input: SandboxInput, shown: string) => {
      setLines((old) => [
        ...old,
        {
          item: { key: `in-${Date.now()}-${old.length}`, kind: "contact", text: shown },
          quickReplies: [],
        },
      ]);
      try {
        await api.sandboxSend(psid, input);
        setError(null);
      } catch (e) {
        setError(describeError(t, e));
      }
    },
    [api, psid, t],
  );

  function restart() {
    const next = newPsid();
    localStorage.setItem(PSID_KEY, next);
    setPsid(next);
  }

  const last = lines.at(-1);
  const quickReplies = last && last.item.kind === "bot" ? last.quickReplies : [];
  return (
    <div className="test-tab sandbox-tab">
      <div className="test-actions" role="toolbar" aria-label={t("test.sandboxTools")}>
        <button type="button" onClick={restart}>
          {t("test.newContact")}
        </button>
        <span className="muted sandbox-contact">{t("test.sandboxAs", { psid })}</span>
      </div>
      <p className="muted test-hint">{t("test.sandboxHint")}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {contact?.paused && (
        <p className="banner info" role="status" data-testid="sandbox-paused">
          {t("test.sandboxPaused")}
        </p>
      )}
      <div className="test-body">
        <Phone
          title={t("test.sandboxTitle")}
          testId="sandbox-phone"
          items={lines.map((l) =>
            l.item.kind === "bot" &&
            l.item.message.kind === "text" &&
            agentTexts.has(l.item.message.text)
              ? { ...l.item, author: "agent" as const }
              : l.item,
          )}
          typing={typing}
          quickReplies={quickReplies}
          onButton={(button: OutButton) => {
            if (button.kind === "postback")
              void send(
                { postback: { payload: button.payload, title: button.title } },
                button.title,
              );
          }}
          onQuickReply={(reply) =>
            void send({ quickReply: { payload: reply.payload, text: reply.title } }, reply.title)
          }
          onSend={(text) => void send({ text: text.trim() }, text.trim())}
        />
        {contact && (
          <aside className="test-state" aria-label={t("test.state")}>
            <h3>{t("test.tags")}</h3>
            {contact.tags.length === 0 ? (
              <p className="muted">{t("test.none")}</p>
            ) : (
              <ul className="tag-list">
                {contact.tags.map((tag) => (
                  <li key={tag} className="tag">
                    {tag}
                  </li>
                ))}
              </ul>
            )}
            <h3>{t("test.fields")}</h3>
            <dl>
              {Object.entries(contact.fields).map(([name, value]) => (
                <div key={name}>
                  <dt>{name}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </aside>
        )}
      </div>
    </div>
  );
}
