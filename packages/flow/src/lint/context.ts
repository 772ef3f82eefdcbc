import type { LintChannel } from "../limits";
import type { FlowProblem } from "../problems";
import { joinPath } from "../problems";
import type { Flow, FlowNode } from "../schema";

/** Collects problems while the rules walk a flow. */
export class ProblemList {
  readonly problems: FlowProblem[] = [];

  /** @param channel whose limits the rules check, and name in their sentences. */
  constructor(readonly channel: LintChannel) {}

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
  /**
   * The channel the flow is checked for (`CHANNEL_SPECS.messenger` of `@convo/messenger/channel`,
   * or anything with its name and limits). Required: a flow is only valid for some channel.
   */
  channel: LintChannel;
  /** Ids of the flows `goto` may enter; the check is skipped when absent. */
  knownFlows?: Iterable<string>;
}

export interface NodeLintContext {
  flow: Flow;
  problems: ProblemList;
  channel: LintChannel;
}
