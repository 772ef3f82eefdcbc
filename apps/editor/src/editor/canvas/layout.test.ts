import { type Flow, nodeOutputs } from "@convo/flow";
import { loadExample } from "@convo/flow/testing/examples";
import { describe, expect, it } from "vitest";
import { countCrossings } from "./crossings";
import { layoutFlow } from "./layout";

/**
 * Crossings after "Tidy up" before it kept the order of a step's outputs (dagre alone, sizes as
 * the canvas draws them), measured on the examples when this test was written.
 */
const BEFORE = {
  welcome: 10,
  "order-tracking": 8,
  "lead-capture": 2,
  support: 16,
} as const;

const tidy = (flow: Flow) => layoutFlow(flow, new Map());

describe("Tidy up", () => {
  for (const [id, before] of Object.entries(BEFORE)) {
    it(`crosses fewer connections on ${id} than the ${before} it used to`, () => {
      const after = countCrossings(tidy(loadExample(id)));
      expect(after).toBeLessThan(before);
    });
  }

  it("leaves no crossing on lead capture and the trip updates", () => {
    expect(countCrossings(tidy(loadExample("lead-capture")))).toBe(0);
    expect(countCrossings(tidy(loadExample("trip-updates")))).toBe(0);
  });

  it("stacks a step's next steps in the order of its outputs, top to bottom", () => {
    const flow = tidy(loadExample("order-tracking"));
    const check = flow.nodes.find((n) => n.id === "check");
    if (!check) throw new Error("no check step");
    const targets = nodeOutputs(check).map((output) => {
      const edge = flow.edges.find((e) => e.source === "check" && e.sourceHandle === output.id);
      return flow.nodes.find((n) => n.id === edge?.target)?.position.y ?? Number.NaN;
    });
    expect(targets).toEqual([...targets].sort((a, b) => a - b));
    expect(new Set(targets).size).toBe(targets.length);
  });

  it("keeps notes where they are", () => {
    const flow = loadExample("welcome");
    const note = flow.nodes.find((n) => n.type === "note");
    expect(tidy(flow).nodes.find((n) => n.id === note?.id)?.position).toEqual(note?.position);
  });
});

describe("countCrossings", () => {
  it("counts two connections drawn across each other once, and none when they part", () => {
    const flow = loadExample("order-tracking");
    const crossed = {
      ...flow,
      nodes: flow.nodes.map((n) =>
        n.id === "say-delivered"
          ? { ...n, position: { x: 1220, y: 240 } }
          : n.id === "say-unknown"
            ? { ...n, position: { x: 1220, y: -240 } }
            : n,
      ),
    };
    const pick = (f: Flow) => ({
      ...f,
      edges: f.edges.filter(
        (e) =>
          e.source === "check" && (e.sourceHandle === "delivered" || e.sourceHandle === "else"),
      ),
    });
    expect(countCrossings(pick(flow))).toBe(0);
    expect(countCrossings(pick(crossed))).toBe(1);
  });
});
