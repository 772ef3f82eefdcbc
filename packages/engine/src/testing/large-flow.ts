import type { Flow, FlowNode } from "@convo/flow";

/** The keyword that starts the generated flow. */
export const LARGE_FLOW_KEYWORD = "start";
/** Every `WAIT_EVERY`-th node is a message with one quick reply, `go`, that the contact taps. */
export const LARGE_FLOW_WAIT_EVERY = 10;

/**
 * A long flow of `n` nodes (n ≥ 2) for benchmarks: a trigger, then a chain that cycles through
 * action (set a variable, add a tag), condition (on that variable; both branches go on) and
 * message nodes with templates, where every 10th node is a message waiting for a `go` tap.
 * About 1.33 edges per node, laid out on a grid, so the editor's canvas benchmark can draw it.
 *
 * @example generateLargeFlow(1000).nodes.length // 1000
 */
export function generateLargeFlow(n: number, id = "large"): Flow {
  const count = Math.max(2, Math.floor(n));
  const nodes: FlowNode[] = [];
  const edges: Flow["edges"] = [];
  const position = (i: number) => ({ x: (i % 40) * 320, y: Math.floor(i / 40) * 220 });
  const link = (source: string, target: string, sourceHandle?: string) => {
    edges.push({
      id: `e${edges.length}`,
      source,
      ...(sourceHandle ? { sourceHandle } : {}),
      target,
    });
  };
  nodes.push({
    id: "n0",
    type: "trigger",
    position: position(0),
    data: { triggers: [{ kind: "keyword", match: "exact", keywords: [LARGE_FLOW_KEYWORD] }] },
  });
  for (let i = 1; i < count; i++) {
    const nodeId = `n${i}`;
    const last = i === count - 1;
    let outHandles = ["next"];
    if (last) {
      nodes.push(textNode(nodeId, position(i), `Done, {{contact.first_name|friend}}: {{last}}`));
      outHandles = [];
    } else if (i % LARGE_FLOW_WAIT_EVERY === 0) {
      nodes.push({
        id: nodeId,
        type: "message",
        position: position(i),
        data: {
          content: [{ id: "t", kind: "text", text: `Step ${i}, {{contact.first_name}}. Go on?` }],
          quickReplies: [{ id: "go", title: "Go" }],
        },
      });
      outHandles = ["go"];
    } else if (i % 3 === 1) {
      nodes.push({
        id: nodeId,
        type: "action",
        position: position(i),
        data: {
          steps: [
            { kind: "set_variable", variable: "last", value: `n${i} for {{contact.first_name}}` },
            { kind: "add_tag", tag: `seen_${i % 7}` },
          ],
        },
      });
    } else if (i % 3 === 2) {
      nodes.push({
        id: nodeId,
        type: "condition",
        position: position(i),
        data: {
          branches: [
            {
              id: "hit",
              match: "all",
              rules: [{ kind: "variable", name: "last", op: "starts_with", value: `n${i - 1}` }],
            },
          ],
        },
      });
      outHandles = ["hit", "else"];
    } else {
      nodes.push(textNode(nodeId, position(i), `Node ${i}: {{last|nothing yet}}`));
    }
    for (const handle of outHandles)
      link(nodeId, `n${i + 1}`, handle === "next" ? undefined : handle);
    if (i === 1) link("n0", "n1");
  }
  if (count === 2) link("n0", "n1");
  return {
    schemaVersion: 2,
    languages: ["en"],
    id,
    name: `Generated flow (${count} nodes)`,
    variables: [{ name: "last", type: "text" }],
    nodes,
    edges,
  };
}

function textNode(id: string, position: { x: number; y: number }, text: string): FlowNode {
  return { id, type: "message", position, data: { content: [{ id: "t", kind: "text", text }] } };
}
