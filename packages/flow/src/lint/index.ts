import { lintAction } from "../nodes/action/lint";
import { lintCondition } from "../nodes/condition/lint";
import { lintInput } from "../nodes/input/lint";
import { lintMessage } from "../nodes/message/lint";
import { lintRandomizer } from "../nodes/randomizer/lint";
import { lintTrigger } from "../nodes/trigger/lint";
import { type NodeOutput, nodeOutputs } from "../outputs";
import type { FlowProblem } from "../problems";
import type { Flow } from "../schema";
import { type LintOptions, ProblemList } from "./context";
import { lintGotos, lintGraph } from "./graph";
import { lintVariables } from "./variables";

export type { LintOptions } from "./context";

/**
 * Everything about a parsed flow that its schema cannot say: broken or doubled connections, missing
 * start, unreachable steps, buttons that lead nowhere, variables, `goto` targets and Messenger's
 * limits. Errors block publishing; warnings do not. Runs on every edit in the editor, so it is one
 * linear pass.
 */
export function lintFlow(flow: Flow, options: LintOptions = {}): FlowProblem[] {
  const problems = new ProblemList();
  const outputsByNode = new Map<string, NodeOutput[]>();
  for (const [i, node] of flow.nodes.entries()) {
    outputsByNode.set(node.id, nodeOutputs(node));
    switch (node.type) {
      case "trigger":
        lintTrigger(node, i, problems);
        break;
      case "message":
        lintMessage(node, i, problems);
        break;
      case "input":
        lintInput(node, i, problems);
        break;
      case "condition":
        lintCondition(node, i, problems);
        break;
      case "action":
        lintAction(node, i, problems);
        break;
      case "randomizer":
        lintRandomizer(node, i, problems);
        break;
      default:
        break;
    }
  }
  lintGraph(flow, outputsByNode, problems);
  lintGotos(flow, options.knownFlows ? new Set(options.knownFlows) : undefined, problems);
  lintVariables(flow, problems);
  return problems.problems;
}

/** True when nothing blocks publishing. */
export function canPublish(problems: readonly FlowProblem[]): boolean {
  return !problems.some((p) => p.severity === "error");
}
