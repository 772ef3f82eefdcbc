import { describe, expect, it } from "vitest";
import { makeFlow, makeNode } from "../testing";
import type { FlowRef } from "../types";
import { matchTrigger } from "./match-trigger";

const trigger = (id: string, triggers: Parameters<typeof makeNode<"trigger">>[2]["triggers"]) =>
  makeNode(id, "trigger", { triggers });

const orders = makeFlow("orders", [
  trigger("start", [
    { kind: "keyword", match: "contains", keywords: ["order", "colis"] },
    { kind: "ref", ref: "track" },
    { kind: "postback", payload: "TRACK_ORDER" },
  ]),
]);
const hello = makeFlow("hello", [
  trigger("start", [{ kind: "get_started" }, { kind: "default" }]),
  trigger("exact", [{ kind: "keyword", match: "exact", keywords: ["Hi"] }]),
  trigger("menu", [{ kind: "keyword", match: "starts_with", keywords: ["menu"] }]),
]);
const flows: FlowRef[] = [
  { flow: orders, version: 3 },
  { flow: hello, version: 7 },
];

const text = (t: string) => ({ type: "message" as const, text: t });

describe("matchTrigger", () => {
  it("skips a paused flow: its keywords, refs and payloads start nothing, the default answers", () => {
    const paused: FlowRef[] = [
      { flow: orders, version: 3, paused: true },
      { flow: hello, version: 7 },
    ];
    expect(matchTrigger(paused, text("colis"))).toMatchObject({
      flowId: "hello",
      trigger: "default",
    });
    expect(matchTrigger(paused, { type: "referral", ref: "track" })?.flowId).toBe("hello");
    expect(matchTrigger(paused, { type: "postback", payload: "TRACK_ORDER" })?.flowId).toBe(
      "hello",
    );
  });

  it("matches keywords whatever the case and accents", () => {
    for (const t of ["COLIS", "colis", "côlis", "Où est mon côlis ?"]) {
      expect(matchTrigger(flows, text(t))).toMatchObject({
        flowId: "orders",
        nodeId: "start",
        version: 3,
      });
    }
  });

  it("needs whole words for contains", () => {
    expect(matchTrigger(flows, text("my order?"))?.flowId).toBe("orders");
    expect(matchTrigger(flows, text("the border is closed"))?.trigger).toBe("default");
  });

  it("matches exact and starts_with rules", () => {
    expect(matchTrigger(flows, text("hi!"))).toMatchObject({ nodeId: "exact", trigger: "keyword" });
    expect(matchTrigger(flows, text("hi there"))?.trigger).toBe("default");
    expect(matchTrigger(flows, text("Menu please"))?.nodeId).toBe("menu");
    expect(matchTrigger(flows, text("the menu"))?.trigger).toBe("default");
  });

  it("matches the exact postback payload and Get Started", () => {
    expect(matchTrigger(flows, { type: "postback", payload: "TRACK_ORDER" })).toMatchObject({
      flowId: "orders",
      trigger: "postback",
    });
    expect(matchTrigger(flows, { type: "postback", payload: "GET_STARTED" })).toMatchObject({
      flowId: "hello",
      nodeId: "start",
      trigger: "get_started",
    });
    expect(matchTrigger(flows, { type: "postback", payload: "track_order" })?.trigger).toBe(
      "default",
    );
  });

  it("matches refs from referrals and from postbacks that carry one", () => {
    expect(matchTrigger(flows, { type: "referral", ref: "track" })?.trigger).toBe("ref");
    expect(matchTrigger(flows, { type: "postback", payload: "X", ref: "track" })?.flowId).toBe(
      "orders",
    );
  });

  it("starts Get Started from a link: the link's flow when its ref matches, else Get Started", () => {
    const getStarted = { type: "postback" as const, payload: "GET_STARTED", title: "Get Started" };
    expect(matchTrigger(flows, { ...getStarted, ref: "track" })).toMatchObject({
      flowId: "orders",
      trigger: "ref",
    });
    expect(matchTrigger(flows, { ...getStarted, ref: "unknown_campaign" })).toMatchObject({
      flowId: "hello",
      trigger: "get_started",
    });
  });

  it("prefers a payload over a ref over a keyword", () => {
    const both = makeFlow("both", [
      trigger("kw", [{ kind: "keyword", match: "contains", keywords: ["TRACK_ORDER"] }]),
    ]);
    const event = { type: "postback" as const, payload: "TRACK_ORDER" };
    expect(matchTrigger([{ flow: both, version: 1 }, ...flows], event)?.flowId).toBe("orders");
  });

  it("falls back to the default reply, unless told not to", () => {
    expect(matchTrigger(flows, text("blah"))).toMatchObject({
      flowId: "hello",
      trigger: "default",
    });
    expect(matchTrigger(flows, text("blah"), { withDefault: false })).toBeUndefined();
    expect(matchTrigger([{ flow: orders, version: 1 }], text("blah"))).toBeUndefined();
  });

  it("ignores events that are not the contact's", () => {
    expect(matchTrigger(flows, { type: "timer", timerId: "t1" })).toBeUndefined();
    expect(matchTrigger(flows, { type: "resume" })).toBeUndefined();
  });
});
