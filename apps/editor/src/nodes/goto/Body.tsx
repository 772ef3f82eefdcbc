import type { NodeOfType } from "@convo/flow";

export function GotoBody({ node }: { node: NodeOfType<"goto"> }) {
  return (
    <p>
      ↪ <code>{node.data.flowId}</code>
      {node.data.nodeId ? ` / ${node.data.nodeId}` : ""}
    </p>
  );
}
