import type { LintChannel } from "../limits";
import type { FlowNode } from "../node-types";
import type { FlowProblem } from "../problems";
import { joinPath } from "../problems";
import type { Flow } from "../schema";

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
  /**
   * The channel the flow is checked for (`CHANNEL_SPECS.messenger` of `@convo/messenger/channel`,
   * or anything with its name and limits). Required: a flow is only valid for some channel.
   */
  channel: LintChannel;
  /** Ids of the flows `goto` may enter; the check is skipped when absent. */
  knownFlows?: Iterable<string>;
}

/** What a node kind's lint rules may look at besides the node itself. */
export interface NodeLintContext {
  flow: Flow;
  problems: ProblemList;
  /** The channel whose limits messages are checked against, and whose name problems say. */
  channel: LintChannel;
  /** Ids of the flows `goto` may enter; undefined when the caller did not say. */
  knownFlows: ReadonlySet<string> | undefined;
  /** Whether this flow has a node with that id. */
  hasNode(id: string): boolean;
}
