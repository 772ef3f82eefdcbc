import { type NodeOfType, SEND_AS, type SendAs } from "@convo/flow";
import { SelectField, type useNodeSetter } from "../form/fields";
import { useT } from "../i18n";

/** How a message step goes outside the 24-hour window: standard, or with a message tag. */
export function SendAsField({
  node,
  f,
}: {
  node: NodeOfType<"message">;
  f: ReturnType<typeof useNodeSetter>;
}) {
  const t = useT();
  return (
    <SelectField<SendAs>
      label={t("sendAs.label")}
      value={node.data.sendAs ?? "standard"}
      options={SEND_AS.map((value) => ({ value, label: t(`sendAs.${value}`) }))}
      onChange={(v) => f.replace(["data", "sendAs"], v === "standard" ? undefined : v)}
    />
  );
}
