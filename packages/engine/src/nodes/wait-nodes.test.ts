import { describe, expect, it } from "vitest";
import { initialSession } from "../session";
import { makeContext, makeFlow, makeNode, sentTexts, talk } from "../testing";
import type { EngineEvent } from "../types";

const say = (id: string, text: string) =>
  makeNode(id, "message", { content: [{ id: "t", kind: "text", text }] });
const keywordStart = makeNode("kw", "trigger", {
  triggers: [{ kind: "keyword", match: "exact", keywords: ["stop"] }],
});

describe("delay", () => {
  const flow = makeFlow(
    "d",
    [
      keywordStart,
      makeNode("wait", "delay", { amount: 2, unit: "hours" }),
      say("after", "Later"),
      say("stopped", "Stopped"),
    ],
    [
      ["wait", "after"],
      ["kw", "stopped"],
    ],
  );
  const begin: EngineEvent = { type: "start", flowId: "d", nodeId: "wait" };

  it("waits until the time and continues on its timer", () => {
    const context = makeContext();
    const [waited, early, fired] = talk(
      flow,
      [begin, { type: "message", text: "hm?" }, { type: "timer", timerId: "t1" }],
      context,
    );
    expect(waited?.actions).toContainEqual({
      type: "wait_until",
      timerId: "t1",
      at: context.now + 7_200_000,
    });
    expect(early?.actions).toEqual([]);
    expect(sentTexts(fired?.actions ?? [])).toEqual(["Later"]);
  });

  it("lets a keyword start something else meanwhile", () => {
    const [, stopped, stale] = talk(flow, [
      begin,
      { type: "message", text: "STOP" },
      { type: "timer", timerId: "t1" },
    ]);
    expect(sentTexts(stopped?.actions ?? [])).toEqual(["Stopped"]);
    expect(stale?.actions).toEqual([]);
  });
});

describe("randomizer", () => {
  const flow = (sticky?: boolean) =>
    makeFlow(
      "r",
      [
        makeNode("split", "randomizer", {
          ...(sticky === undefined ? {} : { sticky }),
          variants: [
            { id: "a", weight: 1 },
            { id: "b", weight: 3 },
            { id: "never", weight: 0 },
          ],
        }),
        say("sa", "A"),
        say("sb", "B"),
        say("sn", "never"),
      ],
      [
        ["split", "a", "sa"],
        ["split", "b", "sb"],
        ["split", "never", "sn"],
      ],
    );
  const begin: EngineEvent = { type: "start", flowId: "r", nodeId: "split" };

  it("draws by weight from the seed, deterministically", () => {
    const counts: Record<string, number> = {};
    for (let seed = 0; seed < 2000; seed++) {
      const [result] = talk(flow(), [begin], makeContext({ seed }));
      const text = sentTexts(result?.actions ?? [])[0] as string;
      counts[text] = (counts[text] ?? 0) + 1;
      expect(talk(flow(), [begin], makeContext({ seed }))[0]).toEqual(result);
    }
    expect(counts.never).toBeUndefined();
    expect((counts.B ?? 0) / 2000).toBeGreaterThan(0.68);
    expect((counts.B ?? 0) / 2000).toBeLessThan(0.82);
  });

  it("keeps a contact's variant unless not sticky", () => {
    const variants = (sticky?: boolean) => {
      const seen = new Set<string>();
      for (let seed = 0; seed < 40; seed++) {
        const results = talk(flow(sticky), [begin, begin, begin], makeContext({ seed }));
        seen.add(results.map((r) => sentTexts(r.actions)[0]).join(","));
      }
      return [...seen];
    };
    expect(variants().every((v) => v === "A,A,A" || v === "B,B,B")).toBe(true);
    expect(variants(false).some((v) => v !== "A,A,A" && v !== "B,B,B")).toBe(true);
  });

  it("moves a contact off a variant the marketer has since turned down to weight 0", () => {
    const paused = makeFlow(
      "r",
      flow().nodes.map((node) =>
        node.type === "randomizer"
          ? makeNode("split", "randomizer", {
              variants: [
                { id: "a", weight: 0 },
                { id: "b", weight: 1 },
              ],
            })
          : node,
      ),
      [
        ["split", "a", "sa"],
        ["split", "b", "sb"],
      ],
    );
    const [first] = talk(flow(), [begin], makeContext({ seed: 3 }), {
      ...initialSession(),
      variants: { "r/split": "a" },
    });
    expect(sentTexts(first?.actions ?? [])).toEqual(["A"]);
    const [after] = talk(paused, [begin], makeContext({ seed: 3 }), first?.session);
    expect(sentTexts(after?.actions ?? [])).toEqual(["B"]);
    expect(after?.session.variants).toEqual({ "r/split": "b" });
  });
});

describe("handover", () => {
  const flow = makeFlow(
    "h",
    [
      makeNode("human", "handover", { message: "A person will answer", resumeAfterHours: 24 }),
      say("back", "I'm back"),
    ],
    [["human", "back"]],
  );

  it("tells the contact, pauses the bot, and continues on resume", () => {
    const context = makeContext();
    const [handed, ignored, resumed] = talk(
      flow,
      [
        { type: "start", flowId: "h", nodeId: "human" },
        { type: "message", text: "hello?" },
        { type: "resume" },
      ],
      context,
    );
    expect(sentTexts(handed?.actions ?? [])).toEqual(["A person will answer"]);
    expect(handed?.actions).toContainEqual({
      type: "handover",
      resumeAt: context.now + 24 * 3_600_000,
    });
    expect(handed?.session.waiting).toEqual({ kind: "handover", flowId: "h", nodeId: "human" });
    expect(ignored?.actions).toEqual([]);
    expect(sentTexts(resumed?.actions ?? [])).toEqual(["I'm back"]);
  });
});
