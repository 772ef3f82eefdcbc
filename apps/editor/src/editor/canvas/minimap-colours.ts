import type { NodeType } from "@convo/flow";
import { EDITOR_NODES } from "../../nodes";

type Rgb = [number, number, number];

/** Shapes in the minimap need 3:1 against what is behind them (WCAG 1.4.11, non-text contrast). */
export const SHAPE_CONTRAST = 3;

const MASK_RGB: Rgb = [30, 41, 59];
const MASK_ALPHA = 0.16;

/** The minimap's own colours: a white map, the part off screen dimmed, the view outlined in blue. */
export const MINIMAP = {
  background: "#ffffff",
  mask: `rgba(${MASK_RGB.join(", ")}, ${MASK_ALPHA})`,
  viewportStroke: "#0866ff",
  selected: "#0050d0",
} as const;

function rgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function hex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
}

/** A colour seen through the minimap's mask (the part of the flow off screen). */
export function masked(colour: string): string {
  const c = rgb(colour);
  const mix = (mask: number, under: number) => MASK_ALPHA * mask + (1 - MASK_ALPHA) * under;
  return hex([mix(MASK_RGB[0], c[0]), mix(MASK_RGB[1], c[1]), mix(MASK_RGB[2], c[2])]);
}

function luminance(colour: string): number {
  const [r, g, b] = rgb(colour).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG's contrast ratio of two colours, from 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The type's colour, darkened until it reads against the map in view and off screen: light
 * colours (a condition's amber, a note's yellow) keep their hue and gain the contrast.
 */
function readable(colour: string): string {
  let c = rgb(colour);
  for (let step = 0; step < 40; step++) {
    const shown = hex(c);
    if (
      contrast(shown, MINIMAP.background) >= SHAPE_CONTRAST &&
      contrast(masked(shown), masked(MINIMAP.background)) >= SHAPE_CONTRAST
    )
      return shown;
    c = c.map((v) => v * 0.92) as Rgb;
  }
  return hex(c);
}

/** Each step type's colour in the minimap. */
export const MINIMAP_NODE_COLOURS = Object.fromEntries(
  Object.entries(EDITOR_NODES).map(([type, kind]) => [type, readable(kind.colour)]),
) as Record<NodeType, string>;

export function minimapNodeColour(
  type: NodeType | undefined,
  selected: boolean | undefined,
): string {
  if (selected) return MINIMAP.selected;
  return type ? MINIMAP_NODE_COLOURS[type] : MINIMAP_NODE_COLOURS.delay;
}
