import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exampleIds, exampleText } from "../test/examples";
import { parseFlow } from "./parse";
import { serializeFlow } from "./serialize";
import { smallFlow } from "./testing";
import { arbitraryFlow } from "./testing/arbitraries";

describe("serializeFlow", () => {
  it("round-trips every generated valid flow through parseFlow", () => {
    fc.assert(
      fc.property(arbitraryFlow(), (flow) => {
        const parsed = parseFlow(JSON.parse(serializeFlow(flow)));
        expect(parsed).toEqual({ ok: true, flow });
      }),
      { numRuns: 300 },
    );
  });

  it("writes the same text whatever order the keys were in", () => {
    fc.assert(
      fc.property(arbitraryFlow(6), fc.integer(), (flow, seed) => {
        const shuffled = shuffleKeys(flow, seed);
        expect(serializeFlow(shuffled as typeof flow)).toBe(serializeFlow(flow));
      }),
      { numRuns: 100 },
    );
  });

  it("puts what a thing is before what it holds, with 2-space indent and a final newline", () => {
    const text = serializeFlow(smallFlow());
    expect(
      text.startsWith(
        '{\n  "schemaVersion": 2,\n  "id": "small",\n  "name": "Small",\n  "languages": [\n    "en"\n  ],\n  "variables"',
      ),
    ).toBe(true);
    expect(text).toContain('{\n      "id": "start",\n      "type": "trigger",\n      "position"');
    expect(text).toContain(
      '"id": "e2",\n      "source": "ask",\n      "sourceHandle": "paris",\n      "target": "bye"',
    );
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("keeps the committed examples in their serialised form, so exports of them are byte-identical", () => {
    for (const id of exampleIds()) {
      const text = exampleText(id);
      const parsed = parseFlow(JSON.parse(text));
      if (!parsed.ok) throw new Error(id);
      expect(serializeFlow(parsed.flow), id).toBe(text);
    }
  });
});

function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, seed + 1));
  if (value === null || typeof value !== "object") return value;
  const keys = Object.keys(value);
  const order = keys
    .map((k, i) => ({ k, r: Math.sin(seed * 7919 + i * 104729) }))
    .sort((a, b) => a.r - b.r)
    .map((x) => x.k);
  const out: Record<string, unknown> = {};
  for (const k of order)
    out[k] = shuffleKeys((value as Record<string, unknown>)[k], seed + k.length);
  return out;
}
