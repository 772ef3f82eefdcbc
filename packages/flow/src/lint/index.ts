import { kindOf } from "../nodes";
import { type NodeOutput, nodeOutputs } from "../outputs";
import type { FlowProblem } from "../problems";
import type { Flow } from "../schema";
import { type LintOptions, type NodeLintContext, ProblemList } from "./context";
import { lintEvents } from "./events";
import { lintFailurePaths } from "./failure-paths";
import { lintGraph } from "./graph";
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
  let ids: Set<string> | undefined;
  const context: NodeLintContext = {
    flow,
    problems,
    channel: options.channel,
    knownFlows: options.knownFlows ? new Set(options.knownFlows) : undefined,
    hasNode: (id) => {
      ids ??= new Set(flow.nodes.map((n) => n.id));
      return ids.has(id);
    },
  };
  const outputsByNode = new Map<string, NodeOutput[]>();
  const references: (readonly NodeReference[])[] = [];
  const otherLanguages = (flow.languages ?? []).slice(1);
  for (const [i, node] of flow.nodes.entries()) {
    outputsByNode.set(node.id, nodeOutputs(node));
    references.push(nodeReferences(node));
    kindOf(node.type).lint(node, i, context);
    if (otherLanguages.length > 0) lintTranslations(node, i, context, otherLanguages);
  }
  const wiring = lintGraph(flow, outputsByNode, problems);
  lintFailurePaths(flow, outputsByNode, wiring, problems);
  lintVariables(flow, references, problems);
  lintEvents(flow, references, problems);
  return problems.problems;
}

/** True when nothing blocks publishing. */
export function canPublish(problems: readonly FlowProblem[]): boolean {
  return !problems.some((p) => p.severity === "error");
}
