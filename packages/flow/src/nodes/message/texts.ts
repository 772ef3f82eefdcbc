import { assertNever } from "../../handles";
import type { NodeText } from "../../kind";
import type { NodeOfType } from "../../node-types";
import type { Button } from "../../types";

function buttonTexts(buttons: readonly Button[] | undefined, base: string, out: NodeText[]): void {
  buttons?.forEach((button, i) => {
    out.push({ path: `${base}.buttons[${i}].title`, text: button.title, translatable: true });
    if (button.kind === "url") out.push({ path: `${base}.buttons[${i}].url`, text: button.url });
  });
}

/** Bubbles, card titles and links, button titles and links, quick-reply titles, template parameters. */
export function messageTexts(node: NodeOfType<"message">, out: NodeText[]): void {
  node.data.content.forEach((block, b) => {
    const base = `data.content[${b}]`;
    switch (block.kind) {
      case "text":
        out.push({ path: `${base}.text`, text: block.text, translatable: true });
        buttonTexts(block.buttons, base, out);
        break;
      case "cards":
        block.cards.forEach((card, c) => {
          const at = `${base}.cards[${c}]`;
          out.push({ path: `${at}.title`, text: card.title, translatable: true });
          if (card.subtitle !== undefined)
            out.push({ path: `${at}.subtitle`, text: card.subtitle, translatable: true });
          if (card.imageUrl !== undefined)
            out.push({ path: `${at}.imageUrl`, text: card.imageUrl });
          if (card.url !== undefined) out.push({ path: `${at}.url`, text: card.url });
          buttonTexts(card.buttons, at, out);
        });
        break;
      case "image":
      case "video":
      case "audio":
      case "file":
        out.push({ path: `${base}.url`, text: block.url });
        break;
      case "typing":
        break;
      default:
        assertNever(block);
    }
  });
  node.data.quickReplies?.forEach((r, i) => {
    out.push({ path: `data.quickReplies[${i}].title`, text: r.title, translatable: true });
  });
  const template = node.data.whatsappTemplate;
  // Which approved translation of the template a contact gets follows their language.
  if (template)
    out.push({
      path: "data.whatsappTemplate.language",
      text: template.language,
      translatable: true,
    });
  node.data.whatsappTemplate?.parameters?.forEach((p, i) => {
    out.push({ path: `data.whatsappTemplate.parameters[${i}]`, text: p });
  });
}
