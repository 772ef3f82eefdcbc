import type { NodeType } from "@convo/flow";
import { type Area, drawOverview, type OverviewMarks, type OverviewScene } from "./overview";

type Transform = readonly [number, number, number];

/** After a zoom gesture's last frame, the overview is drawn again sharp after this long. */
export const SETTLE_MS = 120;

/**
 * Paints the overview on its canvas and keeps the last full drawing aside, so that a frame redraws
 * only what changed: a pan moves the last drawing and draws the strips it uncovers; a zoom shows
 * the last drawing scaled until the gesture settles, then draws sharp again; a drag draws the
 * steps that did not move once, then on each frame only the moved ones over it. A full drawing of
 * 5,000 steps costs the browser's rasterizer tens of milliseconds; a copy of the canvas, one or two.
 */
export class OverviewPainter {
  private readonly ctx: CanvasRenderingContext2D;
  /** The last full drawing, and the transform it was drawn at. */
  private readonly last: HTMLCanvasElement;
  private lastAt: Transform | null = null;
  /** Under a drag: every step but the moved ones, drawn once when the drag starts. */
  private readonly under: HTMLCanvasElement;
  private underAt: Transform | null = null;
  private width = 0;
  private height = 0;
  private ratio = 1;
  private settle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly bands: Readonly<Record<NodeType, string>>,
    /** Draws everything again with what is current (called when a zoom gesture settles). */
    private readonly redraw: () => void,
  ) {
    this.ctx = context(canvas);
    this.last = document.createElement("canvas");
    this.under = document.createElement("canvas");
  }

  resize(width: number, height: number, ratio: number): void {
    this.width = width;
    this.height = height;
    this.ratio = ratio;
    for (const canvas of [this.canvas, this.last, this.under]) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    this.lastAt = null;
    this.underAt = null;
  }

  /** Everything, sharp; kept aside for the next frames. */
  full(scene: OverviewScene, marks: OverviewMarks, at: Transform): void {
    clearTimeout(this.settle);
    if (this.width === 0 || this.height === 0) return;
    this.underAt = null;
    drawOverview(this.ctx, scene, marks, this.bands, at, this.whole(), this.ratio);
    this.keep(at);
  }

  /** The viewport moved (a pan or a zoom): the last drawing moved along, and what it lacks. */
  moveTo(scene: OverviewScene, marks: OverviewMarks, at: Transform): void {
    const from = this.lastAt;
    if (this.width === 0 || this.height === 0) return;
    if (from === null) {
      this.full(scene, marks, at);
      return;
    }
    const [x0, y0, z0] = from;
    const [x, y, z] = at;
    const { ctx, ratio, width, height } = this;
    if (z !== z0) {
      // The last drawing scaled about the same point of the flow, until the wheel stops.
      const s = z / z0;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
      ctx.setTransform(ratio * s, 0, 0, ratio * s, ratio * (x - x0 * s), ratio * (y - y0 * s));
      ctx.drawImage(this.last, 0, 0, width, height);
      clearTimeout(this.settle);
      this.settle = setTimeout(this.redraw, SETTLE_MS);
      return;
    }
    const dx = x - x0;
    const dy = y - y0;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.drawImage(this.last, Math.round(dx * ratio), Math.round(dy * ratio));
    // The strips the move uncovered (a pixel wider, for the rounding above).
    const strips: Area[] = [];
    if (dx > 0) strips.push({ x: 0, y: 0, width: dx + 1, height });
    if (dx < 0) strips.push({ x: width + dx - 1, y: 0, width: 1 - dx, height });
    if (dy > 0) strips.push({ x: 0, y: 0, width, height: dy + 1 });
    if (dy < 0) strips.push({ x: 0, y: height + dy - 1, width, height: 1 - dy });
    for (const strip of strips) drawOverview(ctx, scene, marks, this.bands, at, strip, this.ratio);
    this.keep(at);
  }

  /**
   * Some steps changed in place (`boxes`: x, y, width, height in the flow): the last drawing with
   * only their boxes, and what crosses them, drawn again.
   */
  patch(
    scene: OverviewScene,
    marks: OverviewMarks,
    at: Transform,
    boxes: readonly ArrayLike<number>[],
  ): void {
    if (this.width === 0 || this.height === 0) return;
    if (this.lastAt !== at || this.underAt !== null) {
      this.full(scene, marks, at);
      return;
    }
    const [x, y, zoom] = at;
    // The outline is drawn 3 px outside a box; a pixel more for antialiasing.
    const margin = 5;
    for (const box of boxes) {
      const left = x + (box[0] as number) * zoom - margin;
      const top = y + (box[1] as number) * zoom - margin;
      const right = x + ((box[0] as number) + (box[2] as number)) * zoom + margin;
      const bottom = y + ((box[1] as number) + (box[3] as number)) * zoom + margin;
      if (right < 0 || bottom < 0 || left > this.width || top > this.height) continue;
      const area = {
        x: Math.floor(left),
        y: Math.floor(top),
        width: Math.ceil(right - left) + 1,
        height: Math.ceil(bottom - top) + 1,
      };
      drawOverview(this.ctx, scene, marks, this.bands, at, area, this.ratio);
    }
    this.keep(at);
  }

  /** A drag frame: the steps that did not move as drawn when it started, the moved ones over them. */
  drag(
    scene: OverviewScene,
    marks: OverviewMarks,
    at: Transform,
    moved: ReadonlySet<number>,
  ): void {
    const { ctx } = this;
    if (this.width === 0 || this.height === 0) return;
    if (this.underAt !== at) {
      clearTimeout(this.settle);
      const under = context(this.under);
      drawOverview(under, scene, marks, this.bands, at, this.whole(), this.ratio, {
        steps: moved,
        take: false,
      });
      this.underAt = at;
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.drawImage(this.under, 0, 0);
    drawOverview(ctx, scene, marks, this.bands, at, this.whole(), this.ratio, {
      steps: moved,
      take: true,
    });
    this.lastAt = null;
  }

  dispose(): void {
    clearTimeout(this.settle);
  }

  private whole(): Area {
    return { x: 0, y: 0, width: this.width, height: this.height };
  }

  private keep(at: Transform): void {
    const last = context(this.last);
    last.setTransform(1, 0, 0, 1, 0, 0);
    last.clearRect(0, 0, this.last.width, this.last.height);
    last.drawImage(this.canvas, 0, 0);
    this.lastAt = at;
  }
}

function context(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("The browser gave no 2D canvas for the overview.");
  return ctx;
}
