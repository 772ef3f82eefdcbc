import { assertNever, type FlowNode, type NodeType, type Position } from "@convo/flow";
import { freshId } from "./ids";

/**
 * A new step of `type` with data a marketer can publish after a little typing: every id it holds
 * (node, block, button, branch, variant) is fresh against `taken`, which it extends.
 */
export function newNode(type: NodeType, position: Position, taken: Set<string>): FlowNode {
  const id = (prefix: string) => {
    const fresh = freshId(prefix, taken);
    taken.add(fresh);
    return fresh;
  };
  const base = { id: id(type), position: { x: Math.round(position.x), y: Math.round(position.y) } };
  switch (type) {
    case "trigger":
      return {
        ...base,
        type,
        data: { triggers: [{ kind: "keyword", match: "contains", keywords: ["hello"] }] },
      };
    case "message":
      return { ...base, type, data: { content: [{ id: id("text"), kind: "text", text: "" }] } };
    case "input":
      return {
        ...base,
        type,
        data: { question: "", variable: "answer", validation: { kind: "text" } },
      };
    case "condition":
      return {
        ...base,
        type,
        data: {
          branches: [
            {
              id: id("branch"),
              match: "all",
              rules: [{ kind: "variable", name: "answer", op: "is_set" }],
            },
          ],
        },
      };
    case "action":
      return { ...base, type, data: { steps: [{ kind: "add_tag", tag: "lead" }] } };
    case "delay":
      return { ...base, type, data: { amount: 1, unit: "minutes" } };
    case "randomizer":
      return {
        ...base,
        type,
        data: {
          variants: [
            { id: id("variant"), weight: 50 },
            { id: id("variant"), weight: 50 },
          ],
        },
      };
    case "handover":
      return { ...base, type, data: {} };
    case "goto":
      return { ...base, type, data: { flowId: "welcome" } };
    case "note":
      return { ...base, type, data: { text: "", color: "yellow" } };
    default:
      return assertNever(type);
  }
}
