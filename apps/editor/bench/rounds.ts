/**
 * Reading interleaved rounds: each round measures the editor and the bare page one after the other,
 * so drift on a shared machine hits both alike. A figure is the median of the rounds; its spread is
 * the lowest and highest round; the ratio is readable only when the rounds' own ratios (editor ÷
 * bare, round by round) agree within SPREAD_LIMIT of their median.
 */
export const SPREAD_LIMIT = 0.3;

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface Compared {
  editor: { median: number; low: number; high: number };
  bare: { median: number; low: number; high: number };
  /** median(editor) ÷ median(bare). */
  ratio: number | null;
  /** The rounds' own ratios, lowest and highest. */
  roundRatios: { low: number; high: number } | null;
  /** False when the rounds disagree too much (or there was one round) for the ratio to be read. */
  readable: boolean;
}

const spreadOf = (values: readonly number[]) => ({
  median: median(values),
  low: Math.min(...values),
  high: Math.max(...values),
});

/** Compares one figure measured in each round on both pages (same index = same round). */
export function compareRounds(editor: readonly number[], bare: readonly number[]): Compared {
  const e = spreadOf(editor);
  const b = spreadOf(bare);
  const ratios = editor.map((v, i) => v / (bare[i] as number)).filter(Number.isFinite);
  const roundRatios =
    ratios.length > 0 ? { low: Math.min(...ratios), high: Math.max(...ratios) } : null;
  const mid = median(ratios);
  const readable =
    ratios.length >= 2 &&
    roundRatios !== null &&
    (roundRatios.high - roundRatios.low) / mid <= SPREAD_LIMIT;
  return {
    editor: e,
    bare: b,
    ratio: b.median > 0 ? e.median / b.median : null,
    roundRatios,
    readable,
  };
}
