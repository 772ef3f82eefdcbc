import { createHash } from "node:crypto";

/** Literal text to write, as opposed to a value to serialise (the work list of `canonicalJson`). */
class Text {
  constructor(readonly text: string) {}
}

/**
 * JSON with object keys sorted at every level, so the same event always hashes the same however
 * Meta ordered its keys. Values JSON cannot hold (functions, undefined) are left out like
 * `JSON.stringify` does. It walks a work list instead of recursing, so an item nested thousands
 * of levels deep (a hostile body) is serialised like any other instead of overflowing the stack.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  const work: unknown[] = [value];
  while (work.length > 0) {
    const next = work.pop();
    if (next instanceof Text) {
      out.push(next.text);
      continue;
    }
    if (next === null || typeof next !== "object") {
      out.push(JSON.stringify(next) ?? "null");
      continue;
    }
    // Pushed in reverse, so they are written in order.
    if (Array.isArray(next)) {
      work.push(new Text("]"));
      for (let i = next.length - 1; i >= 0; i--) {
        const item = next[i];
        work.push(serialisable(item) ? item : null);
        if (i > 0) work.push(new Text(","));
      }
      work.push(new Text("["));
      continue;
    }
    const record = next as Record<string, unknown>;
    const keys = keyOrder(record).filter((key) => serialisable(record[key]));
    work.push(new Text("}"));
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      work.push(record[key]);
      work.push(new Text(`${i > 0 ? "," : ""}${JSON.stringify(key)}:`));
    }
    work.push(new Text("{"));
  }
  return out.join("");
}

/**
 * Sorted keys in the order `JSON.stringify` writes an object built with them (integer-like keys
 * first, ascending), so keys hash as they did when this was `JSON.stringify` of sorted copies.
 */
function keyOrder(record: Record<string, unknown>): string[] {
  // No prototype: a "__proto__" key from the wire stays a plain key, not a prototype.
  const ordered: Record<string, true> = Object.create(null);
  for (const key of Object.keys(record).sort()) ordered[key] = true;
  return Object.keys(ordered);
}

function serialisable(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}

/** A stable key for an event with no `mid`: sha256 of the canonical JSON of the item and its page. */
export function hashKey(pageId: string, item: unknown): string {
  const digest = createHash("sha256").update(canonicalJson({ pageId, item })).digest("hex");
  return `sha256:${digest}`;
}

/** How deep a kept item may be; anything deeper is not a Meta event and is cut here. */
export const KEPT_DEPTH = 32;

/**
 * A copy of `value` that is at most `KEPT_DEPTH` levels deep, for storing an item that was not
 * understood: deeper values are replaced by a note, so the store (and every later JSON step)
 * never meets a structure that overflows the stack. Iterative, like `canonicalJson`.
 */
export function keepable(value: unknown): unknown {
  const root: { value: unknown } = { value: undefined };
  const work: {
    from: unknown;
    into: Record<string, unknown> | unknown[];
    key: string | number;
    depth: number;
  }[] = [{ from: value, into: root as unknown as Record<string, unknown>, key: "value", depth: 0 }];
  while (work.length > 0) {
    const { from, into, key, depth } = work.pop() as (typeof work)[number];
    let copy: unknown = from;
    if (from !== null && typeof from === "object") {
      if (depth >= KEPT_DEPTH) copy = `(cut: nested deeper than ${KEPT_DEPTH} levels)`;
      else if (Array.isArray(from)) {
        const list: unknown[] = new Array(from.length);
        for (let i = 0; i < from.length; i++) {
          work.push({ from: from[i], into: list, key: i, depth: depth + 1 });
        }
        copy = list;
      } else {
        const record: Record<string, unknown> = {};
        for (const [k, item] of Object.entries(from)) {
          work.push({ from: item, into: record, key: k, depth: depth + 1 });
        }
        copy = record;
      }
    }
    if (Array.isArray(into)) into[key as number] = copy;
    else
      Object.defineProperty(into, key, {
        value: copy,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return root.value;
}
