import type { NodeOfType } from "@convo/flow";
import { useT } from "../../i18n";
import { NumberField, SelectField, useNodeSetter } from "../../inspector/fields";

export function DelayForm({ node }: { node: NodeOfType<"delay"> }) {
  const t = useT();
  const f = useNodeSetter(node.id);
  return (
    <>
      <NumberField
        label={t("field.amount")}
        value={node.data.amount}
        min={0}
        onChange={(v) => f.set(["data", "amount"], v ?? 0)}
      />
      <SelectField
        label={t("field.unit")}
        value={node.data.unit}
        options={(["seconds", "minutes", "hours", "days"] as const).map((u) => ({
          value: u,
          label: t(`unitName.${u}`),
        }))}
        onChange={(v) => f.replace(["data", "unit"], v)}
      />
    </>
  );
}
