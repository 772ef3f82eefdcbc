import { describe, expect, it } from "vitest";
import { NODE_TYPES } from "../nodes";
import { twoButtonFlow } from "../testing";
import { freshId, idAllocator, takenIds } from "./ids";
import { newNode } from "./new-node";

describe("id allocation", () => {
  it("collects node, edge and inner ids (buttons, blocks)", () => {
    const taken = takenIds(twoButtonFlow());
    for (const id of ["start", "ask", "reply", "e2", "track"]) expect(taken.has(id)).toBe(true);
  });

  it("never gives an id twice, even when most short ids are taken", () => {
    const taken = new Set<string>();
    const next = idAllocator(taken);
    const ids = Array.from({ length: 2000 }, () => next("x"));
    expect(new Set(ids).size).toBe(2000);
    expect(taken.size).toBe(2000);
    expect(taken.has(freshId("x", taken))).toBe(false);
  });

  it("makes a new step of every type whose ids are all fresh", () => {
    const flow = twoButtonFlow();
    const taken = takenIds(flow);
    const before = new Set(taken);
    for (const type of NODE_TYPES) {
      const node = newNode(type, { x: 10.4, y: 20.6 }, taken);
      expect(node.type).toBe(type);
      expect(node.position).toEqual({ x: 10, y: 21 });
      for (const id of takenIds({ nodes: [node], edges: [] })) {
        expect(before.has(id), `${type}: ${id}`).toBe(false);
        expect(taken.has(id)).toBe(true);
      }
    }
  });
});
