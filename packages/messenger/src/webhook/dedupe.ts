import { createHash } from "node:crypto";

/**
 * JSON with object keys sorted at every level, so the same event always hashes the same however
 * Meta ordered its keys. Values JSON cannot hold (functions, undefined) are left out like
 * `JSON.stringify` does.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value, 0)) ?? "null";
}

/** A stable key for an event with no `mid`: sha256 of the canonical JSON of the item and its page. */
export function hashKey(pageId: string, item: unknown): string {
  const digest = createHash("sha256").update(canonicalJson({ pageId, item })).digest("hex");
  return `sha256:${digest}`;
}

const MAX_DEPTH = 64;

function sortKeys(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => sortKeys(item, depth + 1));
  // No prototype: a "__proto__" key from the wire must stay a plain key, not reset the prototype.
  const sorted: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value).sort()) {
    sorted[key] = sortKeys((value as Record<string, unknown>)[key], depth + 1);
  }
  return sorted;
}
