import { diffFlows, type FlowDiff } from "@convo/flow";
import { useReactFlow } from "@xyflow/react";
import { useEffect, useRef, useState } from "react";
import { useStore } from "zustand";
import { Dialog } from "../../common/Dialog";
import { describeError } from "../../common/errors";
import { dismissNotices, notify } from "../../common/notices";
import { useApi } from "../../common/session";
import { useLocale, useT } from "../../i18n";
import { useEditor, useEditorState } from "../../store/context";
import type { Autosave } from "../save/autosave";
import { CompareView } from "./CompareView";
import { compareDocument } from "./compare";
import type { History } from "./history";
import type { VersionView } from "./view";

export interface Versions {
  history: History;
  view: VersionView;
}

/** Published versions: look at one read-only, compare it with the draft, or restore it. */
export default function VersionsPanel({
  flowId,
  autosave,
  versions: { history, view },
}: {
  flowId: string;
  autosave: Autosave;
  versions: Versions;
}) {
  const t = useT();
  const api = useApi();
  const editor = useEditor();
  const locale = useLocale((s) => s.locale);
  const { fitView } = useReactFlow();
  const readOnly = useEditorState((s) => s.readOnly);
  const comparing = useEditorState((s) => s.compare?.version ?? null);
  const { versions, error: loadError } = useStore(history.state);
  const [diff, setDiff] = useState<{ version: number; diff: FlowDiff } | null>(null);
  const [restoring, setRestoring] = useState<number | null>(null);

  useEffect(() => {
    void history.refresh();
  }, [history]);

  // Leaving the panel puts the draft back.
  const leave = useRef(view);
  leave.current = view;
  useEffect(
    () => () => {
      if (leave.current.showing()) leave.current.close();
    },
    [],
  );

  /** A failed view, compare or restore is said by a notice that stays until it is closed. */
  async function run(action: () => Promise<void>) {
    dismissNotices("versions");
    try {
      await action();
    } catch (e) {
      notify("error", describeError(t, e), { key: "versions" });
    }
  }

  async function open(version: number) {
    if (!view.showing()) await autosave.flush();
    const detail = await api.getVersion(flowId, version);
    view.show(detail.flow, version);
  }

  async function compare(version: number) {
    if (!view.showing()) await autosave.flush();
    const detail = await api.getVersion(flowId, version);
    const draft = view.draft();
    const changes = diffFlows(detail.flow, draft);
    const shown = compareDocument(detail.flow, draft, changes);
    view.show(shown.flow, version, shown.steps);
    setDiff({ version, diff: changes });
    // Every outlined step in sight, the removed ones brought back included, once the canvas has
    // taken its narrower width (the side panel widens for the texts side by side).
    setTimeout(() => void fitView({ duration: 300, includeHiddenNodes: true }), 100);
  }

  async function restore(version: number) {
    setRestoring(null);
    if (view.showing()) view.close();
    await autosave.flush();
    const detail = await api.restoreVersion(flowId, version);
    editor.replaceFlow(detail.flow);
    autosave.adopt(detail.flow, detail.revision);
    notify("success", t("versions.restored", { version }), {
      key: "restore",
      action: { label: t("editor.undo"), run: editor.undo },
    });
  }

  const shownError = loadError ? describeError(t, loadError) : null;
  if (versions === null && !shownError) return <p className="loading">{t("common.loading")}</p>;
  return (
    <div className="versions">
      {shownError && (
        <p className="error pre" role="alert">
          {shownError}
        </p>
      )}
      {readOnly && (
        <button type="button" className="primary" onClick={view.close}>
          {t(comparing !== null ? "diff.leave" : "versions.backToDraft")}
        </button>
      )}
      {versions?.length === 0 && <p className="empty">{t("versions.none")}</p>}
      <ol className="version-list" aria-label={t("panel.versions")}>
        {versions?.map((v) => (
          <li
            key={v.version}
            className={readOnly?.version === v.version ? "current" : ""}
            data-testid={`version-${v.version}`}
          >
            <strong>{t("versions.version", { version: v.version })}</strong>
            <div className="muted small">
              {new Date(v.publishedAt).toLocaleString(locale)}
              {v.publishedBy ? ` · ${v.publishedBy}` : ""}
            </div>
            {v.note && <p className="note-line">{v.note}</p>}
            <div className="row">
              <button type="button" onClick={() => void run(() => open(v.version))}>
                {t("versions.open")}
              </button>
              <button type="button" onClick={() => void run(() => compare(v.version))}>
                {t("versions.compare")}
              </button>
              <button type="button" onClick={() => setRestoring(v.version)}>
                {t("versions.restore")}
              </button>
            </div>
          </li>
        ))}
      </ol>
      {diff && comparing === diff.version && (
        <CompareView version={diff.version} diff={diff.diff} />
      )}
      {restoring !== null && (
        <Dialog
          title={t("versions.restoreTitle", { version: restoring })}
          onClose={() => setRestoring(null)}
        >
          <p>{t("versions.restoreText", { version: restoring })}</p>
          <div className="row">
            <button
              type="button"
              className="primary"
              onClick={() => void run(() => restore(restoring))}
            >
              {t("versions.restoreConfirm")}
            </button>
            <button type="button" onClick={() => setRestoring(null)}>
              {t("common.cancel")}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
