import type { NodeOfType } from "@convo/flow";
import type { ChannelNote } from "../channel/types";

/**
 * What Instagram cannot show of a message step: call buttons (an error), files (sent as their
 * link), images on quick replies (dropped). Browser-safe.
 */
export function lintInstagramMessage(node: NodeOfType<"message">): ChannelNote[] {
  const notes: ChannelNote[] = [];
  node.data.content.forEach((block, b) => {
    const path = `data.content[${b}]`;
    const buttonSets =
      block.kind === "text"
        ? [{ at: path, buttons: block.buttons ?? [] }]
        : block.kind === "cards"
          ? block.cards.map((card, c) => ({
              at: `${path}.cards[${c}]`,
              buttons: card.buttons ?? [],
            }))
          : [];
    for (const { at, buttons } of buttonSets) {
      buttons.forEach((button, i) => {
        if (button.kind !== "call") return;
        notes.push({
          code: "instagram-no-call-button",
          severity: "error",
          path: `${at}.buttons[${i}]`,
          message: `Instagram has no call buttons ("${button.title}").`,
        });
      });
    }
    if (block.kind === "file") {
      notes.push({
        code: "instagram-file-as-link",
        severity: "warning",
        path,
        message: "a file is sent as its link.",
      });
    }
  });
  if (node.data.quickReplies?.some((r) => r.imageUrl !== undefined)) {
    notes.push({
      code: "instagram-quick-reply-images",
      severity: "warning",
      path: "data.quickReplies",
      message: "quick replies show no images.",
    });
  }
  return notes;
}
