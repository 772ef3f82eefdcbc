import { NODE_KINDS, type NodeOfType } from "@convo/flow";
import { NumberField, SelectField, TextField, useNodeSetter } from "../../form/fields";
import { useT } from "../../i18n";

/** The ranges the form offers, from the node kind (the schema reads the same). */
const LIMITS = NODE_KINDS.note.limits;

export function NoteForm({ node }: { node: NodeOfType<"note"> }) {
  const t = useT();
  const f = useNodeSetter(node.id);
  return (
    <>
      <TextField
        label={t("field.text")}
        value={node.data.text}
        multiline
        onChange={(v) => f.set(["data", "text"], v)}
        onBlur={f.endGroup}
      />
      <SelectField
        label={t("field.color")}
        value={node.data.color ?? "yellow"}
        options={(["yellow", "blue", "green", "pink", "grey"] as const).map((c) => ({
          value: c,
          label: t(`color.${c}`),
        }))}
        onChange={(v) => f.replace(["data", "color"], v)}
      />
      <NumberField
        label={t("field.width")}
        value={node.data.width}
        {...LIMITS.width}
        onChange={(v) => f.set(["data", "width"], v)}
      />
      <NumberField
        label={t("field.height")}
        value={node.data.height}
        {...LIMITS.height}
        onChange={(v) => f.set(["data", "height"], v)}
      />
    </>
  );
}
