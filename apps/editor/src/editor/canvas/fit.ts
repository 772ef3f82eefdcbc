import type { Rect, Size } from "./geometry";

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * The padding, in pixels, that makes "Fit" show every step clear of what covers the canvas. Each
 * cover (the minimap in a corner, a panel along one side) is kept out from the side of the pane
 * it is nearest to, horizontally or vertically; of those choices, the one that leaves the steps
 * the largest zoom wins.
 *
 * @example
 * // A 200 × 150 minimap in the bottom-right corner of a wide flow: room is kept below it.
 * fitPadding({ width: 1000, height: 700 }, [{ x: 785, y: 535, width: 200, height: 150 }],
 *   { width: 3000, height: 600 }, 24) // → { top: 24, right: 24, bottom: 189, left: 24 }
 */
export function fitPadding(
  pane: Size,
  covers: readonly Rect[],
  content: Size,
  margin: number,
): Padding {
  const choices = covers.flatMap((cover) => {
    const clipped = clip(cover, pane);
    return clipped ? [sidesOf(clipped, pane)] : [];
  });
  let best: { padding: Padding; zoom: number } | null = null;
  for (let pick = 0; pick < 2 ** choices.length; pick++) {
    const padding = { top: 0, right: 0, bottom: 0, left: 0 };
    choices.forEach((sides, i) => {
      const side = sides[(pick >> i) & 1] as Reserve;
      padding[side.side] = Math.max(padding[side.side], side.depth);
    });
    for (const side of ["top", "right", "bottom", "left"] as const) padding[side] += margin;
    const zoom = Math.min(
      (pane.width - padding.left - padding.right) / Math.max(content.width, 1),
      (pane.height - padding.top - padding.bottom) / Math.max(content.height, 1),
    );
    if (best === null || zoom > best.zoom) best = { padding, zoom };
  }
  return best?.padding ?? { top: margin, right: margin, bottom: margin, left: margin };
}

interface Reserve {
  side: keyof Padding;
  depth: number;
}

/** The part of a cover over the pane, relative to the pane's top left. */
function clip(cover: Rect, pane: Size): Rect | null {
  const x = Math.max(cover.x, 0);
  const y = Math.max(cover.y, 0);
  const right = Math.min(cover.x + cover.width, pane.width);
  const bottom = Math.min(cover.y + cover.height, pane.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/** The two ways to keep clear of a cover: from its nearer side across, and from its nearer end. */
function sidesOf(cover: Rect, pane: Size): [Reserve, Reserve] {
  const fromLeft = cover.x + cover.width;
  const fromRight = pane.width - cover.x;
  const fromTop = cover.y + cover.height;
  const fromBottom = pane.height - cover.y;
  return [
    fromLeft <= fromRight ? { side: "left", depth: fromLeft } : { side: "right", depth: fromRight },
    fromTop <= fromBottom ? { side: "top", depth: fromTop } : { side: "bottom", depth: fromBottom },
  ];
}
