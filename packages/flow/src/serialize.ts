import type { Flow } from "./schema";

/**
 * Keys that come first, in this order, wherever they appear; other keys follow alphabetically.
 * The order reads like the canvas: what a thing is, where it is, then what it holds.
 */
const KEY_ORDER = [
  "schemaVersion",
  "id",
  "type",
  "kind",
  "name",
  "label",
  "title",
  "description",
  "languages",
  "text",
  "question",
  "variable",
  "position",
  "x",
  "y",
  "source",
  "sourceHandle",
  "target",
  "variables",
  "data",
  "nodes",
  "edges",
];
const RANK = new Map(KEY_ORDER.map((key, i) => [key, i]));

function compareKeys(a: string, b: string): number {
  const ra = RANK.get(a) ?? Number.POSITIVE_INFINITY;
  const rb = RANK.get(b) ?? Number.POSITIVE_INFINITY;
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compareKeys)) {
    const inner = (value as Record<string, unknown>)[key];
    if (inner !== undefined) out[key] = canonical(inner);
  }
  return out;
}

/**
 * The one way a flow is written to text: fixed key order, 2-space indent, a final newline.
 * Exports, the version history and the examples all use it, so two versions diff line by line.
 */
export function serializeFlow(flow: Flow): string {
  return `${JSON.stringify(canonical(flow), null, 2)}\n`;
}

/** A value's text with `serializeFlow`'s key order and no spacing: equal texts, equal values. */
export function canonicalText(value: unknown): string {
  return JSON.stringify(canonical(value));
}
