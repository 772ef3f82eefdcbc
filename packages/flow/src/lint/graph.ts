import { kindOf } from "../nodes";
import type { NodeOutput } from "../outputs";
import type { Flow } from "../schema";
import type { ProblemList } from "./context";

/**
 * Which outputs of each step a connection leaves from: step id → output id → the first edge's id.
 * Nested rather than keyed by `${node}\u0000${output}`: at 5,000 steps the joined keys were a third
 * of the lint's time (building, flattening and hashing a new string per edge and per output).
 */
export type Wiring = ReadonlyMap<string, ReadonlyMap<string, string>>;

export function isWired(wiring: Wiring, nodeId: string, outputId: string): boolean {
  return wiring.get(nodeId)?.has(outputId) ?? false;
}

/** Edges, handles, triggers, reachability and dead ends; answers the flow's wiring. */
export function lintGraph(
  flow: Flow,
  outputsByNode: ReadonlyMap<string, NodeOutput[]>,
  problems: ProblemList,
): Wiring {
  const indexById = new Map<string, number>();
  flow.nodes.forEach((node, i) => {
    if (!indexById.has(node.id)) indexById.set(node.id, i);
  });

  // One output id per node: edges and payloads name outputs by id.
  flow.nodes.forEach((node, i) => {
    const outputs = outputsByNode.get(node.id) ?? [];
    // A step has a handful of outputs: comparing with the earlier ones beats a Set per step.
    outputs.forEach((output, o) => {
      if (outputs.findIndex((other) => other.id === output.id) < o) {
        problems.onNode(
          i,
          node,
          "output-id-duplicate",
          "error",
          output.path,
          `Two outputs of this step share the id "${output.id}".`,
        );
      }
    });
  });

  const wiring = new Map<string, Map<string, string>>();
  const adjacency = new Map<string, string[]>();
  flow.edges.forEach((edge, e) => {
    const path = `edges[${e}]`;
    const sourceIndex = indexById.get(edge.source);
    const targetIndex = indexById.get(edge.target);
    if (sourceIndex === undefined) {
      problems.add({
        code: "edge-missing-source",
        severity: "error",
        path: `${path}.source`,
        edgeId: edge.id,
        message: `This connection starts from a step that does not exist ("${edge.source}").`,
      });
    }
    if (targetIndex === undefined) {
      problems.add({
        code: "edge-missing-target",
        severity: "error",
        path: `${path}.target`,
        edgeId: edge.id,
        message: `This connection leads to a step that does not exist ("${edge.target}").`,
      });
    } else if (isAnnotation(flow, targetIndex)) {
      problems.add({
        code: "edge-into-note",
        severity: "error",
        path: `${path}.target`,
        edgeId: edge.id,
        nodeId: edge.target,
        message: "A connection cannot lead into a sticky note.",
      });
    }
    if (sourceIndex === undefined) return;
    const handle = edge.sourceHandle ?? "next";
    const outputs = outputsByNode.get(edge.source) ?? [];
    if (!outputs.some((o) => o.id === handle)) {
      problems.add({
        code: "edge-missing-handle",
        severity: "error",
        path: `${path}.sourceHandle`,
        edgeId: edge.id,
        nodeId: edge.source,
        message: `This connection leaves from an output that no longer exists ("${handle}").`,
      });
      return;
    }
    let used = wiring.get(edge.source);
    if (used === undefined) {
      used = new Map();
      wiring.set(edge.source, used);
    }
    if (used.has(handle)) {
      problems.add({
        code: "output-multiple-edges",
        severity: "error",
        path,
        edgeId: edge.id,
        nodeId: edge.source,
        message: `Two connections leave the same output ("${handle}"); a contact can only go one way.`,
      });
      return;
    }
    used.set(handle, edge.id);
    if (targetIndex !== undefined) {
      const list = adjacency.get(edge.source);
      if (list) list.push(edge.target);
      else adjacency.set(edge.source, [edge.target]);
    }
  });

  const triggers = flow.nodes.filter((n) => kindOf(n.type).role === "start");
  if (triggers.length === 0) {
    problems.add({
      code: "no-trigger",
      severity: "error",
      path: "nodes",
      message: "Nothing starts this flow: add a start step with a keyword, a link or Get Started.",
    });
  }

  // Reachability from every start step, and from steps other flows enter through `goto`.
  const reached = new Set<string>();
  const queue = triggers.map((t) => t.id);
  for (const id of queue) reached.add(id);
  for (let i = 0; i < queue.length; i++) {
    for (const next of adjacency.get(queue[i] as string) ?? []) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  flow.nodes.forEach((node, i) => {
    if (kindOf(node.type).role !== "step") return;
    if (triggers.length > 0 && !reached.has(node.id)) {
      problems.onNode(i, node, "unreachable", "warning", "", "Nothing leads to this step.");
    }
    for (const output of outputsByNode.get(node.id) ?? []) {
      if (output.kind !== "button" && output.kind !== "quick_reply") continue;
      if (isWired(wiring, node.id, output.id)) continue;
      const what = output.kind === "button" ? "button" : "quick reply";
      problems.onNode(
        i,
        node,
        "output-leads-nowhere",
        "warning",
        output.path,
        `The ${what} "${output.label}" leads nowhere: a contact who taps it gets no answer.`,
        { label: output.label },
      );
    }
  });
  return wiring;
}

function isAnnotation(flow: Flow, index: number): boolean {
  const node = flow.nodes[index];
  return node !== undefined && kindOf(node.type).role === "annotation";
}
