import type { NodeOfType } from "@convo/flow";
import { TextField, useNodeSetter } from "../../form/fields";
import { useT } from "../../i18n";

export function GotoForm({ node }: { node: NodeOfType<"goto"> }) {
  const t = useT();
  const f = useNodeSetter(node.id);
  return (
    <>
      <TextField
        label={t("field.flowId")}
        value={node.data.flowId}
        onChange={(v) => f.set(["data", "flowId"], v)}
        onBlur={f.endGroup}
      />
      <TextField
        label={t("field.nodeId")}
        value={node.data.nodeId ?? ""}
        onChange={(v) => f.set(["data", "nodeId"], v === "" ? undefined : v)}
        onBlur={f.endGroup}
      />
    </>
  );
}
