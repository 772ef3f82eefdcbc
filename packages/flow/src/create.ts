import type { NodeOfType, NodeType, Position } from "./node-types";
import { kindOf } from "./nodes";

/**
 * A new node of `type` at `position` (rounded to whole pixels), with its kind's defaults.
 * `freshId(prefix)` must return an id nothing in the flow holds yet; it names the node
 * (`message-…`) and every block, button, branch or variant the defaults hold.
 *
 * @example createNode("delay", { x: 10.4, y: 0 }, (p) => `${p}-1`)
 * // { id: "delay-1", type: "delay", position: { x: 10, y: 0 }, data: { amount: 1, unit: "minutes" } }
 */
export function createNode<T extends NodeType>(
  type: T,
  position: Position,
  freshId: (prefix: string) => string,
): NodeOfType<T> {
  const id = freshId(type);
  const at = { x: Math.round(position.x), y: Math.round(position.y) };
  // A conditional type over a type parameter stays unresolved inside the function.
  return { id, type, position: at, data: kindOf(type).create(freshId) } as NodeOfType<T>;
}
