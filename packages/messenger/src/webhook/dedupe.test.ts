import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, hashKey, KEPT_DEPTH, keepable } from "./dedupe";

/** The recursive version this replaced: keys must hash the same as they did before. */
function sortedStringify(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) return v.map(sort);
    const sorted: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(v).sort())
      sorted[key] = sort((v as Record<string, unknown>)[key]);
    return sorted;
  };
  return JSON.stringify(sort(value)) ?? "null";
}

function nested(depth: number): unknown {
  let deep: unknown = "bottom";
  for (let i = 0; i < depth; i++) deep = i % 2 === 0 ? { a: deep } : [deep];
  return deep;
}

describe("canonicalJson and hashKey", () => {
  it("sort keys at every level, arrays keep their order", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,1]},"b":1}',
    );
  });

  it("keep a __proto__ key from the wire as data, so it still changes the hash", () => {
    const plain = JSON.parse('{"read":{"watermark":1}}');
    const polluted = JSON.parse('{"read":{"watermark":1},"__proto__":{"x":1}}');
    expect(canonicalJson(polluted)).toContain("__proto__");
    expect(hashKey("p", polluted)).not.toBe(hashKey("p", plain));
  });

  it("differ per page for the same item", () => {
    expect(hashKey("1", { read: { watermark: 1 } })).not.toBe(
      hashKey("2", { read: { watermark: 1 } }),
    );
  });

  it("write what JSON.stringify of sorted copies wrote, so stored keys stay valid (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expect(canonicalJson(value)).toBe(sortedStringify(value));
      }),
      { numRuns: 500, seed: 7 },
    );
    expect(canonicalJson({ b: 1, 10: 2, 9: 3, a: [undefined, 1] })).toBe(
      sortedStringify({ b: 1, 10: 2, 9: 3, a: [undefined, 1] }),
    );
  });

  it("hash items nested far deeper than the stack allows, and tell them apart", () => {
    const deep = nested(50_000);
    expect(hashKey("p", deep)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(hashKey("p", deep)).not.toBe(hashKey("p", nested(50_001)));
  });
});

describe("keepable", () => {
  it("keeps what is shallow as it is, and cuts what is nested too deep", () => {
    const item = { message: { mid: "m1", text: "hi", extra: [1, { b: null }] } };
    expect(keepable(item)).toEqual(item);
    const kept = keepable(nested(100_000));
    const text = JSON.stringify(kept);
    expect(text).toContain(`nested deeper than ${KEPT_DEPTH} levels`);
    expect(text.length).toBeLessThan(500);
    expect(JSON.parse('{"__proto__":{"x":1}}')).toEqual(
      keepable(JSON.parse('{"__proto__":{"x":1}}')),
    );
  });
});
