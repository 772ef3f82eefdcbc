import { canPublish } from "@convo/flow";
import { lazy, Suspense, useState } from "react";
import { useStore } from "zustand";
import { AnalyticsControls } from "../analytics/AnalyticsControls";
import { ApiError } from "../api/client";
import { describeError } from "../common/errors";
import { LocaleSwitch } from "../common/LocaleSwitch";
import { dismissNotices, notify } from "../common/notices";
import { useApi } from "../common/session";
import { useT } from "../i18n";
import { useTestChannel } from "../simulator/panel-store";
import { TestButton } from "../simulator/TestPanelHost";
import { useEditor, useEditorState } from "../store/context";
import { useContentLanguage } from "./canvas/content-language";
import { useFit } from "./canvas/use-room";
import type { Overlay } from "./EditorScreen";
import type { Autosave } from "./save/autosave";
import type { History } from "./versions/history";
import { LiveBadge } from "./versions/LiveBadge";

interface Props {
  flowId: string;
  name: string;
  autosave: Autosave;
  history: History;
  setOverlay: (overlay: Overlay) => void;
}

/** Which of the flow's languages the canvas shows, when it speaks several. */
function CanvasLanguage() {
  const t = useT();
  const languages = useEditorState((s) => s.flow.languages) ?? [];
  const language = useContentLanguage((s) => s.language);
  const set = useContentLanguage((s) => s.set);
  if (languages.length < 2) return null;
  return (
    <label className="canvas-language">
      {t("translations.canvasLanguage")}{" "}
      <select
        value={language !== null && languages.includes(language) ? language : (languages[0] ?? "")}
        onChange={(e) => set(e.target.value === languages[0] ? null : e.target.value)}
      >
        {languages.map((l) => (
          <option key={l} value={l}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Loaded when someone publishes: opening a flow does not wait for it. */
const PublishDialog = lazy(() =>
  import("./panels/PublishDialog").then((m) => ({ default: m.PublishDialog })),
);

/** The channels' names as Meta writes them (not translated); the canvas needs no more of them. */
const CHANNEL_NAMES = { messenger: "Messenger", instagram: "Instagram", whatsapp: "WhatsApp" };

/**
 * Which channel the steps are drawn for: the test panel's channel, so what the canvas shows is
 * what the simulator plays (WhatsApp's reply buttons and lists, a gallery card by card).
 */
function CanvasChannel() {
  const t = useT();
  const channel = useTestChannel((s) => s.channel);
  const setChannel = useTestChannel((s) => s.setChannel);
  return (
    <label className="canvas-language" title={t("canvas.channelHint")}>
      {t("canvas.channel")}{" "}
      <select
        value={channel}
        onChange={(e) => setChannel(e.target.value as keyof typeof CHANNEL_NAMES)}
      >
        {Object.entries(CHANNEL_NAMES).map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Toolbar({ flowId, name, autosave, history, setOverlay }: Props) {
  const t = useT();
  const api = useApi();
  const editor = useEditor();
  const fitSteps = useFit();
  const canUndo = useEditorState((s) => s.past.length > 0 && s.readOnly === null);
  const canRedo = useEditorState((s) => s.future.length > 0 && s.readOnly === null);
  const readOnly = useEditorState((s) => s.readOnly !== null);
  const errorCount = useEditorState((s) => s.problems.filter((p) => p.severity === "error").length);
  const status = useStore(autosave.state, (s) => s.status);
  const [publishing, setPublishing] = useState(false);
  // Publish's answers replace each other: a retry that works clears the error before it.
  const say = (kind: "success" | "error", text: string) => notify(kind, text, { key: "publish" });

  async function autoLayout() {
    const { layoutFlow } = await import("./canvas/layout");
    const { flow, measured } = editor.store.getState();
    editor.replaceFlow(layoutFlow(flow, measured));
    requestAnimationFrame(() => fitSteps());
  }

  function askToPublish() {
    dismissNotices("publish");
    const problems = editor.store.getState().problems;
    if (!canPublish(problems)) {
      say("error", t("publish.refused", { count: errorCount }));
      editor.setPanel("problems");
      return;
    }
    setPublishing(true);
  }

  async function publish(note: string) {
    setPublishing(false);
    try {
      if (!(await autosave.flush())) {
        say("error", t("publish.notSaved"));
        return;
      }
      const answer = await api.publish(
        flowId,
        note || undefined,
        autosave.state.getState().revision,
      );
      say("success", t("publish.done", { version: answer.version }));
      await history.refresh();
    } catch (e) {
      if (e instanceof ApiError && e.code === "lint_errors") {
        editor.setProblems(e.problems);
        editor.setPanel("problems");
        say("error", t("publish.refused", { count: e.problems.length }));
      } else if (e instanceof ApiError && e.code === "flow_clash") {
        // Another live flow answers the same keyword, ref, payload, event or default: the
        // problems point at this flow's triggers, the message names the other flow.
        editor.setProblems([...editor.store.getState().problems, ...e.problems]);
        editor.setPanel("problems");
        say("error", describeError(t, e));
      } else {
        say("error", describeError(t, e));
      }
    }
  }

  return (
    <header className="topbar editor-topbar">
      <a className="back" href="#/" aria-label={t("editor.backToList")}>
        ←
      </a>
      <h1 className="flow-name">{name}</h1>
      {/* A version on screen is not the draft: nothing of it is being saved. */}
      {!readOnly && (
        <span className={`save-status save-${status}`} role="status" data-testid="save-status">
          {t(`save.${status}`)}
        </span>
      )}
      <LiveBadge history={history} />
      <div className="spacer" />
      <div className="toolbar-group" role="toolbar" aria-label={t("editor.tools")}>
        <button type="button" onClick={editor.undo} disabled={!canUndo} title="Ctrl+Z">
          {t("editor.undo")}
        </button>
        <button
          type="button"
          onClick={editor.redo}
          disabled={!canRedo}
          title={t("editor.redoKeys")}
        >
          {t("editor.redo")}
        </button>
        <button type="button" onClick={() => void autoLayout()} disabled={readOnly}>
          {t("editor.layout")}
        </button>
        <button type="button" onClick={() => fitSteps()}>
          {t("editor.fit")}
        </button>
        <button type="button" onClick={() => setOverlay("search")} title="Ctrl+F">
          {t("editor.search")}
        </button>
        <button
          type="button"
          onClick={() => setOverlay("help")}
          title="?"
          aria-label={t("help.title")}
        >
          ?
        </button>
      </div>
      <AnalyticsControls flowId={flowId} />
      <TestButton />
      <CanvasLanguage />
      <CanvasChannel />
      <LocaleSwitch />
      <button type="button" className="primary" onClick={askToPublish} disabled={readOnly}>
        {t("publish.button")}
      </button>
      {publishing && (
        <Suspense fallback={null}>
          <PublishDialog
            onCancel={() => setPublishing(false)}
            onPublish={(note) => void publish(note)}
          />
        </Suspense>
      )}
    </header>
  );
}
