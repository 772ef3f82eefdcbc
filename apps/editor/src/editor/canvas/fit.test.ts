import { describe, expect, it } from "vitest";
import { fitPadding } from "./fit";

const pane = { width: 1000, height: 700 };
const minimap = { x: 785, y: 535, width: 200, height: 150 };

describe("fitPadding", () => {
  it("keeps room below the minimap for a wide flow", () => {
    expect(fitPadding(pane, [minimap], { width: 3000, height: 600 }, 24)).toEqual({
      top: 24,
      right: 24,
      bottom: 189,
      left: 24,
    });
  });

  it("keeps room beside the minimap for a tall flow", () => {
    expect(fitPadding(pane, [minimap], { width: 400, height: 3000 }, 24)).toEqual({
      top: 24,
      right: 239,
      bottom: 24,
      left: 24,
    });
  });

  it("keeps a panel that covers the right of the canvas out of the picture", () => {
    const panel = { x: 640, y: -40, width: 640, height: 900 };
    const padding = fitPadding(pane, [minimap, panel], { width: 3000, height: 600 }, 24);
    expect(padding.right).toBe(360 + 24);
  });

  it("ignores what lies outside the canvas, and leaves the margin alone otherwise", () => {
    const outside = { x: 1200, y: 0, width: 300, height: 700 };
    expect(fitPadding(pane, [outside], { width: 100, height: 100 }, 16)).toEqual({
      top: 16,
      right: 16,
      bottom: 16,
      left: 16,
    });
  });
});
