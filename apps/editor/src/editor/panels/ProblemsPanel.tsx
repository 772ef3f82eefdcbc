import { useLocale, useT } from "../../i18n";
import { problemText } from "../../i18n/problem-text";
import { useEditor, useEditorState } from "../../store/context";
import { problemNodeId } from "../../store/marks";
import { parsePath } from "../../store/paths";
import { useFocusNode } from "../use-focus-node";

/** Errors first, then warnings; a click selects and centres the step. */
export function ProblemsPanel() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const editor = useEditor();
  const focusNode = useFocusNode();
  const problems = useEditorState((s) => s.problems);
  const readOnly = useEditorState((s) => s.readOnly !== null);
  if (problems.length === 0) return <p className="empty">{t("problems.none")}</p>;
  const sorted = [...problems].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1,
  );
  const errors = problems.filter((p) => p.severity === "error").length;
  return (
    <div>
      <p className="muted">
        {t("problems.summary", {
          errors: t("problems.errors", { count: errors }),
          warnings: t("problems.warnings", { count: problems.length - errors }),
        })}
      </p>
      <ul className="problems">
        {sorted.map((problem, i) => {
          const nodeId = problemNodeId(problem, editor.store.getState().flow);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: problems are recomputed as a whole; order is stable
            <li key={i} className={`problem ${problem.severity}`}>
              <button type="button" disabled={!nodeId} onClick={() => nodeId && focusNode(nodeId)}>
                <span className="severity">
                  {t(problem.severity === "error" ? "problems.error" : "problems.warning")}
                </span>
                <span>{problemText(locale, problem)}</span>
                {nodeId && <code className="small">{nodeId}</code>}
              </button>
              {problem.fix && !readOnly && (
                // The lint's rewrite (a credential moved into {{secrets.NAME}}), applied in one step.
                <button
                  type="button"
                  className="small"
                  data-testid="problem-fix"
                  onClick={() => {
                    if (problem.fix)
                      editor.setFlowField(parsePath(problem.path), problem.fix.value);
                  }}
                >
                  {t("problems.useSecret", problem.params)}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
