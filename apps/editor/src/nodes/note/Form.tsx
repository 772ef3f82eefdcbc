import type { NodeOfType } from "@convo/flow";
import { useT } from "../../i18n";
import { NumberField, SelectField, TextField, useNodeSetter } from "../../inspector/fields";

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
        min={80}
        onChange={(v) => f.set(["data", "width"], v)}
      />
      <NumberField
        label={t("field.height")}
        value={node.data.height}
        min={40}
        onChange={(v) => f.set(["data", "height"], v)}
      />
    </>
  );
}
