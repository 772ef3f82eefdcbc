import { kindOf } from "../nodes";
import { type NodeOutput, nodeOutputs } from "../outputs";
import type { FlowProblem } from "../problems";
import type { Flow } from "../schema";
import { type LintOptions, type NodeLintContext, ProblemList } from "./context";
import { lintEvents } from "./events";
import { lintFailurePaths } from "./failure-paths";
import { indexNodes, lintGraph } from "./graph";
import { lintTranslations } from "./translations";
import { lintVariables, type NodeReference, nodeReferences } from "./variables";

export type { LintOptions } from "./context";

/**
 * Everything about a parsed flow that its schema cannot say: broken or doubled connections, missing
 * start, unreachable steps, buttons that lead nowhere, variables, `goto` targets and the limits of
 * `options.channel`. Errors block publishing; warnings do not. Runs on every edit in the editor,
 * so it is one linear pass.
 */
export function lintFlow(flow: Flow, options: LintOptions): FlowProblem[] {
  const problems = new ProblemList();
  const indexById = indexNodes(flow);
  const context: NodeLintContext = {
    flow,
    problems,
    channel: options.channel,
    knownFlows: options.knownFlows ? new Set(options.knownFlows) : undefined,
    hasNode: (id) => indexById.has(id),
  };
  const { nodes } = flow;
  const outputs: NodeOutput[][] = new Array(nodes.length);
  const references: (readonly NodeReference[])[] = new Array(nodes.length);
  const otherLanguages = (flow.languages ?? []).slice(1);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as Flow["nodes"][number];
    outputs[i] = nodeOutputs(node);
    references[i] = nodeReferences(node);
    kindOf(node.type).lint(node, i, context);
    if (otherLanguages.length > 0) lintTranslations(node, i, context, otherLanguages);
  }
  const wiring = lintGraph(flow, indexById, outputs, problems);
  lintFailurePaths(flow, outputs, wiring, problems);
  lintVariables(flow, references, problems);
  lintEvents(flow, references, problems);
  return problems.problems;
}

/** True when nothing blocks publishing. */
export function canPublish(problems: readonly FlowProblem[]): boolean {
  return !problems.some((p) => p.severity === "error");
}
