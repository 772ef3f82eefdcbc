import { diffWords, type FlowDiff, type StepChange, type WordPart } from "@convo/flow";
import { useT } from "../../i18n";
import { EDITOR_NODES } from "../../nodes";
import { useFocusNode } from "../use-focus-node";
import { fieldLabel } from "./field-label";

/** One side of a text: the words both share, and the ones only this side has, highlighted. */
function Side({ parts, keep }: { parts: WordPart[]; keep: "added" | "removed" }) {
  // Each part is keyed by where it starts in the whole comparison, which never reorders.
  let at = 0;
  const shown = parts.map((p) => {
    const key = at;
    at += p.text.length;
    return { ...p, key };
  });
  return (
    <div className={`diff-side diff-side-${keep === "removed" ? "old" : "new"}`}>
      {shown.map((p) => {
        if (p.op === "same") return <span key={p.key}>{p.text}</span>;
        if (p.op !== keep) return null;
        return keep === "added" ? <ins key={p.key}>{p.text}</ins> : <del key={p.key}>{p.text}</del>;
      })}
    </div>
  );
}

function StepEntry({ step }: { step: StepChange }) {
  const t = useT();
  const focusNode = useFocusNode();
  const type = t(EDITOR_NODES[step.type].label);
  return (
    <li className={`diff-step diff-step-${step.kind}`} data-testid={`diff-step-${step.id}`}>
      <div className="diff-step-head">
        <span className={`diff-chip diff-chip-${step.kind}`}>{t(`diff.${step.kind}`)}</span>
        <button type="button" className="link" onClick={() => focusNode(step.id)}>
          {step.label ? `${type} · ${step.label}` : type}
        </button>
        <code className="muted small">{step.id}</code>
      </div>
      {step.texts.length > 0 && (
        <table className="diff-texts">
          <thead>
            <tr>
              <th scope="col">{t("diff.field")}</th>
              <th scope="col">{t("diff.before")}</th>
              <th scope="col">{t("diff.after")}</th>
            </tr>
          </thead>
          <tbody>
            {step.texts.map((text) => {
              const parts = diffWords(text.before, text.after);
              const label = fieldLabel(text.path);
              return (
                <tr key={text.path}>
                  <th scope="row">
                    {label ? t(label.key, label.params) : <code>{text.path}</code>}
                  </th>
                  <td>
                    <Side parts={parts} keep="removed" />
                  </td>
                  <td>
                    <Side parts={parts} keep="added" />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {step.settingsChanged && <p className="muted small">{t("diff.settingsChanged")}</p>}
      {step.moved && step.texts.length === 0 && !step.settingsChanged && (
        <p className="muted small">{t("diff.movedOnly")}</p>
      )}
    </li>
  );
}

/** The draft against a version, step by step, each text old | new with its changed words marked. */
export function CompareView({ version, diff }: { version: number; diff: FlowDiff }) {
  const t = useT();
  const title = t("versions.compareTitle", { version });
  return (
    <section className="diff" aria-label={title}>
      <h3>{title}</h3>
      <p className="muted small">
        {t("diff.summary", {
          added: diff.added.length,
          removed: diff.removed.length,
          changed: diff.changed.length,
        })}
      </p>
      {diff.steps.length === 0 && !diff.edgesChanged && <p>{t("diff.same")}</p>}
      <ul className="diff-steps">
        {diff.steps.map((step) => (
          <StepEntry key={step.id} step={step} />
        ))}
      </ul>
      {diff.edgesChanged && <p>{t("diff.edges")}</p>}
    </section>
  );
}
