import { NODE_KINDS, type NodeOfType } from "@convo/flow";
import { CheckField, NumberField, TextField, useNodeSetter } from "../../form/fields";
import { useT } from "../../i18n";
import { useEditorState } from "../../store/context";

/** The ranges the form offers, from the node kind (the schema reads the same). */
const LIMITS = NODE_KINDS.notify.limits;

export function NotifyForm({ node }: { node: NodeOfType<"notify"> }) {
  const t = useT();
  const f = useNodeSetter(node.id);
  const declared = useEditorState((s) => s.flow.variables);
  const chosen = node.data.variables ?? [];
  const toggle = (name: string, on: boolean) => {
    const next = on ? [...chosen, name] : chosen.filter((v) => v !== name);
    f.replace(["data", "variables"], next.length === 0 ? undefined : next);
  };
  return (
    <>
      <TextField
        label={t("field.teamUrl")}
        value={node.data.url}
        template
        placeholder="https://hooks.slack.com/services/…"
        testId="notify-url"
        onChange={(v) => f.set(["data", "url"], v)}
        onBlur={f.endGroup}
      />
      <TextField
        label={t("field.teamText")}
        value={node.data.text}
        multiline
        template
        testId="notify-text"
        onChange={(v) => f.set(["data", "text"], v)}
        onBlur={f.endGroup}
      />
      <fieldset className="list-field">
        <legend>{t("field.sentVariables")}</legend>
        {declared.length === 0 && <p className="small">{t("field.noVariables")}</p>}
        {declared.map((v) => (
          <CheckField
            key={v.name}
            label={v.name}
            checked={chosen.includes(v.name)}
            // At the kind's limit, only a chosen one can be unticked.
            disabled={!chosen.includes(v.name) && chosen.length >= LIMITS.variables.max}
            onChange={(on) => toggle(v.name, on)}
          />
        ))}
      </fieldset>
      <NumberField
        label={t("field.timeoutMs")}
        value={node.data.timeoutMs}
        {...LIMITS.timeoutMs}
        onChange={(v) => f.set(["data", "timeoutMs"], v)}
      />
    </>
  );
}
