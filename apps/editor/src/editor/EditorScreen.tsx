import { lazy, Suspense, useState } from "react";
import { Tabs, tabIds } from "../common/Tabs";
import { loadPanelWords, useT } from "../i18n";
import { TestPanelHost } from "../simulator/TestPanelHost";
import { useEditor, useEditorState } from "../store/context";
import type { Panel } from "../store/editor-store";
import { Canvas } from "./canvas/Canvas";
import type { Autosave } from "./save/autosave";
import { SaveBanner } from "./save/SaveBanner";
import { Toolbar } from "./Toolbar";
import { useShortcuts } from "./use-shortcuts";
import type { Versions } from "./versions/VersionsPanel";

// The forms are the heaviest part of the editor and are not needed to look at a flow; they bring
// their words with them.
const Inspector = lazy(() =>
  Promise.all([import("../inspector/Inspector"), loadPanelWords()]).then(([panel]) => panel),
);
// The history (its compare and word diff) loads when its tab is first opened.
const VersionsPanel = lazy(() =>
  Promise.all([import("./versions/VersionsPanel"), loadPanelWords()]).then(([panel]) => panel),
);

// What a flow does not show when it opens loads at first use, with its words: the other tabs
// (the problems' texts among them), the overlays.
const ProblemsPanel = lazy(() =>
  Promise.all([import("./panels/ProblemsPanel"), loadPanelWords()]).then(([m]) => ({
    default: m.ProblemsPanel,
  })),
);
const VariablesPanel = lazy(() =>
  Promise.all([import("./panels/VariablesPanel"), loadPanelWords()]).then(([m]) => ({
    default: m.VariablesPanel,
  })),
);
const HelpOverlay = lazy(() =>
  Promise.all([import("./panels/HelpOverlay"), loadPanelWords()]).then(([m]) => ({
    default: m.HelpOverlay,
  })),
);
const SearchOverlay = lazy(() =>
  Promise.all([import("./panels/SearchOverlay"), loadPanelWords()]).then(([m]) => ({
    default: m.SearchOverlay,
  })),
);

/** Shown while a version is compared (loaded with the version history, not with the canvas). */
const CompareBanner = lazy(() =>
  Promise.all([import("./versions/CompareBanner"), loadPanelWords()]).then(([m]) => ({
    default: m.CompareBanner,
  })),
);
const ConnectDialog = lazy(() =>
  Promise.all([import("./panels/ConnectDialog"), loadPanelWords()]).then(([m]) => ({
    default: m.ConnectDialog,
  })),
);

export type Overlay = "help" | "search" | "connect" | null;

export function EditorScreen({
  flowId,
  name,
  autosave,
  versions,
}: {
  flowId: string;
  name: string;
  autosave: Autosave;
  versions: Versions;
}) {
  const t = useT();
  const [overlay, setOverlay] = useState<Overlay>(null);
  useShortcuts(autosave, setOverlay);
  const panel = useEditorState((s) => s.panel) ?? "inspector";
  const readOnly = useEditorState((s) => s.readOnly);
  const comparing = useEditorState((s) => s.compare !== null);
  const tabs: { id: Panel | "inspector"; label: string }[] = [
    { id: "inspector", label: t("panel.inspector") },
    { id: "problems", label: t("panel.problems") },
    { id: "variables", label: t("panel.variables") },
    { id: "versions", label: t("panel.versions") },
  ];
  return (
    <div className={`editor${readOnly ? " read-only" : ""}${comparing ? " comparing" : ""}`}>
      <Toolbar
        flowId={flowId}
        name={name}
        autosave={autosave}
        history={versions.history}
        setOverlay={setOverlay}
      />
      <SaveBanner autosave={autosave} />
      {comparing && (
        <Suspense fallback={null}>
          <CompareBanner onLeave={versions.view.close} />
        </Suspense>
      )}
      {readOnly && !comparing && (
        <div className="banner info" role="status">
          {t("versions.viewing", { version: readOnly.version })}
        </div>
      )}
      <div className="editor-body">
        <Canvas />
        <Sidebar
          tabs={tabs}
          panel={panel}
          flowId={flowId}
          autosave={autosave}
          versions={versions}
        />
      </div>
      <TestPanelHost flowId={flowId} />
      <Suspense fallback={null}>
        {overlay === "help" && <HelpOverlay onClose={() => setOverlay(null)} />}
        {overlay === "search" && <SearchOverlay onClose={() => setOverlay(null)} />}
        {overlay === "connect" && <ConnectDialog onClose={() => setOverlay(null)} />}
      </Suspense>
    </div>
  );
}

function Sidebar({
  tabs,
  panel,
  flowId,
  autosave,
  versions,
}: {
  tabs: { id: Panel | "inspector"; label: string }[];
  panel: Panel | "inspector";
  flowId: string;
  autosave: Autosave;
  versions: Versions;
}) {
  const t = useT();
  const { setPanel } = useEditor();
  const problemCount = useEditorState((s) => s.problems.length);
  return (
    <aside className="sidebar" aria-label={t("panel.sidebar")}>
      <Tabs
        tabs={tabs.map((tab) => ({
          id: tab.id,
          label:
            tab.id === "problems" && problemCount > 0 ? (
              <>
                {tab.label}
                <span className="badge">{problemCount}</span>
              </>
            ) : (
              tab.label
            ),
        }))}
        selected={panel}
        onSelect={(id) => setPanel(id === "inspector" ? null : id)}
      />
      <div
        className="panel"
        role="tabpanel"
        id={tabIds("", panel).panel}
        aria-labelledby={tabIds("", panel).tab}
      >
        {panel === "inspector" && (
          <Suspense fallback={<p className="loading">{t("common.loading")}</p>}>
            <Inspector />
          </Suspense>
        )}
        {(panel === "problems" || panel === "variables") && (
          <Suspense fallback={<p className="loading">{t("common.loading")}</p>}>
            {panel === "problems" ? <ProblemsPanel /> : <VariablesPanel />}
          </Suspense>
        )}
        {panel === "versions" && (
          <Suspense fallback={<p className="loading">{t("common.loading")}</p>}>
            <VersionsPanel flowId={flowId} autosave={autosave} versions={versions} />
          </Suspense>
        )}
      </div>
    </aside>
  );
}
