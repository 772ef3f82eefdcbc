import { describe, expect, it } from "vitest";
import { exampleIds, loadExample } from "../../test/examples";
import type { Flow, FlowChannel } from "../schema";
import type { Trigger } from "../types";
import { clashesWith, lintClashes } from "./clashes";

/** A flow whose one start step has these triggers. */
function flowWith(id: string, triggers: Trigger[], channels?: FlowChannel[]): Flow {
  return {
    schemaVersion: 2,
    languages: ["en"],
    id,
    name: `Flow ${id}`,
    ...(channels ? { channels } : {}),
    variables: [],
    nodes: [{ id: "start", type: "trigger", position: { x: 0, y: 0 }, data: { triggers } }],
    edges: [],
  };
}
const keywords = (...words: string[]): Trigger => ({
  kind: "keyword",
  match: "contains",
  keywords: words,
});

describe("clashes between flows", () => {
  it("a keyword in two flows, after case and accent folding, is an error on each naming the other", () => {
    const mine = flowWith("mine", [keywords("Côlis", "suivi")]);
    const seeded = flowWith("seeded", [keywords("order", "colis")]);
    const problems = lintClashes([mine, seeded]);
    expect(problems).toHaveLength(2);
    const onMine = problems.find((p) => p.flowId === "mine");
    expect(onMine).toMatchObject({
      code: "clash-keyword",
      severity: "error",
      otherFlowId: "seeded",
      path: "nodes[0].data.triggers[0].keywords[0]",
      nodeId: "start",
      params: { key: "Côlis", other: "Flow seeded", otherId: "seeded" },
    });
    expect(onMine?.message).toContain('"Flow seeded" (seeded)');
    expect(problems.find((p) => p.flowId === "seeded")?.message).toContain('"Flow mine" (mine)');
  });

  it("flows with different keywords do not clash", () => {
    expect(
      lintClashes([flowWith("a", [keywords("colis")]), flowWith("b", [keywords("coli")])]),
    ).toEqual([]);
  });

  it("the same link ref, payload, Get Started or event name clashes", () => {
    const cases: [Trigger, Trigger, string][] = [
      [{ kind: "ref", ref: "summer" }, { kind: "ref", ref: "summer" }, "clash-ref"],
      [
        { kind: "ref", ref: "order-", externalId: true },
        { kind: "ref", ref: "order-", externalId: true },
        "clash-ref",
      ],
      [
        { kind: "postback", payload: "MENU" },
        { kind: "postback", payload: "MENU" },
        "clash-payload",
      ],
      [{ kind: "get_started" }, { kind: "postback", payload: "GET_STARTED" }, "clash-get-started"],
      [
        { kind: "event", event: "order.shipped", fields: [] },
        { kind: "event", event: "order.shipped", fields: [] },
        "clash-event",
      ],
    ];
    for (const [a, b, code] of cases) {
      const problems = lintClashes([flowWith("a", [a]), flowWith("b", [b])]);
      expect(problems.map((p) => p.code)).toContain(code);
      expect(problems.map((p) => p.flowId).sort()).toEqual(["a", "b"]);
    }
    // An exact ref and a prefix of the same text answer different links.
    expect(
      lintClashes([
        flowWith("a", [{ kind: "ref", ref: "order-" }]),
        flowWith("b", [{ kind: "ref", ref: "order-", externalId: true }]),
      ]),
    ).toEqual([]);
  });

  it("the default reply belongs to one flow only", () => {
    const problems = lintClashes([
      flowWith("welcome", [{ kind: "default" }]),
      flowWith("mine", [{ kind: "default" }]),
    ]);
    expect(problems.find((p) => p.flowId === "mine")).toMatchObject({
      code: "clash-default",
      otherFlowId: "welcome",
    });
    expect(problems.find((p) => p.flowId === "mine")?.message).toContain("default reply already");
  });

  it("clashes only on a channel both flows are published to, and says which", () => {
    const wa = flowWith("wa", [keywords("colis")], ["whatsapp"]);
    const fb = flowWith("fb", [keywords("colis")], ["messenger"]);
    expect(lintClashes([wa, fb])).toEqual([]);
    const all = flowWith("all", [keywords("colis")]);
    const [problem] = clashesWith(wa, [all]);
    expect(problem?.params?.channels).toBe("WhatsApp");
    expect(problem?.message).toMatch(/^WhatsApp: /);
  });

  it("a flow does not clash with its own published version", () => {
    const draft = flowWith("a", [keywords("colis")]);
    expect(clashesWith(draft, [flowWith("a", [keywords("colis")])])).toEqual([]);
  });

  it("three flows with one keyword: each names both others", () => {
    const flows = ["a", "b", "c"].map((id) => flowWith(id, [keywords("promo")]));
    const onA = clashesWith(flows[0] as Flow, flows.slice(1));
    expect(onA.map((p) => p.otherFlowId).sort()).toEqual(["b", "c"]);
  });

  it("an intent trigger in two flows, by its name or a shared example, is an error on each", () => {
    const intent = (name: string, ...examples: string[]): Trigger => ({
      kind: "intent",
      name,
      examples,
    });
    const hours = flowWith("hours", [intent("Opening hours", "When are you open?")]);
    const shop = flowWith("shop", [intent("opening HOURS", "Vous ouvrez quand ?")]);
    const byName = clashesWith(hours, [shop]);
    expect(byName).toEqual([
      expect.objectContaining({
        code: "clash-intent",
        path: "nodes[0].data.triggers[0].name",
        otherFlowId: "shop",
      }),
    ]);
    const returns = flowWith("returns", [intent("Returns", "when are you open?")]);
    expect(clashesWith(returns, [hours])).toEqual([
      expect.objectContaining({
        code: "clash-intent-example",
        path: "nodes[0].data.triggers[0].examples[0]",
        otherFlowId: "hours",
      }),
    ]);
    const orders = flowWith("orders", [intent("Orders", "Where is my parcel?")]);
    expect(clashesWith(orders, [hours])).toEqual([]);
  });

  it("the examples, all published together, do not clash", () => {
    const flows = exampleIds().map(loadExample);
    expect(lintClashes(flows)).toEqual([]);
  });
});
