import type { Flow, FlowDiff, StepChangeKind } from "@convo/flow";

/** Edges brought back with a removed step get ids no edge of the draft can hold. */
const WAS = "was:";

/**
 * What the canvas shows while a version is compared: the draft, plus the steps the draft removed
 * (where they were, with their connections) so they can be outlined as removed too.
 */
export function compareDocument(
  version: Flow,
  draft: Flow,
  diff: FlowDiff,
): { flow: Flow; steps: ReadonlyMap<string, StepChangeKind> } {
  const removed = new Set(diff.removed);
  const steps = new Map(diff.steps.map((s) => [s.id, s.kind]));
  // Removed steps first: drawn under the draft's, never hiding one.
  const nodes = [...version.nodes.filter((n) => removed.has(n.id)), ...draft.nodes];
  const edges = [
    ...draft.edges,
    ...version.edges
      .filter((e) => removed.has(e.source) || removed.has(e.target))
      .map((e) => ({ ...e, id: `${WAS}${e.id}` })),
  ];
  return { flow: { ...draft, nodes, edges }, steps };
}
