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
  "comment",
  "unknown",
]);

/** What every event must hold, whatever came in. */
function expectWellFormed(event: InboundEvent): void {
  expect(KINDS.has(event.kind)).toBe(true);
  expect(typeof event.pageId).toBe("string");
  expect(event.psid === null || typeof event.psid === "string").toBe(true);
  expect(Number.isFinite(event.timestamp)).toBe(true);
  expect(["messaging", "standby"]).toContain(event.channel);
  // A message's id, a comment's id (`comment:…`, from `changes`), or a hash of the item.
  expect(event.dedupeKey).toMatch(/^(mid:.+|comment:.+|sha256:[0-9a-f]{64})$/);
  // The inbox stores every event as JSON: it must serialise, however deep the item came in.
  expect(() => JSON.stringify(event)).not.toThrow();
}

const RUNS = { numRuns: 400, seed: 4242 };

/** Mostly `valid`, now and then any JSON: a field as Meta sends it, or garbled. */
const mostly = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof(
    { arbitrary: valid, weight: 5 },
    { arbitrary: fc.jsonValue({ maxDepth: 1 }), weight: 1 },
  );
const id = fc.oneof(fc.stringMatching(/^[0-9_]{1,20}$/), fc.nat());

/** A Page `feed` change: a new comment, unless a field came out garbled or another verb. */
const feedChange = fc.record({
  field: fc.constant("feed"),
  value: fc.record({
    item: mostly(fc.constantFrom("comment", "comment", "reaction", "post")),
    verb: mostly(fc.constantFrom("add", "add", "edited", "remove")),
    comment_id: mostly(id),
    post_id: mostly(id),
    parent_id: mostly(id),
    message: mostly(fc.string()),
    created_time: mostly(fc.oneof(fc.nat(), fc.stringMatching(/^\d{1,12}$/))),
    from: mostly(fc.record({ id, name: fc.string() }, { requiredKeys: ["id"] })),
  }),
});

/** An Instagram `comments` change, garbled now and then. */
const igCommentsChange = fc.record({
  field: fc.constant("comments"),
  value: fc.record({
    id: mostly(id),
    text: mostly(fc.string()),
    parent_id: mostly(id),
    media: mostly(fc.record({ id, media_product_type: fc.constantFrom("REELS", "FEED") })),
    from: mostly(fc.record({ id, username: fc.string() }, { requiredKeys: ["id"] })),
  }),
});

/** A `changes` item: a comment change of either kind, or anything at all. */
const changeItem = fc.oneof(feedChange, igCommentsChange, fc.jsonValue({ maxDepth: 3 }));

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
      changes: fc.array(changeItem, { maxLength: 3 }),
    });
    let comments = 0;
    fc.assert(
      fc.property(
        fc.constantFrom("page", "instagram"),
        fc.array(entry, { maxLength: 4 }),
        (object, entries) => {
          const result = parseWebhook(JSON.parse(JSON.stringify({ object, entry: entries })));
          const items = entries.reduce(
            (n, e) => n + e.messaging.length + e.standby.length + e.changes.length,
            0,
          );
          // The envelope is valid, whatever its entries hold: the body is taken, never refused.
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          // An entry whose arrays are all empty still yields nothing: no item was dropped.
          expect(result.events.length).toBeGreaterThanOrEqual(items);
          result.events.forEach(expectWellFormed);
          comments += result.events.filter((e) => e.kind === "comment").length;
        },
      ),
      RUNS,
    );
    // The comment changes are read as comments often enough to fuzz their parser too.
    expect(comments).toBeGreaterThan(RUNS.numRuns / 10);
  });

  it("on real bodies, unmutated: each parses, with well-formed events", () => {
    const kinds = new Set<string>();
    for (const name of fixtureNames()) {
      const result = parseWebhook(fixture(name));
      expect({ name, ok: result.ok }).toEqual({ name, ok: true });
      if (!result.ok) continue;
      expect(result.events.length).toBeGreaterThan(0);
      result.events.forEach(expectWellFormed);
      for (const event of result.events) kinds.add(`${event.platform}:${event.kind}`);
    }
    // The seeds of the mutations below hold comments from both a Page and an Instagram account.
    expect(kinds).toContain("page:comment");
    expect(kinds).toContain("instagram:comment");
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
