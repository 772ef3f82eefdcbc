import { NODE_KINDS, type NodeOfType } from "@convo/flow";
import { MESSENGER_LIMITS } from "@convo/messenger/limits";
import { NumberField, TextField, useNodeSetter } from "../../form/fields";
import { useT } from "../../i18n";

/** The ranges the form offers, from the node kind (the schema reads the same). */
const LIMITS = NODE_KINDS.handover.limits;

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
        {...LIMITS.resumeAfterHours}
        onChange={(v) => f.set(["data", "resumeAfterHours"], v)}
      />
    </>
  );
}
