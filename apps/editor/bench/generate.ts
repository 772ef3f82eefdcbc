import type { Edge, Flow, FlowNode } from "@convo/flow";

/**
 * A large flow shaped like real ones: mostly messages with two reply buttons, some questions and
 * conditions, laid out on a grid. Every step leads to the next; about one in five also branches
 * forward, which gives edges ≈ 1.2 × nodes.
 */
export function generateFlow(nodeCount: number): Flow {
  const nodes: FlowNode[] = [];
  const cols = Math.ceil(Math.sqrt(nodeCount * 1.5));
  for (let i = 0; i < nodeCount; i++) {
    const position = { x: (i % cols) * 320, y: Math.floor(i / cols) * 260 };
    const id = `n${i}`;
    if (i === 0) {
      nodes.push({ id, type: "trigger", position, data: { triggers: [{ kind: "get_started" }] } });
    } else if (i % 7 === 3) {
      nodes.push({
        id,
        type: "input",
        position,
        data: {
          question: `Question ${i}: what is your email?`,
          variable: "email",
          validation: { kind: "email" },
        },
      });
    } else if (i % 7 === 5) {
      nodes.push({
        id,
        type: "condition",
        position,
        data: {
          branches: [
            {
              id: `${id}-b`,
              match: "all",
              rules: [{ kind: "variable", name: "email", op: "is_set" }],
            },
          ],
        },
      });
    } else {
      nodes.push({
        id,
        type: "message",
        position,
        data: {
          content: [
            {
              id: `${id}-t`,
              kind: "text",
              text: `Message ${i}: thanks for writing! Pick one of the options below.`,
              buttons: [
                { id: `${id}-yes`, kind: "postback", title: "Yes please" },
                { id: `${id}-no`, kind: "postback", title: "No thanks" },
              ],
            },
          ],
        },
      });
    }
  }
  const firstHandle = (node: FlowNode): string | undefined =>
    node.type === "message"
      ? `${node.id}-yes`
      : node.type === "condition"
        ? `${node.id}-b`
        : undefined;
  const secondHandle = (node: FlowNode): string =>
    node.type === "message" ? `${node.id}-no` : node.type === "input" ? "invalid" : "else";
  const edges: Edge[] = [];
  for (let i = 0; i + 1 < nodeCount; i++) {
    const source = nodes[i] as FlowNode;
    const handle = firstHandle(source);
    edges.push({
      id: `e${i}`,
      source: source.id,
      ...(handle ? { sourceHandle: handle } : {}),
      target: `n${i + 1}`,
    });
  }
  const extra = Math.round(nodeCount * 1.2) - edges.length;
  for (let k = 0; k < extra; k++) {
    const i = 1 + ((k * 5) % (nodeCount - 2));
    const source = nodes[i] as FlowNode;
    edges.push({
      id: `x${k}`,
      source: source.id,
      sourceHandle: secondHandle(source),
      target: `n${Math.min(nodeCount - 1, i + 2 + (k % 9))}`,
    });
  }
  return {
    schemaVersion: 2,
    languages: ["en"],
    id: "bench",
    name: "Bench",
    variables: [{ name: "email", type: "text" }],
    nodes,
    edges,
  };
}
