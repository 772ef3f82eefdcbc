const MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * A keyword as the engine compares it (`foldWords` of `@convo/engine`, which `flow` may not
 * import): case and accents dropped, every run of punctuation and spaces one space.
 * "Côlis !" → "colis". The two must agree, or the lint would miss what the runtime confuses.
 */
export function foldKeyword(text: string): string {
  const folded = text.normalize("NFD").replace(MARKS, "").toLowerCase().trim();
  const words = folded.replace(NOT_WORD, " ").trim();
  return words === "" ? folded : words;
}
