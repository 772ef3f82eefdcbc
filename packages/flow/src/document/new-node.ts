import { createNode } from "../create";
import type { FlowNode, NodeType, Position } from "../node-types";
import { idAllocator } from "./ids";

/**
 * A new step of `type` with its kind's defaults (`NODE_KINDS[type].create`): every id it holds
 * (node, block, button, branch, variant) is fresh against `taken`, which it extends.
 */
export function newNode(type: NodeType, position: Position, taken: Set<string>): FlowNode {
  return createNode(type, position, idAllocator(taken));
}
