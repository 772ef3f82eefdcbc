import type { FlowProblem } from "../problems";
import { joinPath } from "../problems";
import type { Flow, FlowNode } from "../schema";

/** Collects problems while the rules walk a flow. */
export class ProblemList {
  readonly problems: FlowProblem[] = [];

  add(problem: FlowProblem): void {
    this.problems.push(problem);
  }

  /** A problem on a node; `path` is relative to the node (`data.content[0].text`). */
  onNode(
    nodeIndex: number,
    node: FlowNode,
    code: string,
    severity: FlowProblem["severity"],
    relativePath: string,
    message: string,
    params?: FlowProblem["params"],
  ): void {
    const problem: FlowProblem = {
      code,
      severity,
      message,
      path: joinPath(`nodes[${nodeIndex}]`, relativePath),
      nodeId: node.id,
    };
    if (params) problem.params = params;
    this.problems.push(problem);
  }
}

export interface LintOptions {
  /** Ids of the flows `goto` may enter; the check is skipped when absent. */
  knownFlows?: Iterable<string>;
}

export interface NodeLintContext {
  flow: Flow;
  problems: ProblemList;
}
