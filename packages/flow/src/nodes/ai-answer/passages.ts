import type { NodeData } from "../../node-types";
import { PASSAGE_MAX_CHARS } from "./schema";

const cache = new WeakMap<NodeData<"ai_answer">, readonly string[]>();

/**
 * The knowledge base of an AI answer step cut into passages the ranking scores one by one: each
 * FAQ entry (question and answer), and each paragraph of the text under its Markdown heading, at
 * most `PASSAGE_MAX_CHARS` each (a longer one is cut between sentences). Cached per data object:
 * flows are immutable values, and the engine asks on every question.
 */
export function knowledgePassages(data: NodeData<"ai_answer">): readonly string[] {
  const cached = cache.get(data);
  if (cached) return cached;
  const passages: string[] = [];
  for (const entry of data.entries) {
    const question = entry.question.trim();
    const answer = entry.answer.trim();
    if (question === "" && answer === "") continue;
    // Every piece of a long answer keeps its question: the question is what customers ask.
    const room = Math.max(100, PASSAGE_MAX_CHARS - question.length - 1);
    for (const piece of cutText(answer, room)) passages.push(joinLines(question, piece));
    if (answer === "") passages.push(question);
  }
  let heading = "";
  for (const block of (data.text ?? "").replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    const lines = block.trim().split("\n");
    const body: string[] = [];
    for (const line of lines) {
      const title = /^#{1,6}\s+(.*)$/.exec(line.trim());
      if (title) heading = (title[1] ?? "").trim();
      else if (line.trim() !== "") body.push(line.trim());
    }
    if (body.length === 0) continue;
    const room = Math.max(100, PASSAGE_MAX_CHARS - heading.length - 1);
    for (const piece of cutText(body.join(" "), room)) passages.push(joinLines(heading, piece));
  }
  cache.set(data, passages);
  return passages;
}

function joinLines(first: string, second: string): string {
  if (first === "") return second;
  if (second === "") return first;
  return `${first}\n${second}`;
}

/** `text` in pieces of at most `max` characters, cut after a sentence, else between words. */
export function cutText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = Math.max(
      window.lastIndexOf(". "),
      window.lastIndexOf("! "),
      window.lastIndexOf("? "),
      window.lastIndexOf("\n"),
    );
    if (cut > max / 3) cut += 1;
    else cut = window.lastIndexOf(" ");
    if (cut <= 0) cut = max;
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest !== "") pieces.push(rest);
  return pieces;
}
