import type { NodeOfType } from "@convo/flow";

export function RandomizerBody({ node }: { node: NodeOfType<"randomizer"> }) {
  const total = node.data.variants.reduce((sum, v) => sum + v.weight, 0) || 1;
  return (
    <div className="bars">
      {node.data.variants.map((v) => (
        <div key={v.id} className="bar" style={{ width: `${(100 * v.weight) / total}%` }} />
      ))}
    </div>
  );
}
