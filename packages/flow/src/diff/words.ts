export type WordOp = "same" | "added" | "removed";

/** A run of text that both sides share, or that only the new (added) or old (removed) side has. */
export interface WordPart {
  op: WordOp;
  text: string;
}

// Words (letters and digits of any script), runs of spaces, and each other character alone.
const TOKEN = /[\p{L}\p{N}_]+|\s+|[^\p{L}\p{N}_\s]/gu;
/** Past this many cells the comparison would cost more than it tells: the text is shown replaced. */
const MAX_CELLS = 250_000;

function push(parts: WordPart[], op: WordOp, text: string): void {
  const last = parts.at(-1);
  if (last?.op === op) last.text += text;
  else parts.push({ op, text });
}

/**
 * The words changed between two texts (longest common subsequence over words), for the version
 * compare: the old side shows `same` and `removed` parts, the new side `same` and `added` ones.
 *
 * @example diffWords("Track my order", "Track your order")
 * // [{op:"same",text:"Track "},{op:"removed",text:"my"},{op:"added",text:"your"},{op:"same",text:" order"}]
 */
export function diffWords(before: string, after: string): WordPart[] {
  const a = before.match(TOKEN) ?? [];
  const b = after.match(TOKEN) ?? [];
  const parts: WordPart[] = [];
  if (a.length * b.length > MAX_CELLS) {
    if (before) push(parts, "removed", before);
    if (after) push(parts, "added", after);
    return parts;
  }
  // lengths[i][j]: the longest common run of a[i..] and b[j..], in one flat array.
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lengths[i * width + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * width + j + 1] as number) + 1
          : Math.max(lengths[(i + 1) * width + j] as number, lengths[i * width + j + 1] as number);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(parts, "same", a[i] as string);
      i++;
      j++;
    } else if ((lengths[(i + 1) * width + j] as number) >= (lengths[i * width + j + 1] as number)) {
      push(parts, "removed", a[i++] as string);
    } else {
      push(parts, "added", b[j++] as string);
    }
  }
  while (i < a.length) push(parts, "removed", a[i++] as string);
  while (j < b.length) push(parts, "added", b[j++] as string);
  return parts;
}
