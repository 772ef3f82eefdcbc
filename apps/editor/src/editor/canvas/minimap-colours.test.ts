import { describe, expect, it } from "vitest";
import { EDITOR_NODES } from "../../nodes";
import { contrast, MINIMAP, MINIMAP_NODE_COLOURS, masked, SHAPE_CONTRAST } from "./minimap-colours";

describe("the minimap's colours", () => {
  it("computes WCAG's contrast ratio", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21);
    expect(contrast("#767676", "#ffffff")).toBeCloseTo(4.54, 1);
  });

  const colours = { ...MINIMAP_NODE_COLOURS, selected: MINIMAP.selected };
  for (const [name, colour] of Object.entries(colours)) {
    it(`draws ${name} at 3:1 or more against the map, in view and off screen`, () => {
      expect(contrast(colour, MINIMAP.background)).toBeGreaterThanOrEqual(SHAPE_CONTRAST);
      expect(contrast(masked(colour), masked(MINIMAP.background))).toBeGreaterThanOrEqual(
        SHAPE_CONTRAST,
      );
    });
  }

  it("gives every step type a colour (React Flow's default grey was 1.3:1)", () => {
    expect(Object.keys(MINIMAP_NODE_COLOURS).sort()).toEqual(Object.keys(EDITOR_NODES).sort());
    expect(contrast("#e2e2e2", "#ffffff")).toBeLessThan(SHAPE_CONTRAST);
  });

  it("outlines the part in view so it stands out from the dimmed rest", () => {
    expect(contrast(MINIMAP.viewportStroke, masked(MINIMAP.background))).toBeGreaterThanOrEqual(
      SHAPE_CONTRAST,
    );
  });
});
