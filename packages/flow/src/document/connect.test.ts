import { describe, expect, it } from "vitest";
import { NODE_TYPES } from "../nodes";
import { twoButtonFlow } from "../testing";
import { acceptsConnections, connectEdges, isAnnotation, removeElements } from "./connect";

describe("connecting an output", () => {
  it("replaces the connection the output had, and keeps the others", () => {
    const flow = twoButtonFlow();
    const before = flow.edges.find((e) => e.source === "ask" && e.sourceHandle === "track");
    const edges = connectEdges(flow.edges, "ask", "track", "start") ?? [];
    const from = edges.filter((e) => e.source === "ask" && e.sourceHandle === "track");
    expect(from.map((e) => e.target)).toEqual(["start"]);
    expect(edges).toHaveLength(flow.edges.length);
    expect(edges.some((e) => e.id === before?.id)).toBe(false);
    expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length);
  });

  it("writes the default output without a handle, and never connects a step to itself", () => {
    const edges = connectEdges([], "a", "next", "b");
    expect(edges).toEqual([{ id: expect.stringMatching(/^edge-/), source: "a", target: "b" }]);
    expect(connectEdges(edges ?? [], "b", "next", "b")).toBeNull();
  });

  it("lets connections end at steps only, not at triggers or notes", () => {
    expect(NODE_TYPES.filter((t) => !acceptsConnections(t))).toEqual(["trigger", "note"]);
    expect(NODE_TYPES.filter(isAnnotation)).toEqual(["note"]);
  });

  it("removes a step with every connection to and from it, and keeps the flow when nothing goes", () => {
    const flow = twoButtonFlow();
    const without = removeElements(flow, new Set(["ask"]), new Set());
    expect(without.nodes.map((n) => n.id)).not.toContain("ask");
    expect(without.edges.filter((e) => e.source === "ask" || e.target === "ask")).toEqual([]);
    expect(without.edges.length).toBeLessThan(flow.edges.length);
    expect(removeElements(flow, new Set(), new Set())).toBe(flow);
    const edge = flow.edges[0]?.id ?? "";
    expect(removeElements(flow, new Set(), new Set([edge])).edges.map((e) => e.id)).not.toContain(
      edge,
    );
  });
});
