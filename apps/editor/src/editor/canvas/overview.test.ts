import type { FlowNode } from "@convo/flow";
import { describe, expect, it } from "vitest";
import { buildScene, NOTE_FILLS, OVERVIEW_STYLE, outlineColour, stepAt } from "./overview";

const message = (id: string, x: number, y: number): FlowNode =>
  ({
    id,
    type: "message",
    position: { x, y },
    data: { content: [{ id: "t1", kind: "text", text: "Hi" }] },
  }) as FlowNode;

describe("the overview's scene", () => {
  const nodes: FlowNode[] = [
    message("a", 0, 0),
    message("b", 400, 0),
    {
      id: "n",
      type: "note",
      position: { x: 100, y: 50 },
      data: { text: "", color: "pink", width: 200, height: 80 },
    },
  ];
  const edges = [
    { id: "e1", source: "a", target: "b" },
    { id: "e2", source: "a", target: "gone" },
  ];
  const scene = buildScene(
    nodes,
    edges,
    new Map([["b", { width: 240, height: 300 }]]),
    (n) => `T ${n.id}`,
  );

  it("places each step with its measured size, or its estimate before it is measured", () => {
    expect([...scene.boxes.subarray(4, 8)]).toEqual([400, 0, 240, 300]);
    expect(scene.boxes[2]).toBe(240);
    expect(scene.titles).toEqual(["T a", "T b", ""]);
    expect(scene.fills).toEqual([
      OVERVIEW_STYLE.background,
      OVERVIEW_STYLE.background,
      NOTE_FILLS.pink,
    ]);
  });

  it("keeps the connections whose two steps exist", () => {
    expect([...scene.links]).toEqual([0, 1]);
  });

  it("finds the step under a point, the last drawn on top", () => {
    expect(stepAt(scene, { x: 10, y: 10 })).toBe("a");
    expect(stepAt(scene, { x: 150, y: 60 })).toBe("n");
    expect(stepAt(scene, { x: 500, y: 250 })).toBe("b");
    expect(stepAt(scene, { x: 300, y: 250 })).toBeNull();
  });

  it("outlines selection first, then the simulator, a compared change, a problem", () => {
    const marks = {
      selected: new Set(["a"]),
      marks: new Map([
        ["a", "error" as const],
        ["b", "warning" as const],
      ]),
      changes: new Map([["c", "added" as const]]),
      active: "d",
    };
    expect(outlineColour("a", marks)).toBe(OVERVIEW_STYLE.selected);
    expect(outlineColour("b", marks)).toBe(OVERVIEW_STYLE.warning);
    expect(outlineColour("c", marks)).toBe(OVERVIEW_STYLE.added);
    expect(outlineColour("d", marks)).toBe(OVERVIEW_STYLE.active);
    expect(outlineColour("e", marks)).toBeNull();
  });
});
