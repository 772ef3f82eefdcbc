import { diffFlows } from "@convo/flow";
import { twoButtonFlow } from "@convo/flow/testing";
import { describe, expect, it } from "vitest";
import { compareDocument } from "./compare";

describe("the canvas while comparing a version", () => {
  it("shows the draft with the removed steps back where they were, each marked", () => {
    const version = twoButtonFlow();
    const draft = twoButtonFlow();
    draft.nodes = draft.nodes.filter((n) => n.id !== "reply");
    draft.edges = draft.edges.filter((e) => e.target !== "reply");
    draft.nodes.push({
      id: "wait",
      type: "delay",
      position: { x: 0, y: 300 },
      data: { amount: 1, unit: "hours" },
    });
    const { flow, steps } = compareDocument(version, draft, diffFlows(version, draft));
    expect(flow.nodes.map((n) => n.id)).toEqual(["reply", "start", "ask", "wait"]);
    expect(flow.nodes.find((n) => n.id === "reply")?.position).toEqual({ x: 600, y: 0 });
    expect([...steps]).toEqual([
      ["wait", "added"],
      ["reply", "removed"],
    ]);
    // The removed step's connection comes back, under an id the draft cannot hold.
    const back = flow.edges.filter((e) => e.target === "reply");
    expect(back).toHaveLength(1);
    expect(new Set(flow.edges.map((e) => e.id)).size).toBe(flow.edges.length);
  });
});
