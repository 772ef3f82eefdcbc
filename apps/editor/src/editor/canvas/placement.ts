import { overlaps, type Point, type Rect, type Size } from "./geometry";

export interface PlacementRequest {
  /** Where the step was asked for: its top left, in flow coordinates. */
  wanted: Point;
  size: Size;
  /** The steps already on the canvas. */
  steps: readonly Rect[];
  /** What covers the canvas (the minimap, the controls, an open panel), in flow coordinates. */
  covered: readonly Rect[];
  /** The part of the canvas on screen; the step stays inside it when it fits. */
  view: Rect | null;
  /** Positions are multiples of this (the canvas's snap grid). */
  grid: number;
  /** Free space kept around the new step. */
  gap: number;
}

/** How far to look, in grid cells, before giving up on free space. */
const MAX_RING = 80;

/**
 * The free place nearest to where a step was asked for: not on another step, not under the
 * minimap or a panel, and on screen when there is room there. Looked for ring by ring around the
 * wanted point on the grid; when no ring on screen is free, the nearest free place anywhere.
 *
 * @example
 * placeStep({ wanted: { x: 0, y: 0 }, size, steps: [{ x: 0, y: 0, width: 240, height: 120 }],
 *   covered: [], view: null, grid: 16, gap: 24 }) // → a point beside that step
 */
export function placeStep(request: PlacementRequest): Point {
  const near = nearby(request);
  return (
    nearestFree(request, near, true) ??
    nearestFree(request, near, false) ??
    snap(request.wanted, request.grid)
  );
}

/** The steps close enough to matter (a large flow's far steps are not looked at again). */
function nearby({ wanted, size, steps, covered, grid, gap }: PlacementRequest): Rect[] {
  const reach = MAX_RING * grid + gap;
  const area = {
    x: wanted.x - reach,
    y: wanted.y - reach,
    width: size.width + 2 * reach,
    height: size.height + 2 * reach,
  };
  return [...steps, ...covered].filter((r) => overlaps(r, area));
}

function snap(p: Point, grid: number): Point {
  return { x: Math.round(p.x / grid) * grid, y: Math.round(p.y / grid) * grid };
}

function nearestFree(
  request: PlacementRequest,
  taken: readonly Rect[],
  onScreen: boolean,
): Point | null {
  const { wanted, size, grid, gap, view } = request;
  if (onScreen && view === null) return null;
  const origin = snap(wanted, grid);
  const isFree = (p: Point) => {
    const rect = { ...p, ...size };
    if (onScreen && view && !inside(rect, view, gap)) return false;
    return !taken.some((t) => overlaps(rect, t, gap));
  };
  let best: { point: Point; distance: number } | null = null;
  for (let ring = 0; ring <= MAX_RING; ring++) {
    // Once a free place is found, a further ring can still hold a nearer one (a ring is a square,
    // its corners farther than its sides); past the found distance, none can.
    if (best && ring * grid > best.distance) break;
    for (const p of ringPoints(origin, ring, grid)) {
      const distance = Math.hypot(p.x - wanted.x, p.y - wanted.y);
      if (best && distance >= best.distance) continue;
      if (isFree(p)) best = { point: p, distance };
    }
  }
  return best?.point ?? null;
}

function inside(rect: Rect, view: Rect, margin: number): boolean {
  return (
    rect.x >= view.x + margin &&
    rect.y >= view.y + margin &&
    rect.x + rect.width <= view.x + view.width - margin &&
    rect.y + rect.height <= view.y + view.height - margin
  );
}

function* ringPoints(origin: Point, ring: number, grid: number): Generator<Point> {
  if (ring === 0) {
    yield origin;
    return;
  }
  for (let i = -ring; i <= ring; i++) {
    yield { x: origin.x + i * grid, y: origin.y - ring * grid };
    yield { x: origin.x + i * grid, y: origin.y + ring * grid };
  }
  for (let i = -ring + 1; i <= ring - 1; i++) {
    yield { x: origin.x - ring * grid, y: origin.y + i * grid };
    yield { x: origin.x + ring * grid, y: origin.y + i * grid };
  }
}

/** How far pasted steps go from the copied ones when that place is free (the usual offset). */
const PASTE_STEP = 40;

/**
 * How far to move pasted (or duplicated) steps from where they were copied: a little down and to
 * the right, or, when other steps are there, the nearest place where the whole group is clear of
 * them, so a copy never lands on its original.
 */
export function pasteOffset(
  pasted: readonly Rect[],
  steps: readonly Rect[],
  grid: number,
  gap: number,
): Point {
  if (pasted.length === 0) return { x: PASTE_STEP, y: PASTE_STEP };
  const left = Math.min(...pasted.map((r) => r.x));
  const top = Math.min(...pasted.map((r) => r.y));
  const size = {
    width: Math.max(...pasted.map((r) => r.x + r.width)) - left,
    height: Math.max(...pasted.map((r) => r.y + r.height)) - top,
  };
  const at = placeStep({
    wanted: { x: left + PASTE_STEP, y: top + PASTE_STEP },
    size,
    steps,
    covered: [],
    view: null,
    grid,
    gap,
  });
  return { x: at.x - left, y: at.y - top };
}
