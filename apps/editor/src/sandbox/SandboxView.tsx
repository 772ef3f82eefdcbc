import type { OutButton, OutMessage } from "@convo/engine";
import { CHANNEL_SPECS, type ChannelId } from "@convo/messenger/channel";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiError } from "../api/client";
import { type Contact, type SandboxInput, type TranscriptEntry, testApi } from "../api/test-api";
import type { Answer } from "../api/types";
import { describeError } from "../common/errors";
import { useSession } from "../common/session";
import { useT } from "../i18n";
import { Phone, type PhoneItem } from "../phone/Phone";
import { useTestChannel } from "../phone/test-channel";
import { VariablesView } from "../phone/VariablesView";
import { buildThread, type PendingLine, shownVariables } from "./thread";

const POLL_MS = 600;

type SandboxState = Answer<"getSandboxContact">;
const PSID_KEY = "convo.sandboxPsid";

/** The runtime's own sandbox contact; new ones are other people, all named Sam Sandbox. */
const SANDBOX_PSID = "sandbox-contact";
const newPsid = () => `tester-${Math.random().toString(36).slice(2, 10)}`;

function storedPsid(): string {
  const saved = localStorage.getItem(PSID_KEY);
  return saved && /^[A-Za-z0-9_-]{1,64}$/.test(saved) ? saved : SANDBOX_PSID;
}

/**
 * Talks to the real runtime as a test contact: each message goes in as a signed webhook event, and
 * what the runtime sent to the Graph API emulator comes back here, so the published flow shows
 * exactly as a customer gets it, delays, typing indicators and hand-over included.
 */
export function SandboxView() {
  const t = useT();
  const token = useSession((s) => s.credentials) ?? "";
  const api = useMemo(() => testApi(token), [token]);
  const [psid, setPsid] = useState(storedPsid);
  // The channel the test contact writes on: the simulator's, so both tabs play the same one.
  const channel = useTestChannel((s) => s.channel);
  const setChannel = useTestChannel((s) => s.setChannel);
  const [sent, setSent] = useState<{ key: string; at: number; message: OutMessage }[]>([]);
  const [transcript, setTranscript] = useState<TranscriptEntry[]>([]);
  const [pending, setPending] = useState<PendingLine[]>([]);
  const [typing, setTyping] = useState(false);
  const [contact, setContact] = useState<Contact | null>(null);
  const [state, setState] = useState<SandboxState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const after = useRef(0);
  const seen = useRef(0);

  // Everything the runtime sends to this contact, as it sends it.
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    after.current = 0;
    seen.current = 0;
    setSent([]);
    setTranscript([]);
    setPending([]);
    setTyping(false);
    setContact(null);
    setState(null);
    async function poll() {
      try {
        const { calls, contactId } = await api.sandboxSent(psid, after.current, channel);
        if (stopped) return;
        const spec = CHANNEL_SPECS[channel];
        const added: { key: string; at: number; message: OutMessage }[] = [];
        for (const call of calls) {
          after.current = Math.max(after.current, call.seq);
          if (call.status !== 200) continue;
          const read = spec.readSent(call.body);
          if (read.kind === "typing") setTyping(read.on);
          else if (read.kind === "message") {
            setTyping(false);
            added.push({ key: `out-${call.seq}`, at: call.at, message: read.message });
          }
        }
        if (added.length > 0) setSent((old) => [...old, ...added]);
        try {
          const every = seen.current++ % 3 === 0;
          const [found, recorded, seenState] = await Promise.all([
            every ? api.getContact(contactId ?? psid) : Promise.resolve(null),
            api.transcript(contactId ?? psid),
            every ? api.sandboxContact(psid, channel) : Promise.resolve(null),
          ]);
          if (stopped) return;
          if (found) setContact(found);
          if (seenState) setState(seenState);
          setTranscript(recorded.messages);
        } catch (e) {
          // Not a contact until the first message reaches the runtime.
          if (!(e instanceof ApiError && e.status === 404)) throw e;
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
  }, [api, psid, channel, t]);

  const incomingCount = transcript.filter(
    (m) => m.direction === "in" && m.author === "contact",
  ).length;
  const send = useCallback(
    async (input: SandboxInput, shown: string) => {
      setPending((old) => [
        ...old.filter((p) => p.expectCount > incomingCount),
        {
          key: `pending-${Date.now()}-${old.length}`,
          text: shown,
          expectCount: incomingCount + old.filter((p) => p.expectCount > incomingCount).length + 1,
        },
      ]);
      try {
        await api.sandboxSend(psid, input, channel);
        setError(null);
      } catch (e) {
        setError(describeError(t, e));
      }
    },
    [api, psid, channel, t, incomingCount],
  );

  function restart() {
    const next = newPsid();
    localStorage.setItem(PSID_KEY, next);
    setPsid(next);
  }

  const thread = useMemo(() => buildThread(sent, transcript, pending), [sent, transcript, pending]);
  const last = thread.at(-1);
  const quickReplies =
    last && last.from !== "contact"
      ? (last.message.quickReplies ?? []).flatMap((q) => (q.kind === "text" ? [q] : []))
      : [];
  return (
    <div className="test-tab sandbox-tab">
      <div className="test-actions" role="toolbar" aria-label={t("test.sandboxTools")}>
        <label className="test-channel">
          <span className="visually-hidden">{t("test.channel")}</span>
          <select
            value={channel}
            onChange={(e) => setChannel(e.target.value as ChannelId)}
            title={t("test.sandboxChannelHint")}
            data-testid="sandbox-channel"
          >
            {(Object.keys(CHANNEL_SPECS) as ChannelId[]).map((id) => (
              <option key={id} value={id}>
                {CHANNEL_SPECS[id].name}
              </option>
            ))}
          </select>
        </label>
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
          title={CHANNEL_SPECS[channel].name}
          channel={channel}
          testId="sandbox-phone"
          empty={t("test.sandboxEmpty")}
          items={thread.map(
            (l): PhoneItem =>
              l.from === "contact"
                ? { key: l.key, kind: "contact", text: l.text }
                : {
                    key: l.key,
                    kind: "bot",
                    message: l.message,
                    author: l.from,
                    ...(l.source
                      ? {
                          answeredBy: t("livechat.answeredBy", {
                            flow: l.source.flowId,
                            step: l.source.nodeId,
                          }),
                        }
                      : {}),
                  },
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
        {state && (
          <VariablesView
            variables={shownVariables(state.variables)}
            fields={state.fields}
            tags={state.tags}
          />
        )}
      </div>
    </div>
  );
}
