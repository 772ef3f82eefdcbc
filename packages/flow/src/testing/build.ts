import type { Flow, FlowNode, NodeOfType, NodeType } from "../schema";

/** A node for tests and benchmarks, placed at the origin. */
export function makeNode<T extends NodeType>(
  id: string,
  type: T,
  data: NodeOfType<T>["data"],
): NodeOfType<T> {
  return { id, type, position: { x: 0, y: 0 }, data } as NodeOfType<T>;
}

/** Edges as `[source, target]` or `[source, handle, target]`. */
export type EdgeSpec = readonly [string, string] | readonly [string, string, string];

/** A flow from nodes and edge specs, with every edge id made up. */
export function makeFlow(
  id: string,
  nodes: readonly FlowNode[],
  edges: readonly EdgeSpec[] = [],
  variables: Flow["variables"] = [],
): Flow {
  return {
    schemaVersion: 2,
    languages: ["en"],
    id,
    name: id,
    variables: [...variables],
    nodes: [...nodes],
    edges: edges.map((spec, i) =>
      spec.length === 2
        ? { id: `e${i}`, source: spec[0], target: spec[1] }
        : { id: `e${i}`, source: spec[0], sourceHandle: spec[1], target: spec[2] },
    ),
  };
}
