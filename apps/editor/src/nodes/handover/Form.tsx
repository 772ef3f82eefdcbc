import type { NodeOfType } from "@convo/flow";
import { MESSENGER_LIMITS } from "@convo/messenger/limits";
import { useT } from "../../i18n";
import { NumberField, TextField, useNodeSetter } from "../../inspector/fields";

export function HandoverForm({ node }: { node: NodeOfType<"handover"> }) {
  const t = useT();
  const f = useNodeSetter(node.id);
  return (
    <>
      <TextField
        label={t("field.handoverMessage")}
        value={node.data.message ?? ""}
        multiline
        template
        limit={MESSENGER_LIMITS.text}
        onChange={(v) => f.set(["data", "message"], v === "" ? undefined : v)}
        onBlur={f.endGroup}
      />
      <NumberField
        label={t("field.resumeAfterHours")}
        value={node.data.resumeAfterHours}
        min={0}
        max={720}
        onChange={(v) => f.set(["data", "resumeAfterHours"], v)}
      />
    </>
  );
}
