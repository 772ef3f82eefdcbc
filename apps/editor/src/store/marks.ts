import type { Flow, FlowProblem } from "@convo/flow";

export type Severity = FlowProblem["severity"];

const NODE_INDEX = /^nodes\[(\d+)\]/;

/**
 * The step each problem belongs to: its `nodeId`, else the node its path points into, else the
 * source of the connection it is on. Lets the canvas mark steps and the panel jump to them.
 */
export function problemNodeId(problem: FlowProblem, flow: Flow): string | undefined {
  if (problem.nodeId !== undefined) return problem.nodeId;
  const match = NODE_INDEX.exec(problem.path);
  if (match) return flow.nodes[Number(match[1])]?.id;
  if (problem.edgeId !== undefined) {
    const edge = flow.edges.find((e) => e.id === problem.edgeId);
    if (edge && flow.nodes.some((n) => n.id === edge.source)) return edge.source;
  }
  return undefined;
}

/** The worst severity per step: an error outranks a warning. */
export function problemMarks(problems: readonly FlowProblem[], flow: Flow): Map<string, Severity> {
  const marks = new Map<string, Severity>();
  for (const problem of problems) {
    const id = problemNodeId(problem, flow);
    if (id === undefined) continue;
    if (problem.severity === "error" || !marks.has(id)) marks.set(id, problem.severity);
  }
  return marks;
}
