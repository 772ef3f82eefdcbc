import { type OutButton, type Tappable, TEST_CONTACT } from "@convo/engine";
import type { Flow } from "@convo/flow";
import {
  CHANNEL_SPECS,
  type ChannelId,
  type ChannelSpec,
  previewOn,
} from "@convo/messenger/channel";
import { useReactFlow } from "@xyflow/react";
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { testApi } from "../api/test-api";
import { useApi, useSession } from "../common/session";
import { type Translate, useLocale, useT } from "../i18n";
import { Phone, type PhoneItem, type TextQuickReply } from "../phone/Phone";
import { VariablesView } from "../phone/VariablesView";
import { useEditor, useEditorState } from "../store/context";
import { useActiveNode, useTestChannel } from "./panel-store";
import { Simulator, type SimulatorEntry, type SimulatorNote } from "./simulator";
import { TestEventButtons } from "./TestEventButtons";
import { useReveal } from "./use-reveal";

/** Locales a tester can give the simulated contact: a few of Messenger's, and one no flow speaks. */
const TEST_LOCALES = ["en_GB", "en_US", "fr_FR", "fr_BE", "fr_CA", "es_ES", "de_DE"];

/** Runs the draft on the canvas in the browser: nothing is published, nothing is sent. */
export function SimulatorView({ flowId }: { flowId: string }) {
  const t = useT();
  const editor = useEditor();
  const api = useApi();
  const token = useSession((s) => s.credentials) ?? "";
  const locale = useLocale((s) => s.locale);
  const languages = useEditorState((s) => s.flow.languages);
  // The test contact's Messenger locale: a flow in several languages answers in its language.
  const [contactLocale, setContactLocale] = useState<string>(locale === "fr" ? "fr_FR" : "en_GB");
  const [others, setOthers] = useState<Flow[]>([]);
  const channel = useTestChannel((s) => s.channel);
  const setChannel = useTestChannel((s) => s.setChannel);
  const published = useEditorState((s) => s.flow.channels);
  const channels = (published?.length ? published : Object.keys(CHANNEL_SPECS)) as ChannelId[];
  // A flow no longer published to the channel chosen: play its first channel.
  const playing = channels.includes(channel) ? channel : (channels[0] ?? "messenger");

  const simulator = useMemo(() => {
    const http = testApi(token);
    return new Simulator({
      flows: [editor.store.getState().flow],
      flowId,
      channel: playing,
      contact: {
        fields: {
          ...TEST_CONTACT,
          locale: contactLocale,
        },
      },
      performHttp: async (request) => {
        const answer = await http.simulateHttp(request);
        return {
          ok: answer.ok,
          ...(answer.status === null ? {} : { status: answer.status }),
          body: answer.body,
          ...(answer.error ? { error: answer.error } : {}),
        };
      },
      performAi: (request) => http.simulateAi(request),
    });
  }, [editor, flowId, token, contactLocale, playing]);

  // Other flows' drafts, for `goto` steps and their keywords, as the runtime would have them.
  useEffect(() => {
    let cancelled = false;
    api
      .listFlows()
      .then((list) =>
        Promise.all(
          list.flows
            .filter((f) => f.id !== flowId)
            .slice(0, 30)
            .map((f) => api.getFlow(f.id).then((d) => d.flow)),
        ),
      )
      .then((flows) => {
        if (!cancelled) setOthers(flows);
      })
      .catch(() => {
        // Without them the draft still runs; a goto elsewhere says the flow is unknown.
      });
    return () => {
      cancelled = true;
    };
  }, [api, flowId]);

  // The draft as it is edited: the conversation goes on against the newest version.
  useEffect(() => {
    simulator.setFlows([editor.store.getState().flow, ...others]);
    return editor.store.subscribe((now, before) => {
      if (now.flow !== before.flow) simulator.setFlows([now.flow, ...others]);
    });
  }, [editor, simulator, others]);

  const state = useSyncExternalStore(simulator.subscribe, simulator.getState);
  const { shown, typing } = useReveal(state.entries);
  useFollowActiveNode(state.active?.flowId === flowId ? state.active.nodeId : null);

  const selected = useEditorState((s) =>
    s.selectedNodes.size === 1 ? [...s.selectedNodes][0] : undefined,
  );
  const items = useMemo(
    () => shown.flatMap((e) => toItems(e, simulator.channel, t)),
    [shown, simulator, t],
  );
  const revealed = shown.length === state.entries.length && !typing;
  const quickReplies = revealed
    ? state.offered.flatMap((o) => (o.kind === "quick_reply" ? [o.reply] : []))
    : [];

  const tap = (tappable: Tappable) => void simulator.tap(tappable);
  return (
    <div className="test-tab simulator-tab">
      <div className="test-actions" role="toolbar" aria-label={t("test.simulatorTools")}>
        <label className="test-channel">
          <span className="visually-hidden">{t("test.channel")}</span>
          <select
            value={playing}
            onChange={(e) => setChannel(e.target.value as ChannelId)}
            title={t("test.channelHint")}
          >
            {channels.map((id) => (
              <option key={id} value={id}>
                {CHANNEL_SPECS[id].name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => simulator.restart()}>
          {t("test.restart")}
        </button>
        <button type="button" onClick={() => simulator.stepBack()} disabled={!state.canStepBack}>
          {t("test.stepBack")}
        </button>
        <button
          type="button"
          onClick={() => selected && void simulator.startAt(selected)}
          disabled={!selected}
        >
          {t("test.startHere")}
        </button>
        {state.nextWait && (
          <button type="button" onClick={() => void simulator.skipWait()}>
            {t(state.nextWait.kind === "resume" ? "test.skipToResume" : "test.skipTimeout", {
              time: duration(state.nextWait.inMs),
            })}
          </button>
        )}
        {state.waiting === "handover" && (
          <button type="button" onClick={() => void simulator.resume()}>
            {t("test.resumeBot")}
          </button>
        )}
        <TestEventButtons simulator={simulator} />
        {(languages?.length ?? 0) > 1 && (
          <label className="test-locale">
            {t("test.contactLocale")}{" "}
            <select value={contactLocale} onChange={(e) => setContactLocale(e.target.value)}>
              {TEST_LOCALES.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div className="test-body">
        <Phone
          title={t("test.simulatorTitle")}
          channel={playing}
          testId="simulator-phone"
          items={items}
          typing={typing || state.busy}
          quickReplies={quickReplies}
          onButton={(button: OutButton) => tap({ kind: "button", button })}
          onQuickReply={(reply: TextQuickReply) => tap({ kind: "quick_reply", reply })}
          onSend={(text) => void simulator.say(text)}
          disabled={state.busy}
        />
        <VariablesView
          variables={state.variables[flowId] ?? {}}
          fields={state.fields}
          tags={state.tags}
        />
      </div>
    </div>
  );
}

/** Rings the step on the canvas and pans to it when it is off screen. */
function useFollowActiveNode(nodeId: string | null) {
  const editor = useEditor();
  const { setCenter, getZoom, getViewport } = useReactFlow();
  useEffect(() => {
    useActiveNode.getState().set(nodeId);
    if (!nodeId) return;
    const { byId, measured } = editor.store.getState();
    const node = byId.get(nodeId);
    if (!node) return;
    const size = measured.get(nodeId) ?? { width: 240, height: 120 };
    const x = node.position.x + size.width / 2;
    const y = node.position.y + size.height / 2;
    const pane = document.querySelector(".react-flow")?.getBoundingClientRect();
    const viewport = getViewport();
    if (pane) {
      const sx = x * viewport.zoom + viewport.x;
      const sy = y * viewport.zoom + viewport.y;
      // Already comfortably in view (left of the panel): leave the canvas where the tester put it.
      if (sx > 80 && sx < pane.width - 520 && sy > 60 && sy < pane.height - 60) return;
    }
    void setCenter(x + 200 / getZoom(), y, { zoom: getZoom(), duration: 300 });
  }, [nodeId, editor, setCenter, getZoom, getViewport]);
  useEffect(() => () => useActiveNode.getState().set(null), []);
}

/**
 * A line of the simulated conversation as the phone shows it on the channel played: a bot
 * message rendered for that channel and read back (WhatsApp: four choices as a list, a gallery
 * card by card), or greyed out with the channel's reason when it refuses it.
 */
function toItems(entry: SimulatorEntry, channel: ChannelSpec, t: Translate): PhoneItem[] {
  if (entry.from !== "bot") return [toItem(entry, t)];
  const key = String(entry.id);
  const late = entry.outsideWindow ? { undelivered: t("test.outsideWindow") } : {};
  const preview = previewOn(channel, entry.message);
  if (!preview.ok) {
    return [
      {
        key,
        kind: "bot",
        message: entry.message,
        undelivered: t("test.refusedBy", { channel: channel.name, reason: preview.message }),
      },
    ];
  }
  return preview.messages.map((message, i) => ({
    key: i === 0 ? key : `${key}.${i}`,
    kind: "bot" as const,
    message,
    ...late,
  }));
}

function toItem(entry: Exclude<SimulatorEntry, { from: "bot" }>, t: Translate): PhoneItem {
  const key = String(entry.id);
  switch (entry.from) {
    case "contact":
      return { key, kind: "contact", text: entry.text };
    case "typing":
      return { key, kind: "note", text: t("test.typedFor", { seconds: entry.seconds }) };
    case "system":
      return {
        key,
        kind: "note",
        text: noteText(entry.note, t),
        tone:
          entry.note.kind === "error" ||
          ((entry.note.kind === "http" || entry.note.kind === "ai") && !entry.note.ok)
            ? "error"
            : "info",
      };
    default: {
      const never: never = entry;
      return never;
    }
  }
}

function noteText(note: SimulatorNote, t: Translate): string {
  switch (note.kind) {
    case "handover":
      return t("test.noteHandover");
    case "resumed":
      return t("test.noteResumed");
    case "event":
      return t("test.noteEvent", { name: note.name });
    case "end":
      return t("test.noteEnd");
    case "skipped":
      return t("test.noteSkipped", { time: duration(note.ms) });
    case "http":
      return t("test.noteHttp", {
        method: note.method,
        url: note.url,
        result: note.status === undefined ? (note.error ?? "—") : String(note.status),
      });
    case "ai":
      return t(note.task === "intent" ? "test.noteAiIntent" : "test.noteAiAnswer", {
        result:
          note.ok && (note.result === "answered" || note.result === "unsure")
            ? t(`output.${note.result}`)
            : note.result,
      });
    case "error":
      return t("test.noteError", { message: note.message });
    default: {
      const never: never = note;
      return never;
    }
  }
}

export function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return `${Math.max(1, Math.round(ms / 1000))} s`;
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} d`;
}
