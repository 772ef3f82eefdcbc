import type { Flow } from "@convo/flow";
import { ReactFlowProvider } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useEffect, useRef, useState } from "react";
import { ApiError } from "../api/client";
import { describeError } from "../common/errors";
import { navigate } from "../common/route";
import { useApi, useSession } from "../common/session";
import { useT } from "../i18n";
import { EditorContext } from "../store/context";
import { createEditor, type Editor } from "../store/editor-store";
import { EditorScreen } from "./EditorScreen";
import { startLint } from "./lint/runner";
import { type Autosave, createAutosave, readLocalDraft } from "./save/autosave";
import { createHistory } from "./versions/history";
import type { Versions } from "./versions/VersionsPanel";
import { createVersionView } from "./versions/view";

interface Loaded {
  editor: Editor;
  autosave: Autosave;
  versions: Versions;
  name: string;
  knownFlows: string[];
}

/** Opens one flow: loads its draft (or the unsent local one), then shows the canvas. */
export default function EditorPage({ flowId }: { flowId: string }) {
  const t = useT();
  const api = useApi();
  const signOut = useSession((s) => s.signOut);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The words of a load error, read when it happens: switching the interface language must not
  // load the flow again (that dropped the canvas, its undo history and a change not yet saved).
  const tRef = useRef(t);
  tRef.current = t;

  useEffect(() => {
    let cancelled = false;
    let dispose = () => {};
    (async () => {
      try {
        const [detail, list] = await Promise.all([api.getFlow(flowId), api.listFlows()]);
        if (cancelled) return;
        const local = readLocalDraft(flowId);
        // A draft this tab could not send is shown again; if the runtime moved on meanwhile, the
        // user decides which one wins.
        const start: Flow = local ? local.flow : detail.flow;
        const editor = createEditor(start);
        const autosave = createAutosave(editor, api, flowId, {
          revision: local ? local.revision : detail.revision,
          saved: detail.flow,
        });
        if (local && local.revision !== detail.revision) autosave.markConflict();
        else if (local) void autosave.flush();
        const versions: Versions = {
          history: createHistory(api, flowId),
          view: createVersionView(editor),
        };
        // The header compares the draft with the live version from the start.
        if (detail.publishedVersion !== null) void versions.history.refresh();
        const knownFlows = list.flows.map((f) => f.id);
        const stopLint = startLint(editor, knownFlows);
        dispose = () => {
          stopLint();
          autosave.dispose();
        };
        setLoaded({ editor, autosave, versions, name: detail.name, knownFlows });
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) signOut();
        if (!cancelled) setError(describeError(tRef.current, e));
      }
    })();
    return () => {
      cancelled = true;
      dispose();
    };
  }, [api, flowId, signOut]);

  if (error) {
    return (
      <main className="centered">
        <p className="error" role="alert">
          {error}
        </p>
        <button type="button" onClick={() => navigate({ screen: "list" })}>
          {t("editor.backToList")}
        </button>
      </main>
    );
  }
  if (!loaded) {
    return (
      <p className="loading" aria-busy="true">
        {t("common.loading")}
      </p>
    );
  }
  return (
    <EditorContext.Provider value={loaded.editor}>
      <ReactFlowProvider>
        <EditorScreen
          flowId={flowId}
          name={loaded.name}
          autosave={loaded.autosave}
          versions={loaded.versions}
        />
      </ReactFlowProvider>
    </EditorContext.Provider>
  );
}
