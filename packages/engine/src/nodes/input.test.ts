import type { Validation } from "@convo/flow";
import { describe, expect, it } from "vitest";
import { makeContext, makeFlow, makeNode, sentTexts, talk } from "../testing";
import type { EngineAction, EngineEvent, OutMessage } from "../types";

const say = (id: string, text: string) =>
  makeNode(id, "message", { content: [{ id: "t", kind: "text", text }] });

function inputFlow(data: Partial<Parameters<typeof makeNode<"input">>[2]>) {
  return makeFlow(
    "f",
    [
      makeNode("ask", "input", {
        question: "Your answer?",
        variable: "answer",
        validation: { kind: "text" },
        ...data,
      }),
      say("ok", "Got {{answer}}"),
      say("bad", "Giving up"),
      say("late", "Too slow"),
      say("red", "Red it is"),
    ],
    [
      ["ask", "ok"],
      ["ask", "invalid", "bad"],
      ["ask", "timeout", "late"],
      ["ask", "red", "red"],
    ],
  );
}

const begin: EngineEvent = { type: "start", flowId: "f", nodeId: "ask" };
const say_ = (text: string): EngineEvent => ({ type: "message", text });
const sends = (actions: readonly EngineAction[]): OutMessage[] =>
  actions.flatMap((a) => (a.type === "send" ? [a.message] : []));

