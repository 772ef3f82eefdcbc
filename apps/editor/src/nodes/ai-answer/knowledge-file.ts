/** The file names a knowledge base is imported from: Markdown or plain text. */
const KNOWLEDGE_FILE = /\.(md|markdown|txt)$/i;

/** What the file input offers (the browser's picker shows these first). */
export const KNOWLEDGE_FILE_ACCEPT = ".md,.markdown,.txt,text/markdown,text/plain";

export type KnowledgeImport =
  | { ok: true; text: string }
  | { ok: false; reason: "type" }
  | { ok: false; reason: "size"; chars: number };

/** A file so large in bytes that its text cannot fit, whatever its encoding: not even read. */
export function tooLargeToRead(bytes: number, maxChars: number): boolean {
  // UTF-8 spends at most 4 bytes a character; more bytes than that cannot be under the limit.
  return bytes > maxChars * 4;
}

export function isKnowledgeFile(name: string): boolean {
  return KNOWLEDGE_FILE.test(name);
}

/**
 * The knowledge base's text with a file's added after it (a blank line between, so that the
 * file's first paragraph stays its own passage) or in its place, with its line ends made `\n`; refused when the file is not
 * Markdown or text, or when the result would pass `maxChars`. Passages are cut from the text
 * as from pasted text.
 */
export function importKnowledge(
  current: string | undefined,
  file: { name: string; text: string },
  mode: "append" | "replace",
  maxChars: number,
): KnowledgeImport {
  if (!isKnowledgeFile(file.name)) return { ok: false, reason: "type" };
  const added = file.text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .trim();
  const kept = mode === "append" ? (current ?? "").trim() : "";
  const text = kept === "" ? added : added === "" ? kept : `${kept}\n\n${added}`;
  if (text.length > maxChars) return { ok: false, reason: "size", chars: text.length };
  return { ok: true, text };
}
