import { foldCase } from "../text";

/*
 * BM25 written small rather than a library (MiniSearch, wink): the engine must import nothing
 * that touches Node or the DOM and stays in the editor's bundle budget, the knowledge base of one
 * step is a few hundred passages at most, and ranking them is sixty lines. Okapi BM25 with the
 * usual k1 = 1.2, b = 0.75; terms are folded for case and accents, French and English stop words
 * are dropped, and a plural `s`/`x` is cut so "commandes" finds "commande".
 */

const K1 = 1.2;
const B = 0.75;

const STOP_WORDS = new Set(
  (
    "a an and are as at be by can do does for from have how i in is it me my of on or our so " +
    "that the this to we what when where which who why will with you your " +
    "au aux avec ce ces dans de des du elle en est et il je la le les leur ma mais me mes mon " +
    "ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes ton tu un une " +
    "vos votre vous y est-ce quel quelle quels quelles comment"
  ).split(" "),
);

/** The terms of a text as the ranking compares them. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const word of foldCase(text).split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < 2 || STOP_WORDS.has(word)) continue;
    out.push(word.length > 3 && /[sx]$/.test(word) ? word.slice(0, -1) : word);
  }
  return out;
}

/** A scored passage: its place in the list given to `bm25Index`, and its score. */
export interface Ranked {
  index: number;
  score: number;
}

/** Ranks a fixed list of passages for any query. */
export interface Bm25Index {
  /** Passages with a score above 0, best first (ties: the earlier passage first). */
  rank(query: string): Ranked[];
}

export function bm25Index(passages: readonly string[]): Bm25Index {
  const docs = passages.map((passage) => {
    const counts = new Map<string, number>();
    const words = terms(passage);
    for (const term of words) counts.set(term, (counts.get(term) ?? 0) + 1);
    return { counts, length: words.length };
  });
  const n = docs.length;
  const averageLength = docs.reduce((sum, d) => sum + d.length, 0) / Math.max(1, n);
  const frequency = new Map<string, number>();
  for (const doc of docs) {
    for (const term of doc.counts.keys()) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  }
  const idf = (term: string) => {
    const df = frequency.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  };
  return {
    rank(query) {
      const queryTerms = [...new Set(terms(query))].filter((t) => frequency.has(t));
      const ranked: Ranked[] = [];
      docs.forEach((doc, index) => {
        let score = 0;
        for (const term of queryTerms) {
          const tf = doc.counts.get(term);
          if (!tf) continue;
          const norm = K1 * (1 - B + (B * doc.length) / Math.max(1, averageLength));
          score += (idf(term) * (tf * (K1 + 1))) / (tf + norm);
        }
        if (score > 0) ranked.push({ index, score });
      });
      return ranked.sort((a, b) => b.score - a.score || a.index - b.index);
    },
  };
}
