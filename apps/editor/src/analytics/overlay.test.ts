import { makeFlow, makeNode } from "@convo/flow/testing";
import { describe, expect, it } from "vitest";
import type { FlowStats } from "../api/test-api";
import { computeOverlay, periodRange, sameTokens, shareUnchanged, tokenSummary } from "./overlay";

const flow = makeFlow(
  "f",
  [
    makeNode("start", "trigger", {
      triggers: [{ kind: "keyword", match: "contains", keywords: ["hi"] }],
    }),
    makeNode("ask", "message", {
      content: [
        {
          id: "q",
          kind: "text",
          text: "Which one?",
          buttons: [
            { id: "a", kind: "postback", title: "A" },
            { id: "b", kind: "postback", title: "B" },
          ],
        },
      ],
    }),
    makeNode("end", "message", { content: [{ id: "t", kind: "text", text: "Bye" }] }),
    makeNode("n", "note", { text: "a note" }),
  ],
  [
    ["start", "ask"],
    ["ask", "a", "end"],
  ],
);

const stats = (nodes: Record<string, number>, handles: FlowStats["handles"]): FlowStats => ({
  flowId: "f",
  from: "",
  to: "",
  nodes: Object.fromEntries(Object.entries(nodes).map(([k, v]) => [k, { entered: v }])),
  handles,
  tokens: {},
  tokensByDay: [],
});

describe("computeOverlay", () => {
  it("counts entries, taps per button and the drop-off between steps", () => {
    const overlay = computeOverlay(
      flow,
      stats(
        { start: 10, ask: 10, end: 6 },
        { start: { next: 10 }, ask: { a: 6, b: 1 }, end: { next: 6 } },
      ),
    );
    expect(overlay.get("start")).toMatchObject({ entered: 10, dropOff: 0 });
    const ask = overlay.get("ask");
    expect(ask?.entered).toBe(10);
    expect(ask?.handles.a).toEqual({ count: 6, share: 0.6 });
    expect(ask?.handles.b).toEqual({ count: 1, share: 0.1 });
    // 10 saw the question, 7 tapped: 3 went no further.
    expect(ask?.dropOff).toBe(3);
    expect(ask?.dropRate).toBeCloseTo(0.3);
    expect(overlay.has("n")).toBe(false);
  });

  it("shows zeros for steps nobody reached, with no division by zero", () => {
    const overlay = computeOverlay(flow, stats({}, {}));
    expect(overlay.get("ask")).toEqual({
      entered: 0,
      dropOff: 0,
      dropRate: 0,
      handles: {
        a: { count: 0, share: 0 },
        b: { count: 0, share: 0 },
        // Typing instead of tapping is an output too.
        else: { count: 0, share: 0 },
      },
    });
  });

  it("counts an AI answer step's Answered, Unsure and Error, and an intent step's intents", () => {
    const ai = makeFlow(
      "f",
      [
        makeNode("route", "intent", {
          intents: [{ id: "orders", name: "Orders", examples: ["Where is my order?"] }],
        }),
        makeNode("answer", "ai_answer", {
          entries: [{ id: "h", question: "When are you open?", answer: "9 to 7." }],
        }),
      ],
      [["route", "else", "answer"]],
    );
    const overlay = computeOverlay(
      ai,
      stats(
        { route: 10, answer: 8 },
        { route: { orders: 2, else: 8 }, answer: { answered: 5, unsure: 2 } },
      ),
    );
    expect(overlay.get("route")?.handles).toEqual({
      orders: { count: 2, share: 0.2 },
      else: { count: 8, share: 0.8 },
    });
    const answer = overlay.get("answer");
    expect(answer?.handles).toEqual({
      answered: { count: 5, share: 5 / 8 },
      unsure: { count: 2, share: 2 / 8 },
      // Nobody's question failed: the output is shown, at 0.
      error: { count: 0, share: 0 },
    });
    // Still waiting for the model, or gone: one of the 8 left by no output.
    expect(answer?.dropOff).toBe(1);
  });

  it("keeps the objects of steps whose counts did not change", () => {
    const first = computeOverlay(flow, stats({ start: 1, ask: 1 }, { start: { next: 1 } }));
    const second = shareUnchanged(
      first,
      computeOverlay(flow, stats({ start: 1, ask: 2 }, { start: { next: 1 } })),
    );
    expect(second.get("start")).toBe(first.get("start"));
    expect(second.get("ask")).not.toBe(first.get("ask"));
  });
});

describe("periodRange", () => {
  it("ends now and goes back 7 or 30 days, or to midnight", () => {
    const now = Date.UTC(2026, 0, 10, 15);
    expect(periodRange("7d", now)).toEqual({ from: now - 7 * 86_400_000, to: now });
    expect(periodRange("30d", now).from).toBe(now - 30 * 86_400_000);
    const today = periodRange("today", now);
    expect(today.to).toBe(now);
    expect(new Date(today.from).getHours()).toBe(0);
    expect(now - today.from).toBeLessThan(86_400_000);
  });
});

describe("tokenSummary", () => {
  const withTokens = (tokensByDay: FlowStats["tokensByDay"]): FlowStats => ({
    ...stats({}, {}),
    tokensByDay,
  });

  it("sums the flow's tokens over the period and picks today's UTC day", () => {
    const now = Date.UTC(2026, 0, 10, 23, 30);
    const days = [
      { day: "2026-01-03", tokens: 500 },
      { day: "2026-01-10", tokens: 120 },
    ];
    expect(tokenSummary(withTokens(days), now)).toEqual({ today: 120, period: 620, byDay: days });
    // None today: 0 today, the period's still shown.
    expect(tokenSummary(withTokens(days.slice(0, 1)), now)).toMatchObject({
      today: 0,
      period: 500,
    });
  });

  it("is nothing when the flow spent no tokens, and the same when nothing changed", () => {
    expect(tokenSummary(withTokens([]), Date.now())).toBeUndefined();
    const a = tokenSummary(withTokens([{ day: "2026-01-10", tokens: 1 }]), Date.now());
    const b = tokenSummary(withTokens([{ day: "2026-01-10", tokens: 1 }]), Date.now());
    const c = tokenSummary(withTokens([{ day: "2026-01-10", tokens: 2 }]), Date.now());
    expect(sameTokens(a, b)).toBe(true);
    expect(sameTokens(a, c)).toBe(false);
    expect(sameTokens(undefined, a)).toBe(false);
  });
});