describe("input", () => {
  it("asks, stores a valid answer and goes on", () => {
    const results = talk(inputFlow({}), [begin, say_("  blue ")]);
    expect(sentTexts(results[0]?.actions ?? [])).toEqual(["Your answer?"]);
    expect(results[0]?.session.waiting).toMatchObject({
      kind: "input",
      nodeId: "ask",
      attempts: 0,
    });
    expect(sentTexts(results[1]?.actions ?? [])).toEqual(["Got blue"]);
    expect(results[1]?.session.variables.f).toEqual({ answer: "blue" });
  });

  it("re-asks with the retry text up to the limit, then takes invalid", () => {
    const flow = inputFlow({
      validation: { kind: "number" },
      retryText: "A number please",
      retryLimit: 1,
    });
    const results = talk(flow, [begin, say_("ten"), say_("still no")]);
    expect(sentTexts(results[1]?.actions ?? [])).toEqual(["A number please"]);
    expect(results[1]?.session.waiting).toMatchObject({ attempts: 1 });
    expect(sentTexts(results[2]?.actions ?? [])).toEqual(["Giving up"]);
  });

  it("uses a default retry sentence and a limit of 2", () => {
    const results = talk(inputFlow({ validation: { kind: "email" } }), [
      begin,
      say_("x"),
      say_("y"),
      say_("z"),
    ]);
    expect(sentTexts(results[1]?.actions ?? [])[0]).toMatch(/email address/);
    expect(sentTexts(results[2]?.actions ?? [])[0]).toMatch(/email address/);
    expect(sentTexts(results[3]?.actions ?? [])).toEqual(["Giving up"]);
  });

  it.each([
    [{ kind: "number" } as const, "1 000,50", "1000.5"],
    [{ kind: "number", integer: true, min: 1, max: 10 } as const, "7", "7"],
    [{ kind: "email" } as const, " ada@example.com ", "ada@example.com"],
    [{ kind: "phone" } as const, "+33 6 12-34-56-78", "+33612345678"],
    [{ kind: "phone" } as const, "0033 612345678", "+33612345678"],
    [{ kind: "phone" } as const, "+33 (0)6 12 34 56 78", "+33612345678"],
    [{ kind: "phone" } as const, "0033 (0) 6 12 34 56 78", "+33612345678"],
    [{ kind: "date" } as const, "31/12/2026", "2026-12-31"],
    [{ kind: "number" } as const, "12,5", "12.5"],
    [{ kind: "number" } as const, "500 €", "500"],
    [{ kind: "number" } as const, "€12,50", "12.5"],
    [{ kind: "number" } as const, "$ 1 000", "1000"],
    [{ kind: "choice", choices: [{ id: "yes", title: "Oui" }] } as Validation, "OUI !", "Oui"],
    [
      { kind: "choice", choices: [{ id: "later", title: "Plus tard, merci" }] } as Validation,
      "plus tard merci.",
      "Plus tard, merci",
    ],
    [{ kind: "date" } as const, "2025-02-03", "2025-02-03"],
    [{ kind: "date" } as const, "3/2/2025", "2025-02-03"],
    [{ kind: "text", minLength: 4, maxLength: 6 } as const, "A1234", "A1234"],
  ])("accepts %o: %s → %s", (validation, answer, stored) => {
    const results = talk(inputFlow({ validation }), [begin, say_(answer)]);
    expect(results[1]?.session.variables.f?.answer).toBe(stored);
  });

  it.each([
    [{ kind: "number", integer: true } as const, "2.5"],
    [{ kind: "number", max: 10 } as const, "11"],
    [{ kind: "email" } as const, "ada@example"],
    [{ kind: "phone" } as const, "call me"],
    [{ kind: "phone" } as const, "123456"],
    [{ kind: "phone" } as const, "+33 6 12"],
    [{ kind: "date" } as const, "31/02/2025"],
    [{ kind: "date" } as const, "tomorrow"],
    [{ kind: "text", minLength: 4 } as const, "abc"],
    [{ kind: "text" } as const, "   "],
  ])("refuses %o: %s", (validation, answer) => {
    const results = talk(inputFlow({ validation }), [begin, say_(answer)]);
    expect(results[1]?.session.variables.f?.answer).toBeUndefined();
    expect(results[1]?.session.waiting).toMatchObject({ attempts: 1 });
  });

  const contactIn = (locale: string) =>
    makeContext({ contact: { fields: { first_name: "Ada", locale }, tags: [] } });

  it.each([
    ["fr_FR", "06 12 34 56 78", "+33612345678"],
    ["fr_FR", "06.12.34.56.78", "+33612345678"],
    ["en_GB", "07400 123456", "+447400123456"],
    ["en_US", "(201) 555-0123", "+12015550123"],
    ["en_US", "+33 6 12 34 56 78", "+33612345678"],
    ["de_DE", "0151 23456789", "+4915123456789"],
  ])(
    "reads a phone number in the plan of the contact's country (%s): %s → %s",
    (locale, answer, stored) => {
      const flow = inputFlow({ validation: { kind: "phone" } });
      const results = talk(flow, [begin, say_(answer)], contactIn(locale));
      expect(results[1]?.session.variables.f?.answer).toBe(stored);
    },
  );

  it.each([
    ["fr_FR", "123456"],
    ["fr_FR", "06 12 34 56"],
    ["en_US", "06 12 34 56 78"],
    // No country known: only a number with its international prefix can be read.
    ["fr", "06 12 34 56 78"],
  ])("refuses a phone number that is not one in %s: %s", (locale, answer) => {
    const flow = inputFlow({ validation: { kind: "phone" } });
    const results = talk(flow, [begin, say_(answer)], contactIn(locale));
    expect(results[1]?.session.variables.f?.answer).toBeUndefined();
    expect(sentTexts(results[1]?.actions ?? [])[0]).toMatch(/phone number/);
  });

  it.each([
    ["en_US", "12/25/2026", "2026-12-25"],
    ["en_US", "1/2/2026", "2026-01-02"],
    ["fr_FR", "25/12/2026", "2026-12-25"],
    ["fr_FR", "1/2/2026", "2026-02-01"],
    ["de_DE", "25.12.2026", "2026-12-25"],
    ["en_US", "2026-12-25", "2026-12-25"],
    ["ja_JP", "2026/12/25", "2026-12-25"],
  ])(
    "reads a date in the order of the contact's locale (%s): %s → %s",
    (locale, answer, stored) => {
      const flow = inputFlow({ validation: { kind: "date" } });
      const results = talk(flow, [begin, say_(answer)], contactIn(locale));
      expect(results[1]?.session.variables.f?.answer).toBe(stored);
    },
  );

  it("refuses a date in the other order, and shows the contact's own in the retry", () => {
    const flow = inputFlow({ validation: { kind: "date" } });
    const us = talk(flow, [begin, say_("25/12/2026")], contactIn("en_US"));
    expect(us[1]?.session.variables.f?.answer).toBeUndefined();
    expect(sentTexts(us[1]?.actions ?? [])).toEqual([
      "Please give a date like 2025-12-31 or 12/31/2025.",
    ]);
    const fr = talk(flow, [begin, say_("12/25/2026")], contactIn("fr_FR"));
    expect(fr[1]?.session.variables.f?.answer).toBeUndefined();
    expect(sentTexts(fr[1]?.actions ?? [])).toEqual([
      "Please give a date like 2025-12-31 or 31/12/2025.",
    ]);
  });

  it("offers choices as quick replies and follows a tapped choice's handle", () => {
    const flow = inputFlow({
      validation: {
        kind: "choice",
        choices: [
          { id: "red", title: "Red", value: "r" },
          { id: "blue", title: "Blue" },
        ],
      },
    });
    const [asked, tapped] = talk(flow, [
      begin,
      { type: "quick_reply", payload: "cv1|f|1|ask|red", text: "Red" },
    ]);
    expect(sends(asked?.actions ?? [])[0]).toEqual({
      kind: "text",
      text: "Your answer?",
      quickReplies: [
        { kind: "text", title: "Red", payload: "cv1|f|1|ask|red" },
        { kind: "text", title: "Blue", payload: "cv1|f|1|ask|blue" },
      ],
    });
    expect(sentTexts(tapped?.actions ?? [])).toEqual(["Red it is"]);
    expect(tapped?.session.variables.f?.answer).toBe("r");
    // A typed title works too; a choice without its own edge goes through next.
    const [, typed] = talk(flow, [begin, say_("BLUE")]);
    expect(sentTexts(typed?.actions ?? [])).toEqual(["Got Blue"]);
  });

  it("offers the contact's own email and accepts Messenger's email quick reply", () => {
    const flow = inputFlow({ validation: { kind: "email" }, offerContactQuickReply: true });
    const [asked, answered] = talk(flow, [
      begin,
      { type: "quick_reply", payload: "ada@example.com", text: "ada@example.com" },
    ]);
    expect(sends(asked?.actions ?? [])[0]?.quickReplies).toEqual([{ kind: "email" }]);
    expect(answered?.session.variables.f?.answer).toBe("ada@example.com");
  });

  it("times out through a timer with its id, and ignores stale timers", () => {
    const flow = inputFlow({ timeoutSeconds: 60 });
    const context = makeContext();
    const [asked] = talk(flow, [begin], context);
    const wait = asked?.actions.find((a) => a.type === "wait_until");
    expect(wait).toEqual({ type: "wait_until", timerId: "t1", at: context.now + 60_000 });
    const [, stale, fired] = talk(flow, [
      begin,
      { type: "timer", timerId: "t0" },
      { type: "timer", timerId: "t1" },
    ]);
    expect(stale?.actions).toEqual([]);
    expect(sentTexts(fired?.actions ?? [])).toEqual(["Too slow"]);
  });

  it("keeps a long answer within the variable limit", () => {
    const [, answered] = talk(inputFlow({}), [begin, say_("x".repeat(10_000))]);
    expect(answered?.session.variables.f?.answer?.length).toBe(2_000);
  });
});
