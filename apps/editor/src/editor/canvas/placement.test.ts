import { describe, expect, it } from "vitest";
import { overlaps, type Rect } from "./geometry";
import { type PlacementRequest, pasteOffset, placeStep } from "./placement";

const size = { width: 240, height: 130 };
const base: PlacementRequest = {
  wanted: { x: 0, y: 0 },
  size,
  steps: [],
  covered: [],
  view: { x: -600, y: -400, width: 1600, height: 1000 },
  grid: 16,
  gap: 24,
};
const at = (p: { x: number; y: number }): Rect => ({ ...p, ...size });

describe("placeStep", () => {
  it("puts a step where it was asked for when that place is free", () => {
    expect(placeStep(base)).toEqual({ x: 0, y: 0 });
  });

  it("snaps to the grid", () => {
    expect(placeStep({ ...base, wanted: { x: 7, y: 21 } })).toEqual({ x: 0, y: 16 });
  });

  it("never lands on another step, and stays near where it was asked for", () => {
    const steps = [{ x: -40, y: -30, width: 240, height: 160 }];
    const placed = placeStep({ ...base, steps });
    expect(overlaps(at(placed), steps[0] as Rect, 24)).toBe(false);
    expect(Math.hypot(placed.x, placed.y)).toBeLessThan(240);
  });

  it("finds the gap in a crowded place rather than stacking steps", () => {
    const steps: Rect[] = [];
    for (let x = -1200; x <= 1200; x += 300)
      for (let y = -800; y <= 800; y += 200)
        if (!(x === 300 && y === 200)) steps.push({ x, y, width: 240, height: 130 });
    const placed = placeStep({ ...base, steps, view: null, gap: 8 });
    for (const s of steps) expect(overlaps(at(placed), s, 8)).toBe(false);
    // The hole left at (300, 200), at its corner nearest to where the step was asked for.
    expect(placed).toEqual({ x: 256, y: 144 });
  });

  it("keeps clear of the minimap and the panels", () => {
    const minimap = { x: 700, y: 400, width: 300, height: 200 };
    const placed = placeStep({ ...base, wanted: { x: 760, y: 440 }, covered: [minimap] });
    expect(overlaps(at(placed), minimap, 24)).toBe(false);
    expect(Math.hypot(placed.x - 760, placed.y - 440)).toBeLessThan(400);
  });

  it("stays on screen when asked for at the edge of it", () => {
    const view = { x: 0, y: 0, width: 1000, height: 600 };
    const placed = placeStep({ ...base, view, wanted: { x: 900, y: 550 } });
    expect(placed.x + size.width).toBeLessThanOrEqual(1000 - 24);
    expect(placed.y + size.height).toBeLessThanOrEqual(600 - 24);
  });

  it("goes off screen, still free, when the screen is full", () => {
    const view = { x: 0, y: 0, width: 300, height: 200 };
    const steps = [{ x: 0, y: 0, width: 300, height: 200 }];
    const placed = placeStep({ ...base, view, steps, wanted: { x: 20, y: 20 } });
    expect(overlaps(at(placed), steps[0] as Rect, 24)).toBe(false);
  });
});

describe("pasteOffset", () => {
  const moved = (rects: Rect[], by: { x: number; y: number }) =>
    rects.map((r) => ({ ...r, x: r.x + by.x, y: r.y + by.y }));

  it("moves a copy a little when that place is free", () => {
    const copied = [at({ x: 0, y: 0 })];
    expect(pasteOffset(copied, [], 16, 24)).toEqual({ x: 48, y: 48 });
  });

  it("never lands a copy of two steps on them or on their neighbours", () => {
    const copied = [at({ x: 0, y: 0 }), at({ x: 320, y: 0 })];
    const steps = [...copied, at({ x: 0, y: 200 }), at({ x: 640, y: 0 })];
    const offset = pasteOffset(copied, steps, 16, 24);
    for (const copy of moved(copied, offset))
      for (const step of steps) expect(overlaps(copy, step)).toBe(false);
    // Near where it was asked for, not across the canvas.
    expect(Math.hypot(offset.x, offset.y)).toBeLessThan(600);
  });
});
