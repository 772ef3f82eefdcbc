import { assertNever } from "./outputs";
import type { FlowNode } from "./schema";
import type { Button } from "./types";

export interface NodeText {
  /** Path relative to the node, e.g. `data.content[0].text`. */
  path: string;
  text: string;
}

function buttonTexts(buttons: readonly Button[] | undefined, base: string, out: NodeText[]): void {
  buttons?.forEach((button, i) => {
    out.push({ path: `${base}.buttons[${i}].title`, text: button.title });
    if (button.kind === "url") out.push({ path: `${base}.buttons[${i}].url`, text: button.url });
  });
}

/**
 * Every piece of text a marketer typed into a node, with its path. Templates are read from these
 * (lint) and the canvas search looks through them.
 */
export function nodeTexts(node: FlowNode): NodeText[] {
  const out: NodeText[] = [];
  if ("label" in node.data && node.data.label)
    out.push({ path: "data.label", text: node.data.label });
  switch (node.type) {
    case "trigger":
      node.data.triggers.forEach((t, i) => {
        if (t.kind === "keyword") {
          t.keywords.forEach((k, j) => {
            out.push({ path: `data.triggers[${i}].keywords[${j}]`, text: k });
          });
        }
      });
      break;
    case "message":
      node.data.content.forEach((block, b) => {
        const base = `data.content[${b}]`;
        switch (block.kind) {
          case "text":
            out.push({ path: `${base}.text`, text: block.text });
            buttonTexts(block.buttons, base, out);
            break;
          case "cards":
            block.cards.forEach((card, c) => {
              const at = `${base}.cards[${c}]`;
              out.push({ path: `${at}.title`, text: card.title });
              if (card.subtitle !== undefined)
                out.push({ path: `${at}.subtitle`, text: card.subtitle });
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
        out.push({ path: `data.quickReplies[${i}].title`, text: r.title });
      });
      break;
    case "input":
      out.push({ path: "data.question", text: node.data.question });
      if (node.data.retryText !== undefined) {
        out.push({ path: "data.retryText", text: node.data.retryText });
      }
      if (node.data.validation.kind === "choice") {
        node.data.validation.choices.forEach((c, i) => {
          out.push({ path: `data.validation.choices[${i}].title`, text: c.title });
        });
      }
      break;
    case "condition":
      node.data.branches.forEach((branch, b) => {
        branch.rules.forEach((rule, r) => {
          if (rule.kind !== "tag" && rule.value !== undefined && rule.op !== "matches") {
            out.push({ path: `data.branches[${b}].rules[${r}].value`, text: rule.value });
          }
        });
      });
      break;
    case "action":
      node.data.steps.forEach((step, i) => {
        const at = `data.steps[${i}]`;
        switch (step.kind) {
          case "set_variable":
          case "set_field":
            out.push({ path: `${at}.value`, text: step.value });
            break;
          case "add_tag":
          case "remove_tag":
            out.push({ path: `${at}.tag`, text: step.tag });
            break;
          case "http":
            out.push({ path: `${at}.url`, text: step.url });
            step.headers?.forEach((h, j) => {
              out.push({ path: `${at}.headers[${j}].value`, text: h.value });
            });
            if (step.body !== undefined) out.push({ path: `${at}.body`, text: step.body });
            break;
          default:
            assertNever(step);
        }
      });
      break;
    case "handover":
      if (node.data.message !== undefined)
        out.push({ path: "data.message", text: node.data.message });
      break;
    case "note":
      out.push({ path: "data.text", text: node.data.text });
      break;
    case "delay":
    case "randomizer":
    case "goto":
      break;
    default:
      assertNever(node);
  }
  return out;
}
