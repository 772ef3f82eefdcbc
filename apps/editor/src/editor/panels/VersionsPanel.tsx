import type { Flow } from "@convo/flow";
import { useCallback, useEffect, useRef, useState } from "react";
import type { VersionSummary } from "../../api/client";
import { describeError } from "../../common/errors";
import { useApi } from "../../common/session";
import { useLocale, useT } from "../../i18n";
import { useEditor, useEditorState } from "../../store/context";
import { diffFlows, type FlowDiff } from "../../store/diff";
import type { EditorState } from "../../store/editor-store";
import type { Autosave } from "../save/autosave";
import { useFocusNode } from "../use-focus-node";

/** Published versions: look at one read-only, restore it as the draft, or compare it with the draft. */
export function VersionsPanel({ flowId, autosave }: { flowId: string; autosave: Autosave }) {
  const t = useT();
  const api = useApi();
  const editor = useEditor();
  const focusNode = useFocusNode();
  const locale = useLocale((s) => s.locale);
  const readOnly = useEditorState((s) => s.readOnly);
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [diff, setDiff] = useState<{ version: number; diff: FlowDiff } | null>(null);
  /** The draft and its history while a version is on screen. */
  const aside = useRef<Pick<EditorState, "flow" | "past" | "future"> | null>(null);

  const load = useCallback(async () => {
    try {
      setVersions((await api.listVersions(flowId)).versions);
    } catch (e) {
      setError(describeError(t, e));
    }
  }, [api, flowId, t]);
  useEffect(() => {
    void load();
  }, [load]);

  function closeVersion() {
    const draft = aside.current;
    aside.current = null;
    if (draft) {
      editor.resetFlow(draft.flow);
      editor.store.setState({ past: draft.past, future: draft.future });
    }
    editor.setReadOnly(null);
  }

  // Leaving the panel puts the draft back.
  const closeOnLeave = useRef(closeVersion);
  closeOnLeave.current = closeVersion;
  useEffect(
    () => () => {
      if (aside.current) closeOnLeave.current();
    },
    [],
  );

  async function run(action: () => Promise<void>) {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(describeError(t, e));
    }
  }

  async function open(version: number) {
    const detail = await api.getVersion(flowId, version);
    if (!aside.current) {
      const { flow, past, future } = editor.store.getState();
      aside.current = { flow, past, future };
    }
    editor.resetFlow(detail.flow);
    editor.setReadOnly({ version });
  }

  async function restore(version: number) {
    if (aside.current) closeVersion();
    await autosave.flush();
    const detail = await api.restoreVersion(flowId, version);
    editor.replaceFlow(detail.flow);
    autosave.adopt(detail.flow, detail.revision);
  }

  async function compare(version: number) {
    const detail = await api.getVersion(flowId, version);
    const draft: Flow = aside.current?.flow ?? editor.store.getState().flow;
    setDiff({ version, diff: diffFlows(detail.flow, draft) });
  }

  if (error)
    return (
      <p className="error pre" role="alert">
        {error}
      </p>
    );
  if (versions === null) return <p className="loading">{t("common.loading")}</p>;
  return (
    <div className="versions">
      {readOnly && (
        <button type="button" className="primary" onClick={closeVersion}>
          {t("versions.backToDraft")}
        </button>
      )}
      {versions.length === 0 && <p className="empty">{t("versions.none")}</p>}
      <ol className="version-list">
        {versions.map((v) => (
          <li key={v.version} className={readOnly?.version === v.version ? "current" : ""}>
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
              <button type="button" onClick={() => void run(() => restore(v.version))}>
                {t("versions.restore")}
              </button>
            </div>
          </li>
        ))}
      </ol>
      {diff && (
        <section
          className="diff"
          aria-label={t("versions.compareTitle", { version: diff.version })}
        >
          <h3>{t("versions.compareTitle", { version: diff.version })}</h3>
          {(["added", "removed", "changed"] as const).map((kind) => (
            <div key={kind}>
              <h4>
                {t(`diff.${kind}`)} ({diff.diff[kind].length})
              </h4>
              <ul>
                {diff.diff[kind].map((id) => (
                  <li key={id}>
                    {kind === "removed" ? (
                      <code>{id}</code>
                    ) : (
                      <button type="button" className="link" onClick={() => focusNode(id)}>
                        {id}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
          {diff.diff.edgesChanged && <p>{t("diff.edges")}</p>}
        </section>
      )}
    </div>
  );
}
