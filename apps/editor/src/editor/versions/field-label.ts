import type { MessageKey, Params } from "../../i18n";

/** Which field of a step a text path names, in a marketer's words: "Button 2", "Question". */
const FIELDS: { pattern: RegExp; key: MessageKey }[] = [
  { pattern: /cards\[(\d+)\]\.buttons\[(\d+)\]\.title$/, key: "diff.field.cardButton" },
  { pattern: /cards\[(\d+)\]\.title$/, key: "diff.field.cardTitle" },
  { pattern: /cards\[(\d+)\]\.subtitle$/, key: "diff.field.cardSubtitle" },
  { pattern: /buttons\[(\d+)\]\.title$/, key: "diff.field.button" },
  { pattern: /buttons\[(\d+)\]\.url$/, key: "diff.field.buttonLink" },
  { pattern: /quickReplies\[(\d+)\]\.title$/, key: "diff.field.quickReply" },
  { pattern: /choices\[(\d+)\]\.title$/, key: "diff.field.choice" },
  { pattern: /keywords\[(\d+)\]$/, key: "diff.field.keyword" },
  { pattern: /^data\.label$/, key: "diff.field.name" },
  { pattern: /\.question$/, key: "diff.field.question" },
  { pattern: /\.retryText$/, key: "diff.field.retry" },
  { pattern: /\.text$/, key: "diff.field.text" },
  { pattern: /\.url$/, key: "diff.field.link" },
];

/** The message key and numbers (counted from 1) for a text's path, or null for another field. */
export function fieldLabel(path: string): { key: MessageKey; params: Params } | null {
  for (const { pattern, key } of FIELDS) {
    const match = pattern.exec(path);
    if (!match) continue;
    const [, first, second] = match;
    const params: Params = {};
    if (first !== undefined) params.n = Number(first) + 1;
    if (second !== undefined) params.m = Number(second) + 1;
    return { key, params };
  }
  return null;
}
