import type { FlowNode, NodeOfType } from "./schema";
import type { Button } from "./types";

/** What kind of output a handle is; the canvas draws and labels each kind its own way. */
export type OutputKind =
  | "next"
  | "button"
  | "quick_reply"
  | "choice"
  | "branch"
  | "else"
  | "variant"
  | "invalid"
  | "timeout"
  | "error";

export interface NodeOutput {
  /** The handle id an edge names as `sourceHandle`. */
  id: string;
  kind: OutputKind;
  /** What the marketer sees beside the handle (a button's title, a branch's label). */
  label: string;
  /** JSON path of the thing this output comes from, for problems and the inspector. */
  path: string;
}

export const NEXT = "next";
export const ELSE = "else";
export const INVALID = "invalid";
export const TIMEOUT = "timeout";
export const ERROR = "error";

/** Postback buttons of a message node, with where they sit, in the order they are drawn. */
export function postbackButtons(
  node: NodeOfType<"message">,
): { button: Extract<Button, { kind: "postback" }>; path: string }[] {
  const found: { button: Extract<Button, { kind: "postback" }>; path: string }[] = [];
  node.data.content.forEach((block, b) => {
    if (block.kind === "text") {
      block.buttons?.forEach((button, i) => {
        if (button.kind === "postback") {
          found.push({ button, path: `data.content[${b}].buttons[${i}]` });
        }
      });
    } else if (block.kind === "cards") {
      block.cards.forEach((card, c) => {
        card.buttons?.forEach((button, i) => {
          if (button.kind === "postback") {
            found.push({ button, path: `data.content[${b}].cards[${c}].buttons[${i}]` });
          }
        });
      });
    }
  });
  return found;
}

/** A message waits for the contact when it offers something to tap that comes back to the bot. */
export function messageWaits(node: NodeOfType<"message">): boolean {
  return (node.data.quickReplies?.length ?? 0) > 0 || postbackButtons(node).length > 0;
}

/**
 * Every output of a node, in drawing order. Edges leave from these handles; the engine follows
 * them; lint checks edges against them. This is the one place that says which handles exist.
 */
export function nodeOutputs(node: FlowNode): NodeOutput[] {
  const next: NodeOutput = { id: NEXT, kind: "next", label: "Next", path: "" };
  switch (node.type) {
    case "trigger":
    case "delay":
    case "handover":
      return [next];
    case "message": {
      const outputs: NodeOutput[] = postbackButtons(node).map(({ button, path }) => ({
        id: button.id,
        kind: "button",
        label: button.title,
        path,
      }));
      node.data.quickReplies?.forEach((reply, i) => {
        outputs.push({
          id: reply.id,
          kind: "quick_reply",
          label: reply.title,
          path: `data.quickReplies[${i}]`,
        });
      });
      if (outputs.length > 0) {
        outputs.push({ id: ELSE, kind: "else", label: "Anything else", path: "" });
        return outputs;
      }
      return [next];
    }
    case "input": {
      const outputs: NodeOutput[] = [];
      if (node.data.validation.kind === "choice") {
        node.data.validation.choices.forEach((choice, i) => {
          outputs.push({
            id: choice.id,
            kind: "choice",
            label: choice.title,
            path: `data.validation.choices[${i}]`,
          });
        });
      }
      outputs.push(next, { id: INVALID, kind: "invalid", label: "Invalid", path: "" });
      if (node.data.timeoutSeconds !== undefined) {
        outputs.push({ id: TIMEOUT, kind: "timeout", label: "No answer", path: "" });
      }
      return outputs;
    }
    case "condition":
      return [
        ...node.data.branches.map((branch, i) => ({
          id: branch.id,
          kind: "branch" as const,
          label: branch.label ?? `Branch ${i + 1}`,
          path: `data.branches[${i}]`,
        })),
        { id: ELSE, kind: "else", label: "Else", path: "" },
      ];
    case "action":
      return node.data.steps.some((s) => s.kind === "http")
        ? [next, { id: ERROR, kind: "error", label: "Error", path: "" }]
        : [next];
    case "randomizer":
      return node.data.variants.map((variant, i) => ({
        id: variant.id,
        kind: "variant",
        label: variant.label ?? `Variant ${String.fromCharCode(65 + (i % 26))}`,
        path: `data.variants[${i}]`,
      }));
    case "goto":
    case "note":
      return [];
    default:
      return assertNever(node);
  }
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
