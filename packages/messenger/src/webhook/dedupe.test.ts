import { describe, expect, it } from "vitest";
import { canonicalJson, hashKey } from "./dedupe";

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
});
