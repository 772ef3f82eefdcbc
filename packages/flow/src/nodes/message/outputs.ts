import { ELSE, type NodeOutput, nextOutput } from "../../handles";
import type { NodeOfType } from "../../node-types";
import type { Button } from "../../types";

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

/** One output per postback button and quick reply, then `else`; a single `next` without taps. */
export function messageOutputs(node: NodeOfType<"message">): NodeOutput[] {
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
  if (outputs.length === 0) return [nextOutput()];
  outputs.push({ id: ELSE, kind: "else", label: "Anything else", path: "" });
  return outputs;
}
