import { NODE_KINDS, type NodeOfType } from "@convo/flow";
import { NumberField, SelectField, useNodeSetter } from "../../form/fields";
import { useT } from "../../i18n";

/** The ranges the form offers, from the node kind (the schema reads the same). */
const LIMITS = NODE_KINDS.delay.limits;

export function DelayForm({ node }: { node: NodeOfType<"delay"> }) {
  const t = useT();
  const f = useNodeSetter(node.id);
  return (
    <>
      <NumberField
        label={t("field.amount")}
        value={node.data.amount}
        {...LIMITS.amount}
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
