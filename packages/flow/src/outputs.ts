import type { NodeOutput } from "./handles";
import type { FlowNode } from "./node-types";
import { kindOf } from "./nodes";

export * from "./handles";
export { messageWaits, postbackButtons } from "./nodes/message";

/**
 * Every output of a node, in drawing order. Edges leave from these handles; the engine follows
 * them; lint checks edges against them. Each node kind says which handles it has.
 */
export function nodeOutputs(node: FlowNode): NodeOutput[] {
  return kindOf(node.type).outputs(node);
}
