import { kindOf } from "../nodes";
import type { NodeOutput } from "../outputs";
import type { Flow } from "../schema";
import type { ProblemList } from "./context";

/** Edges, handles, triggers, reachability and dead ends. */
export function lintGraph(
  flow: Flow,
  outputsByNode: ReadonlyMap<string, NodeOutput[]>,
  problems: ProblemList,
): void {
  const indexById = new Map<string, number>();
  flow.nodes.forEach((node, i) => {
    if (!indexById.has(node.id)) indexById.set(node.id, i);
  });

  // One output id per node: edges and payloads name outputs by id.
  flow.nodes.forEach((node, i) => {
    const seen = new Set<string>();
    for (const output of outputsByNode.get(node.id) ?? []) {
      if (seen.has(output.id)) {
        problems.onNode(
          i,
          node,
          "output-id-duplicate",
          "error",
          output.path,
          `Two outputs of this step share the id "${output.id}".`,
        );
      }
      seen.add(output.id);
    }
  });

  const usedHandles = new Map<string, string>(); // "node\u0000handle" -> first edge id
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
    const key = `${edge.source}\u0000${handle}`;
    if (usedHandles.has(key)) {
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
    usedHandles.set(key, edge.id);
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
      if (usedHandles.has(`${node.id}\u0000${output.id}`)) continue;
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
}

function isAnnotation(flow: Flow, index: number): boolean {
  const node = flow.nodes[index];
  return node !== undefined && kindOf(node.type).role === "annotation";
}
