import { type Flow, flowSchema, parseFlow } from "@convo/flow";
import { arbitraryFlow as anySchemaValidFlow } from "@convo/flow/testing/arbitrary";
import { loadExamples } from "@convo/flow/testing/examples";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ENGINE_LIMITS } from "./limits";
import { initialSession } from "./session";
import { step } from "./step";
import { makeContext } from "./testing";
import { arbitraryEvent, arbitraryFlow } from "./testing/arbitrary-flow";
import type { EngineEvent, StepResult } from "./types";

/** Hundreds of runs take a second or two alone, far longer on a shared, loaded machine. */
const PROPERTY_TIMEOUT_MS = 60_000;

const flows = fc.tuple(arbitraryFlow("p", ["p", "q"]), arbitraryFlow("q", ["p", "q"]));
const scenario = flows.chain(([p, q]) =>
  fc.record({
    p: fc.constant(p),
    q: fc.constant(q),
    events: fc.array(arbitraryEvent([p, q]), { minLength: 1, maxLength: 12 }),
    seed: fc.integer(),
    tags: fc.subarray(["vip", "new"]),
    locale: fc.constantFrom("en_GB", "fr_FR"),
  }),
);

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function play(s: Scenario): StepResult[] {
  let session = initialSession();
  const results: StepResult[] = [];
  s.events.forEach((event: EngineEvent, i) => {
    const context = makeContext({
      now: Date.UTC(2025, 0, 1) + i * 60_000,
      seed: s.seed + i,
      flows: [{ flow: s.q, version: 2 }],
      contact: { fields: { first_name: "Zoé", locale: s.locale }, tags: s.tags },
    });
    const result = step(s.p, session, event, context);
    results.push(result);
    session = result.session;
  });
  return results;
}

describe("step, for any valid flow and any events", () => {
  it("generates flows the schema accepts", () => {
    fc.assert(
      fc.property(arbitraryFlow("p", ["p", "q"]), (flow) => {
        expect(flowSchema.safeParse(flow).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it(
    "never throws, stays within the step limit, returns JSON sessions, and is deterministic",
    () => {
      fc.assert(
        fc.property(scenario, (s) => {
          const results = play(s);
          for (const { session, actions } of results) {
            expect(actions.filter((a) => a.type === "error" && a.code === "internal")).toEqual([]);
            const entered = actions.filter((a) => a.type === "track" && a.handle === undefined);
            expect(entered.length).toBeLessThanOrEqual(ENGINE_LIMITS.nodeVisits);
            expect(JSON.parse(JSON.stringify(session))).toEqual(session);
            expect(JSON.parse(JSON.stringify(actions))).toEqual(actions);
          }
          expect(play(s)).toEqual(results);
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

/** The flow as a version-1 file held it (no languages), read back through the migration. */
function throughV1(flow: Flow): Flow {
  const { languages: _, ...v1 } = flow;
  const parsed = parseFlow(JSON.parse(JSON.stringify({ ...v1, schemaVersion: 1 })));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  expect(parsed.migratedFrom).toBe(1);
  return parsed.flow;
}

describe("flow format version 1 → 2", () => {
  it(
    "migrates any generated flow to one that gives the same actions for the same events",
    () => {
      fc.assert(
        fc.property(scenario, (s) => {
          const migrated = { ...s, p: throughV1(s.p), q: throughV1(s.q) };
          expect(play(migrated)).toEqual(play(s));
        }),
        { numRuns: 150 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe("step, for any schema-valid flow, odd text and URLs included", () => {
  it(
    "never fails internally and returns JSON",
    () => {
      const played = anySchemaValidFlow(10).chain((flow) =>
        fc.tuple(
          fc.constant(flow),
          fc.array(arbitraryEvent([flow]), { minLength: 1, maxLength: 10 }),
        ),
      );
      fc.assert(
        fc.property(played, ([flow, events]) => {
          let session = initialSession();
          events.forEach((event, i) => {
            const context = makeContext({ seed: i, now: Date.UTC(2025, 0, 1) + i * 60_000 });
            const result = step(flow, session, event, context);
            const internal = result.actions.filter(
              (a) => a.type === "error" && a.code === "internal",
            );
            expect(internal).toEqual([]);
            expect(JSON.parse(JSON.stringify(result.session))).toEqual(result.session);
            session = result.session;
          });
        }),
        { numRuns: 200 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

// A broken example throws here, rather than quietly dropping out of the property.
const examples = loadExamples();

describe("step, on the example flows with any events", () => {
  it(
    "never fails and stays deterministic",
    () => {
      const events = fc.array(arbitraryEvent(examples), { minLength: 1, maxLength: 20 });
      const play = (which: number, list: EngineEvent[]) => {
        const flow = examples[which % examples.length] as Flow;
        const flows = examples.map((f) => ({ flow: f, version: 1 }));
        let session = initialSession();
        return list.map((event, i) => {
          const result = step(
            flow,
            session,
            event,
            makeContext({ flows, seed: i, now: Date.UTC(2025, 0, 1) + i * 3_600_000 }),
          );
          session = result.session;
          return result;
        });
      };
      fc.assert(
        fc.property(fc.nat(), events, (which, list) => {
          const results = play(which, list);
          for (const { session, actions } of results) {
            expect(actions.filter((a) => a.type === "error")).toEqual([]);
            expect(JSON.parse(JSON.stringify(session))).toEqual(session);
          }
          expect(play(which, list)).toEqual(results);
        }),
        { numRuns: 200 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
