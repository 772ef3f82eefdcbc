import type { Variable } from "@convo/flow";
import { useT } from "../../i18n";
import { useEditor, useEditorState } from "../../store/context";

const TYPES: Variable["type"][] = ["text", "number", "boolean", "date"];

/** The flow's variables: what `{{name}}` can read and inputs and actions can set. */
export function VariablesPanel() {
  const t = useT();
  const editor = useEditor();
  const variables = useEditorState((s) => s.flow.variables);
  const readOnly = useEditorState((s) => s.readOnly !== null);
  const set = (i: number, key: keyof Variable, value: string | undefined) =>
    editor.setFlowField(["variables", i, key], value, `variables.${i}.${key}`);
  return (
    <div className="variables">
      {variables.length === 0 && <p className="empty">{t("variables.none")}</p>}
      {variables.map((v, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a variable is edited in place; its name changes as you type
        <fieldset key={i} className="group" disabled={readOnly}>
          <legend>{v.name || t("variables.unnamed")}</legend>
          <label className="field">
            <span>{t("variables.name")}</span>
            <input
              value={v.name}
              onChange={(e) => set(i, "name", e.target.value)}
              onBlur={editor.endGroup}
            />
          </label>
          <label className="field">
            <span>{t("variables.type")}</span>
            <select value={v.type} onChange={(e) => set(i, "type", e.target.value)}>
              {TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`varType.${type}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t("variables.default")}</span>
            <input
              value={v.default ?? ""}
              onChange={(e) => set(i, "default", e.target.value || undefined)}
              onBlur={editor.endGroup}
            />
          </label>
          <label className="field">
            <span>{t("variables.description")}</span>
            <input
              value={v.description ?? ""}
              onChange={(e) => set(i, "description", e.target.value || undefined)}
              onBlur={editor.endGroup}
            />
          </label>
          <button
            type="button"
            className="danger"
            onClick={() =>
              editor.setFlowField(
                ["variables"],
                variables.filter((_, j) => j !== i),
              )
            }
          >
            {t("common.remove")}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        disabled={readOnly}
        onClick={() => {
          const names = new Set(variables.map((v) => v.name));
          let n = variables.length + 1;
          while (names.has(`variable_${n}`)) n++;
          editor.setFlowField(
            ["variables"],
            [...variables, { name: `variable_${n}`, type: "text" }],
          );
        }}
      >
        {t("variables.add")}
      </button>
    </div>
  );
}
