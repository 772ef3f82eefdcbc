import { kindOf } from "../nodes";
import type { NodeOutput } from "../outputs";
import type { Flow } from "../schema";
import type { ProblemList } from "./context";

/**
 * Which outputs of each step a connection leaves from, by the step's index in `flow.nodes`.
 * Arrays by index rather than maps by id: at 5,000 steps the maps (one per step, and a string key
 * per output) were most of what the lint allocated, and the garbage collector's pauses grew with
 * them. A step has a handful of outputs, so a short array beats a set.
 */
export type Wiring = readonly (readonly string[] | undefined)[];

export function isWired(wiring: Wiring, nodeIndex: number, outputId: string): boolean {
  return wiring[nodeIndex]?.includes(outputId) ?? false;
}

/** Where each step sits in `flow.nodes` (ids are unique: the schema says so). */
export function indexNodes(flow: Flow): ReadonlyMap<string, number> {
  const indexById = new Map<string, number>();
  for (let i = 0; i < flow.nodes.length; i++) {
    const id = (flow.nodes[i] as Flow["nodes"][number]).id;
    if (!indexById.has(id)) indexById.set(id, i);
  }
  return indexById;
}

/**
 * Edges, handles, triggers, reachability and dead ends; answers the flow's wiring. `outputs[i]`
 * are the outputs of `flow.nodes[i]`.
 */
export function lintGraph(
  flow: Flow,
  indexById: ReadonlyMap<string, number>,
  outputs: readonly (readonly NodeOutput[])[],
  problems: ProblemList,
): Wiring {
  const { nodes, edges } = flow;

  // One output id per node: edges and payloads name outputs by id.
  for (let i = 0; i < nodes.length; i++) {
    const own = outputs[i] ?? [];
    // A step has a handful of outputs: comparing with the earlier ones beats a Set per step.
    for (let o = 0; o < own.length; o++) {
      const output = own[o] as NodeOutput;
      if (own.findIndex((other) => other.id === output.id) < o) {
        problems.onNode(
          i,
          nodes[i] as Flow["nodes"][number],
          "output-id-duplicate",
          "error",
          output.path,
          `Two outputs of this step share the id "${output.id}".`,
        );
      }
    }
  }

  const wiring: (string[] | undefined)[] = new Array(nodes.length);
  const adjacency: (number[] | undefined)[] = new Array(nodes.length);
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e] as Flow["edges"][number];
    const sourceIndex = indexById.get(edge.source);
    const targetIndex = indexById.get(edge.target);
    if (sourceIndex === undefined) {
      problems.add({
        code: "edge-missing-source",
        severity: "error",
        path: `edges[${e}].source`,
        edgeId: edge.id,
        message: `This connection starts from a step that does not exist ("${edge.source}").`,
      });
    }
    if (targetIndex === undefined) {
      problems.add({
        code: "edge-missing-target",
        severity: "error",
        path: `edges[${e}].target`,
        edgeId: edge.id,
        message: `This connection leads to a step that does not exist ("${edge.target}").`,
      });
    } else if (isAnnotation(flow, targetIndex)) {
      problems.add({
        code: "edge-into-note",
        severity: "error",
        path: `edges[${e}].target`,
        edgeId: edge.id,
        nodeId: edge.target,
        message: "A connection cannot lead into a sticky note.",
      });
    }
    if (sourceIndex === undefined) continue;
    const handle = edge.sourceHandle ?? "next";
    if (!(outputs[sourceIndex] ?? []).some((o) => o.id === handle)) {
      problems.add({
        code: "edge-missing-handle",
        severity: "error",
        path: `edges[${e}].sourceHandle`,
        edgeId: edge.id,
        nodeId: edge.source,
        message: `This connection leaves from an output that no longer exists ("${handle}").`,
      });
      continue;
    }
    const used = wiring[sourceIndex];
    if (used?.includes(handle)) {
      problems.add({
        code: "output-multiple-edges",
        severity: "error",
        path: `edges[${e}]`,
        edgeId: edge.id,
        nodeId: edge.source,
        message: `Two connections leave the same output ("${handle}"); a contact can only go one way.`,
      });
      continue;
    }
    if (used) used.push(handle);
    else wiring[sourceIndex] = [handle];
    if (targetIndex !== undefined) {
      const next = adjacency[sourceIndex];
      if (next) next.push(targetIndex);
      else adjacency[sourceIndex] = [targetIndex];
    }
  }

  // Reachability from every start step, and from steps other flows enter through `goto`.
  const reached = new Uint8Array(nodes.length);
  const queue: number[] = [];
  for (let i = 0; i < nodes.length; i++) {
    if (kindOf((nodes[i] as Flow["nodes"][number]).type).role !== "start") continue;
    reached[i] = 1;
    queue.push(i);
  }
  const hasTrigger = queue.length > 0;
  if (!hasTrigger) {
    problems.add({
      code: "no-trigger",
      severity: "error",
      path: "nodes",
      message: "Nothing starts this flow: add a start step with a keyword, a link or Get Started.",
    });
  }
  for (let q = 0; q < queue.length; q++) {
    for (const next of adjacency[queue[q] as number] ?? []) {
      if (reached[next] === 1) continue;
      reached[next] = 1;
      queue.push(next);
    }
  }
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as Flow["nodes"][number];
    if (kindOf(node.type).role !== "step") continue;
    if (hasTrigger && reached[i] === 0) {
      problems.onNode(i, node, "unreachable", "warning", "", "Nothing leads to this step.");
    }
    for (const output of outputs[i] ?? []) {
      if (output.kind !== "button" && output.kind !== "quick_reply") continue;
      if (isWired(wiring, i, output.id)) continue;
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
  }
  return wiring;
}

function isAnnotation(flow: Flow, index: number): boolean {
  const node = flow.nodes[index];
  return node !== undefined && kindOf(node.type).role === "annotation";
}
