/** One figure, as benchmarks write it (bench/README.md), with the suite it came from. */
export interface BenchResult {
  suite: string;
  name: string;
  figure: number;
  unit: string;
  baseline: number | null;
  baselineName: string | null;
  baselineUnit: string | null;
  ratio: number | null;
  budget: string | null;
  pass: boolean | null;
  series?: { x: string; y: string; points: [number, number][]; label?: string };
}

function asNumber(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new Error(`"${field}" is not a number`);
  return value;
}

function optionalNumber(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function optionalString(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return null;
}

/** Accepts one result, a list, or `{ results: [...] }`; checks each has a name and a figure. */
export function normaliseResults(suite: string, document: unknown): BenchResult[] {
  const list = Array.isArray(document)
    ? document
    : typeof document === "object" && document !== null && Array.isArray((document as { results?: unknown }).results)
      ? (document as { results: unknown[] }).results
      : [document];
  return list.map((item, i) => {
    if (typeof item !== "object" || item === null) throw new Error(`result ${i} is not an object`);
    const r = item as Record<string, unknown>;
    if (typeof r.name !== "string") throw new Error(`result ${i} has no name`);
    const result: BenchResult = {
      suite,
      name: r.name,
      figure: asNumber(r.figure, `${r.name}.figure`),
      unit: optionalString(r.unit) ?? "",
      baseline: optionalNumber(r.baseline),
      baselineName: optionalString(r.baselineName),
      baselineUnit: optionalString(r.baselineUnit),
      ratio: optionalNumber(r.ratio),
      budget: optionalString(r.budget),
      pass: typeof r.pass === "boolean" ? r.pass : null,
    };
    const series = r.series as BenchResult["series"] | undefined;
    if (series && Array.isArray(series.points)) result.series = series;
    return result;
  });
}
