import type { Edge, Flow, FlowNode, FlowProblem } from "@convo/flow";

/**
 * What the lint worker is sent for a new draft: only the steps and connections that changed since
 * the last draft it got (compared by identity, which the store keeps for what did not change),
 * plus the order of ids. Copying a whole 5,000-step flow into the worker would cost the main
 * thread about what linting it does.
 */
export interface SyncMessage {
  seq: number;
  /** The flow without its nodes and edges (name, variables…). */
  meta: Omit<Flow, "nodes" | "edges">;
  nodeIds: string[];
  changedNodes: FlowNode[];
  edgeIds: string[];
  changedEdges: Edge[];
  knownFlows: readonly string[];
}

/** The main thread's memory of what the worker holds. */
export interface SentState {
  nodes: Map<string, FlowNode>;
  edges: Map<string, Edge>;
}

export function syncMessage(
  sent: SentState,
  flow: Flow,
  seq: number,
  knownFlows: readonly string[],
): SyncMessage {
  const { nodes, edges, ...meta } = flow;
  const changedNodes = changed(sent.nodes, nodes);
  const changedEdges = changed(sent.edges, edges);
  return {
    seq,
    meta,
    nodeIds: nodes.map((n) => n.id),
    changedNodes,
    edgeIds: edges.map((e) => e.id),
    changedEdges,
    knownFlows,
  };
}

function changed<T extends { id: string }>(held: Map<string, T>, items: readonly T[]): T[] {
  const out: T[] = [];
  const ids = new Set<string>();
  for (const item of items) {
    ids.add(item.id);
    if (held.get(item.id) !== item) {
      out.push(item);
      held.set(item.id, item);
    }
  }
  if (held.size !== ids.size) for (const id of held.keys()) if (!ids.has(id)) held.delete(id);
  return out;
}

/** The worker's side: takes a message into what it holds and gives back the whole flow. */
export function applySync(held: SentState, message: SyncMessage): Flow {
  for (const n of message.changedNodes) held.nodes.set(n.id, n);
  for (const e of message.changedEdges) held.edges.set(e.id, e);
  const nodes = message.nodeIds.map((id) => held.nodes.get(id) as FlowNode);
  const edges = message.edgeIds.map((id) => held.edges.get(id) as Edge);
  if (held.nodes.size !== nodes.length) prune(held.nodes, message.nodeIds);
  if (held.edges.size !== edges.length) prune(held.edges, message.edgeIds);
  return { ...message.meta, nodes, edges } as Flow;
}

function prune<T>(held: Map<string, T>, ids: readonly string[]): void {
  const keep = new Set(ids);
  for (const id of held.keys()) if (!keep.has(id)) held.delete(id);
}

/**
 * The worker's answer: each problem, or where the same problem stood in its previous answer. Most
 * of a large flow's problems stay from one edit to the next (5,000 generated steps have 4,000
 * warnings, 1 MB to copy into the main thread for each answer): only the new ones are copied.
 */
export type ProblemsAnswer = (FlowProblem | number)[];

/** The worker's memory of its previous answer: where each problem (by its JSON) stood. */
export interface AnsweredState {
  at: Map<string, number>;
}

export function answerProblems(
  answered: AnsweredState,
  problems: readonly FlowProblem[],
): ProblemsAnswer {
  const at = new Map<string, number>();
  const answer = problems.map((problem, i) => {
    const key = JSON.stringify(problem);
    if (!at.has(key)) at.set(key, i);
    return answered.at.get(key) ?? problem;
  });
  answered.at = at;
  return answer;
}

/** The main thread's side: the problems of an answer, from it and the previous answer's. */
export function takeProblems(
  previous: readonly FlowProblem[],
  answer: ProblemsAnswer,
): FlowProblem[] {
  return answer.map((p) => (typeof p === "number" ? (previous[p] as FlowProblem) : p));
}
