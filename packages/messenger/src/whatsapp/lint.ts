import type { NodeOfType } from "@convo/flow";
import type { ChannelNote } from "../channel/types";
import { WHATSAPP_SHAPES as L } from "./limits";

/**
 * How a message step degrades on WhatsApp, as `renderWhatsApp` will send it: more than 3
 * choices (postback buttons and quick replies together) become a list, more than 10 cannot go;
 * link and call buttons beside choices become lines of the text; a gallery is one message per
 * card; quick replies under media have no text to go under. Browser-safe.
 */
export function lintWhatsAppMessage(node: NodeOfType<"message">): ChannelNote[] {
  const notes: ChannelNote[] = [];
  const content = node.data.content;
  const replies = node.data.quickReplies?.length ?? 0;
  const lastIndex = content.findLastIndex((b) => b.kind !== "typing");
  content.forEach((block, b) => {
    const path = `data.content[${b}]`;
    const withReplies = b === lastIndex ? replies : 0;
    if (block.kind === "text") {
      const buttons = block.buttons ?? [];
      const choices = buttons.filter((x) => x.kind === "postback").length + withReplies;
      const links = buttons.length - buttons.filter((x) => x.kind === "postback").length;
      // More than 10 buttons alone is the limits' own error (WHATSAPP_LIMITS.buttons).
      if (choices > L.listRows && buttons.length <= L.listRows) {
        notes.push({
          code: "whatsapp-too-many-choices",
          severity: "error",
          path: `${path}.buttons`,
          message: `${choices} choices with the quick replies: WhatsApp lists at most ${L.listRows}.`,
          params: { count: choices, max: L.listRows },
        });
      } else if (choices > L.replyButtons) {
        notes.push({
          code: "whatsapp-choices-as-list",
          severity: "warning",
          path: `${path}.buttons`,
          message: `${choices} buttons — sent as a list (rows of ${L.listRowTitle} characters).`,
          params: { count: choices },
        });
      }
      if (links > 0 && (choices > 0 || links > 1)) {
        notes.push({
          code: "whatsapp-links-as-text",
          severity: "warning",
          path: `${path}.buttons`,
          message: "link and call buttons are sent as lines of the text.",
        });
      }
    } else if (block.kind === "cards") {
      notes.push({
        code: "whatsapp-cards-as-sequence",
        severity: "warning",
        path: `${path}.cards`,
        message: `a gallery of ${block.cards.length} cards is sent as one message per card.`,
        params: { count: block.cards.length },
      });
    } else if (block.kind !== "typing" && withReplies > 0) {
      notes.push({
        code: "whatsapp-quick-replies-need-text",
        severity: "error",
        path: "data.quickReplies",
        message: "quick replies go under a text; end the step with a text.",
      });
    }
  });
  return notes;
}
