import { type Edge, type Flow, type FlowNode, kindOf, NEXT, type NodeOfType } from "@convo/flow";

/** Nodes by id and edges by `(source, handle)`, built once per flow object. */
export interface FlowIndex {
  nodes: Map<string, FlowNode>;
  /** `source + "\n" + handle` → target node id. */
  edges: Map<string, string>;
  /** Declared variable defaults. */
  defaults: Map<string, string>;
  /** Trigger nodes in drawing order, for trigger matching. */
  triggers: NodeOfType<"trigger">[];
}

/** Flows are immutable values to the engine, so an index is built once per flow object. */
const indexes = new WeakMap<Flow, FlowIndex>();

export function indexFlow(flow: Flow): FlowIndex {
  let index = indexes.get(flow);
  if (index) return index;
  const nodes = new Map<string, FlowNode>();
  const triggers: NodeOfType<"trigger">[] = [];
  for (const node of flow.nodes) {
    if (!nodes.has(node.id)) nodes.set(node.id, node);
    // The kinds say which nodes start a flow (the trigger, in version 1).
    if (kindOf(node.type).role === "start") triggers.push(node as NodeOfType<"trigger">);
  }
  const edges = new Map<string, string>();
  for (const edge of flow.edges as Edge[]) {
    const key = `${edge.source}\n${edge.sourceHandle ?? NEXT}`;
    // The first edge drawn from a handle wins; lint reports the others.
    if (!edges.has(key)) edges.set(key, edge.target);
  }
  const defaults = new Map<string, string>();
  for (const variable of flow.variables) {
    if (variable.default !== undefined) defaults.set(variable.name, variable.default);
  }
  index = { nodes, edges, defaults, triggers };
  indexes.set(flow, index);
  return index;
}
