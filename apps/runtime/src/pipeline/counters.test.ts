import { describe, expect, it } from "vitest";
import { dayOf, flowStats, foldCounters } from "./counters";

const T = Date.UTC(2024, 4, 1, 23, 59);

describe("counters", () => {
  it("fold a step's hits into one increment per node and handle, a node passed twice counting twice", () => {
    const hit = { flowId: "f", version: 1, nodeId: "n", handle: null };
    const bumps = foldCounters(
      [hit, { ...hit, handle: "yes" }, hit, { ...hit, version: 2 }, { ...hit, handle: "yes" }],
      T,
    );
    const day = dayOf(T);
    expect(bumps).toEqual([
      { flowId: "f", version: 1, nodeId: "n", handle: null, day, count: 2 },
      { flowId: "f", version: 1, nodeId: "n", handle: "yes", day, count: 2 },
      { flowId: "f", version: 2, nodeId: "n", handle: null, day, count: 1 },
    ]);
    expect(foldCounters([], T)).toEqual([]);
  });

  it("count by UTC day", () => {
    expect(dayOf(T) + 1).toBe(dayOf(T + 60_000));
    expect(dayOf(0)).toBe(0);
  });

  it("show entries per node, outputs taken per node, and the model tokens apart", () => {
    expect(
      flowStats([
        { nodeId: "a", handle: null, count: 5 },
        { nodeId: "a", handle: "$tokens", count: 420 },
        { nodeId: "a", handle: "yes", count: 3 },
        { nodeId: "a", handle: "no", count: 2 },
        { nodeId: "b", handle: null, count: 3 },
      ]),
    ).toEqual({
      nodes: { a: { entered: 5 }, b: { entered: 3 } },
      handles: { a: { yes: 3, no: 2 } },
      tokens: { a: 420 },
    });
  });
});
