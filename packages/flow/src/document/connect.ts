import type { NodeType } from "../node-types";
import { kindOf } from "../nodes";
import type { Edge, Flow } from "../schema";
import { freshId } from "./ids";

/** Whether a connection may end at a node of `type`: steps only (not triggers, not notes). */
export function acceptsConnections(type: NodeType): boolean {
  return kindOf(type).role === "step";
}

/** Whether a node of `type` lives on the canvas only (a sticky note): not laid out, never run. */
export function isAnnotation(type: NodeType): boolean {
  return kindOf(type).role === "annotation";
}

/**
 * The edges once `source`'s output `handle` leads to `target`. An output leads one way only, so
 * the new connection replaces the one it had. `null`: the connection is refused (a step never
 * leads to itself).
 */
export function connectEdges(
  edges: readonly Edge[],
  source: string,
  handle: string,
  target: string,
): Edge[] | null {
  if (source === target) return null;
  const id = freshId("edge", new Set(edges.map((e) => e.id)));
  const edge: Edge =
    handle === "next" ? { id, source, target } : { id, source, sourceHandle: handle, target };
  return [
    ...edges.filter((e) => !(e.source === source && (e.sourceHandle ?? "next") === handle)),
    edge,
  ];
}

/**
 * The flow without the given steps and connections: a connection to or from a removed step goes
 * with it, so no edge is left dangling. The flow itself comes back when nothing is removed.
 */
export function removeElements(
  flow: Flow,
  nodeIds: ReadonlySet<string>,
  edgeIds: ReadonlySet<string>,
): Flow {
  if (nodeIds.size === 0 && edgeIds.size === 0) return flow;
  return {
    ...flow,
    nodes: flow.nodes.filter((n) => !nodeIds.has(n.id)),
    edges: flow.edges.filter(
      (e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target),
    ),
  };
}
