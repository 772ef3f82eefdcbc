import { describe, expect, it } from "vitest";
import { loadExample } from "../test/examples";
import { messageWaits, nodeOutputs } from "./outputs";
import type { FlowNode } from "./schema";
import { smallFlow } from "./testing";

const ids = (node: FlowNode | undefined) => (node ? nodeOutputs(node).map((o) => o.id) : []);
const byId = (nodes: FlowNode[], id: string) => nodes.find((n) => n.id === id);

describe("nodeOutputs", () => {
  it("gives a message with taps one output per postback button and quick reply, then else", () => {
    const flow = smallFlow();
    const ask = byId(flow.nodes, "ask");
    expect(ask && nodeOutputs(ask)).toEqual([
      { id: "paris", kind: "button", label: "Paris", path: "data.content[0].buttons[0]" },
      { id: "lyon", kind: "quick_reply", label: "Lyon", path: "data.quickReplies[0]" },
      { id: "else", kind: "else", label: "Anything else", path: "" },
    ]);
    if (ask?.type === "message") expect(messageWaits(ask)).toBe(true);
  });

  it("gives a message without taps (links only) a single next", () => {
    const flow = loadExample("lead-capture");
    const thanks = byId(flow.nodes, "thanks");
    expect(ids(thanks)).toEqual(["next"]);
  });

  it("lists condition branches then else, choices then next/invalid/timeout, and variants", () => {
    const tracking = loadExample("order-tracking");
    expect(ids(byId(tracking.nodes, "check"))).toEqual([
      "delivered",
      "shipped",
      "processing",
      "else",
    ]);
    expect(ids(byId(tracking.nodes, "ask-number"))).toEqual(["next", "invalid", "timeout"]);
    expect(ids(byId(tracking.nodes, "lookup"))).toEqual(["next", "error"]);
    const choice: FlowNode = {
      id: "c",
      type: "input",
      position: { x: 0, y: 0 },
      data: {
        question: "Size?",
        variable: "size",
        validation: {
          kind: "choice",
          choices: [
            { id: "s", title: "S" },
            { id: "m", title: "M" },
          ],
        },
      },
    };
    expect(ids(choice)).toEqual(["s", "m", "next", "invalid"]);
    const split: FlowNode = {
      id: "r",
      type: "randomizer",
      position: { x: 0, y: 0 },
      data: {
        variants: [
          { id: "a", weight: 50 },
          { id: "b", weight: 50 },
        ],
      },
    };
    expect(nodeOutputs(split).map((o) => o.label)).toEqual(["Variant A", "Variant B"]);
  });

  it("gives goto and notes no output", () => {
    expect(ids(byId(loadExample("welcome").nodes, "to-support"))).toEqual([]);
    expect(ids(byId(loadExample("welcome").nodes, "note"))).toEqual([]);
  });
});
