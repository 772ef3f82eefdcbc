const MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * Case- and accent-insensitive form used to compare what people type: "Côlis", "COLIS" and
 * "colis" all become "colis". Punctuation stays.
 */
export function foldCase(text: string): string {
  // Plain ASCII needs no decomposition; most traffic takes this fast path.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase().trim();
  return text.normalize("NFD").replace(MARKS, "").toLowerCase().trim();
}

/**
 * `foldCase` with every run of punctuation and spaces made one space, for keyword matching:
 * "Où est mon colis ?!" → "ou est mon colis". Emoji-only text keeps its emoji.
 */
export function foldWords(text: string): string {
  const folded = foldCase(text);
  const words = folded.replace(NOT_WORD, " ").trim();
  return words === "" ? folded : words;
}
