import type { NodeLintContext } from "../../lint/context";
import type { NodeOfType } from "../../node-types";

/** A `goto` must name a flow that exists and, inside this flow, a step that exists. */
export function lintGoto(
  node: NodeOfType<"goto">,
  nodeIndex: number,
  { flow, problems, knownFlows, hasNode }: NodeLintContext,
): void {
  const { flowId, nodeId } = node.data;
  if (knownFlows && flowId !== flow.id && !knownFlows.has(flowId)) {
    problems.onNode(
      nodeIndex,
      node,
      "goto-unknown-flow",
      "error",
      "data.flowId",
      `There is no flow "${flowId}" to go to.`,
      { flowId },
    );
  }
  if (flowId === flow.id && nodeId !== undefined && !hasNode(nodeId)) {
    problems.onNode(
      nodeIndex,
      node,
      "goto-unknown-node",
      "error",
      "data.nodeId",
      `This flow has no step "${nodeId}" to go to.`,
    );
  }
}
