import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixture, fixtureNames } from "./fixtures";
import { parseWebhook } from "./parse";
import type { InboundEvent, InboundEventKind } from "./types";

const KINDS = new Set<InboundEventKind>([
  "text",
  "quick_reply",
  "attachments",
  "postback",
  "referral",
  "optin",
  "delivery",
  "read",
  "echo",
  "reaction",
  "pass_thread_control",
  "take_thread_control",
  "request_thread_control",
  "app_roles",
  "policy_enforcement",
  "unknown",
]);

/** What every event must hold, whatever came in. */
function expectWellFormed(event: InboundEvent): void {
  expect(KINDS.has(event.kind)).toBe(true);
  expect(typeof event.pageId).toBe("string");
  expect(event.psid === null || typeof event.psid === "string").toBe(true);
  expect(Number.isFinite(event.timestamp)).toBe(true);
  expect(["messaging", "standby"]).toContain(event.channel);
  expect(event.dedupeKey).toMatch(/^(mid:.+|sha256:[0-9a-f]{64})$/);
  // The inbox stores every event as JSON: it must serialise, however deep the item came in.
  expect(() => JSON.stringify(event)).not.toThrow();
}

const RUNS = { numRuns: 400, seed: 4242 };

describe("parseWebhook never throws (fuzz)", () => {
  it("on arbitrary values", () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }),
        (value) => {
          const result = parseWebhook(value);
          if (result.ok) result.events.forEach(expectWellFormed);
        },
      ),
      RUNS,
    );
  });

  it("on arbitrary JSON inside a valid envelope: one event per item, unknown when not understood", () => {
    const entry = fc.record({
      id: fc.oneof(fc.string({ minLength: 1 }), fc.integer()),
      time: fc.oneof(fc.integer(), fc.string()),
      messaging: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }),
      standby: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom("page", "instagram"),
        fc.array(entry, { maxLength: 4 }),
        (object, entries) => {
          const result = parseWebhook(JSON.parse(JSON.stringify({ object, entry: entries })));
          const items = entries.reduce((n, e) => n + e.messaging.length + e.standby.length, 0);
          // An entry whose arrays are both empty still yields nothing: no item was dropped.
          if (!result.ok) return;
          expect(result.events.length).toBeGreaterThanOrEqual(items);
          result.events.forEach(expectWellFormed);
        },
      ),
      RUNS,
    );
  });

  it("on real bodies with random mutations (values replaced, keys deleted, types changed)", () => {
    const bodies = fixtureNames().map((name) => fixture(name));
    const mutation = fc.record({
      body: fc.integer({ min: 0, max: bodies.length - 1 }),
      steps: fc.array(
        fc.record({
          pick: fc.nat(),
          action: fc.constantFrom("replace", "delete", "stringify", "wrap", "duplicate"),
          value: fc.jsonValue({ maxDepth: 2 }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
    });
    let stillOk = 0;
    fc.assert(
      fc.property(mutation, ({ body, steps }) => {
        const copy = structuredClone(bodies[body]);
        for (const step of steps) mutate(copy, step);
        const result = parseWebhook(copy);
        if (result.ok) {
          stillOk += 1;
          result.events.forEach(expectWellFormed);
        } else {
          expect(result.error.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
    // Most mutations land inside events, so the envelope should usually still parse.
    expect(stillOk).toBeGreaterThan(RUNS.numRuns / 2);
  });
});

describe("parseWebhook never throws on deep nesting (fuzz)", () => {
  it("keeps every event of a real body when any value in it is replaced by a deep nest", () => {
    const bodies = fixtureNames().map((name) => fixture(name));
    const deepNest = fc.record({
      body: fc.integer({ min: 0, max: bodies.length - 1 }),
      pick: fc.nat(),
      depth: fc.integer({ min: 1_000, max: 60_000 }),
      arrays: fc.boolean(),
    });
    fc.assert(
      fc.property(deepNest, ({ body, pick, depth, arrays }) => {
        const copy = structuredClone(bodies[body]);
        let deep: unknown = "x";
        for (let i = 0; i < depth; i++) deep = arrays ? [deep] : { a: deep };
        mutate(copy, { pick, action: "replace", value: deep });
        const result = parseWebhook(copy);
        if (result.ok) result.events.forEach(expectWellFormed);
        else expect(result.error).not.toMatch(/RangeError|stack/);
      }),
      { numRuns: 60, seed: 5150 },
    );
  });
});

interface Step {
  pick: number;
  action: "replace" | "delete" | "stringify" | "wrap" | "duplicate";
  value: unknown;
}

/** Applies one mutation at a node chosen among every object or array in the body. */
function mutate(root: unknown, step: Step): void {
  const slots: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        slots.push([node, i]);
        walk(child);
      });
    } else if (node !== null && typeof node === "object") {
      for (const [key, child] of Object.entries(node)) {
        slots.push([node as Record<string, unknown>, key]);
        walk(child);
      }
    }
  };
  walk(root);
  const slot = slots[step.pick % Math.max(1, slots.length)];
  if (!slot) return;
  const [parent, key] = slot;
  const record = parent as Record<string | number, unknown>;
  switch (step.action) {
    case "replace":
      record[key] = step.value;
      break;
    case "delete":
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete record[key];
      break;
    case "stringify":
      record[key] = JSON.stringify(record[key]) ?? null;
      break;
    case "wrap":
      record[key] = [record[key]];
      break;
    case "duplicate":
      if (Array.isArray(parent)) parent.push(structuredClone(parent[key as number]));
      else record[`${String(key)}_copy`] = record[key];
      break;
  }
}
