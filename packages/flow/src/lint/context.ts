import type { MESSENGER_LIMITS } from "../limits";
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
  /** Ids of the flows `goto` may enter; the check is skipped when absent. */
  knownFlows?: Iterable<string>;
}

/** The limits of the channel a flow is linted for: what its messages may hold. */
export type ChannelLimits = { readonly [K in keyof typeof MESSENGER_LIMITS]: number };

/** What a node kind's lint rules may look at besides the node itself. */
export interface NodeLintContext {
  flow: Flow;
  problems: ProblemList;
  /** The channel limits messages are checked against. */
  limits: ChannelLimits;
  /** Ids of the flows `goto` may enter; undefined when the caller did not say. */
  knownFlows: ReadonlySet<string> | undefined;
  /** Whether this flow has a node with that id. */
  hasNode(id: string): boolean;
}
