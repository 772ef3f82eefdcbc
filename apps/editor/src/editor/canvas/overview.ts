import type { Edge, FlowNode, NodeType, StepChangeKind } from "@convo/flow";
import type { Severity } from "../../store/marks";
import { estimateSize, type Point, type Size } from "./geometry";

/**
 * The overview: a large flow zoomed far out, drawn on one <canvas> instead of one element per step
 * and one path per connection. At fit view every step of a 5,000-step flow is on screen, and the
 * browser's cost of thousands of positioned elements (style, paint chunks, layerize on each pan
 * frame) is what bare React Flow pays too; a canvas pays for pixels, not for elements. React Flow
 * keeps the steps (hidden) for the viewport, the fit and what the inspector reads; the canvas draws
 * them and finds which one is under the pointer (Overview.tsx).
 */

/** Where each step is and how it is drawn, in flow coordinates, rebuilt when the flow changes. */
export interface OverviewScene {
  ids: string[];
  /** x, y, width, height of step i at 4i … 4i+3. */
  boxes: Float64Array;
  types: NodeType[];
  titles: string[];
  /** Each box's fill: white for a step, its own colour for a note. */
  fills: string[];
  /** Each connection as the indexes of its steps (source at 2j, target at 2j+1). */
  links: Int32Array;
  index: Map<string, number>;
}

/** How the steps differ from what is drawn plainly: selection, problems, a compared version. */
export interface OverviewMarks {
  selected: ReadonlySet<string>;
  marks: ReadonlyMap<string, Severity>;
  changes: ReadonlyMap<string, StepChangeKind> | undefined;
  /** The step the simulator's conversation is at. */
  active: string | null;
}

/** A sticky note's colours, as steps.css draws them. */
export const NOTE_FILLS: Record<string, string> = {
  yellow: "#fff7b3",
  blue: "#dbeafe",
  green: "#dcfce7",
  pink: "#fce7f3",
  grey: "#eceff1",
};

export const OVERVIEW_STYLE = {
  background: "#ffffff",
  border: "#dadde1",
  link: "#98a2b3",
  title: "#1c1e21",
  selected: "#0866ff",
  error: "#d92d20",
  warning: "#9a5c00",
  added: "#1f9d55",
  removed: "#d92d20",
  changed: "#e8a100",
  active: "#7c3aed",
} as const;

/** The type's band on the left of a box, in flow pixels (as the simple boxes of steps.css). */
const BAND = 14;
/** Titles are written from this zoom: below it a 22-px title is under 3 px high, a grey smudge. */
export const TITLES_FROM_ZOOM = 0.14;

export function buildScene(
  nodes: readonly FlowNode[],
  edges: readonly Edge[],
  measured: ReadonlyMap<string, Size>,
  title: (node: FlowNode) => string,
  /** A step's size while it has not been measured (estimateSize, which callers may cache). */
  estimate: (node: FlowNode) => Size = estimateSize,
): OverviewScene {
  const fills: string[] = new Array(nodes.length);
  const ids: string[] = new Array(nodes.length);
  const boxes = new Float64Array(nodes.length * 4);
  const types: NodeType[] = new Array(nodes.length);
  const titles: string[] = new Array(nodes.length);
  const index = new Map<string, number>();
  nodes.forEach((node, i) => {
    const size = measured.get(node.id) ?? estimate(node);
    ids[i] = node.id;
    boxes[4 * i] = node.position.x;
    boxes[4 * i + 1] = node.position.y;
    boxes[4 * i + 2] = size.width;
    boxes[4 * i + 3] = size.height;
    types[i] = node.type;
    titles[i] = node.type === "note" ? "" : title(node);
    fills[i] =
      node.type === "note"
        ? (NOTE_FILLS[node.data.color ?? "yellow"] ?? (NOTE_FILLS.yellow as string))
        : OVERVIEW_STYLE.background;
    index.set(node.id, i);
  });
  const links = new Int32Array(edges.length * 2);
  let n = 0;
  for (const edge of edges) {
    const source = index.get(edge.source);
    const target = index.get(edge.target);
    if (source === undefined || target === undefined) continue;
    links[n++] = source;
    links[n++] = target;
  }
  return { ids, boxes, types, titles, fills, links: links.subarray(0, n), index };
}

/** The step drawn under a point of the flow (the last drawn wins, as on the canvas), or null. */
export function stepAt(scene: OverviewScene, at: Point): string | null {
  const { boxes } = scene;
  for (let i = scene.ids.length - 1; i >= 0; i--) {
    const x = boxes[4 * i] as number;
    const y = boxes[4 * i + 1] as number;
    if (
      at.x >= x &&
      at.y >= y &&
      at.x <= x + (boxes[4 * i + 2] as number) &&
      at.y <= y + (boxes[4 * i + 3] as number)
    )
      return scene.ids[i] as string;
  }
  return null;
}

/** The part of the flow being drawn, in flow coordinates. */
interface View {
  left: number;
  top: number;
  right: number;
  bottom: number;
  zoom: number;
}

/** A rectangle of the canvas, in CSS pixels. */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Which steps a drawing takes: all, all but some (under a drag), or only some (those dragged). */
export type Only = { steps: ReadonlySet<number>; take: boolean } | null;

/**
 * Draws the part of the scene that falls in `area` of the canvas, for a viewport ([x, y, zoom],
 * React Flow's transform), clearing that area first. Everything of one colour is one path, so
 * 5,000 boxes are a dozen fills; what is outside the area is skipped. With `only`, the steps
 * taken (or all but them) and the connections that touch them (or that do not).
 */
export function drawOverview(
  ctx: CanvasRenderingContext2D,
  scene: OverviewScene,
  marks: OverviewMarks,
  bands: Readonly<Record<NodeType, string>>,
  [tx, ty, zoom]: readonly [number, number, number],
  area: Area,
  pixelRatio: number,
  only: Only = null,
): void {
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  if (only === null || !only.take) ctx.clearRect(area.x, area.y, area.width, area.height);
  ctx.save();
  ctx.beginPath();
  ctx.rect(area.x, area.y, area.width, area.height);
  ctx.clip();
  ctx.setTransform(pixelRatio * zoom, 0, 0, pixelRatio * zoom, pixelRatio * tx, pixelRatio * ty);
  const view: View = {
    left: (area.x - tx) / zoom,
    top: (area.y - ty) / zoom,
    right: (area.x + area.width - tx) / zoom,
    bottom: (area.y + area.height - ty) / zoom,
    zoom,
  };
  const { boxes } = scene;
  const count = scene.ids.length;
  const shown: number[] = [];
  for (let i = 0; i < count; i++) {
    if (only !== null && only.steps.has(i) !== only.take) continue;
    const x = boxes[4 * i] as number;
    const y = boxes[4 * i + 1] as number;
    if (
      x <= view.right &&
      y <= view.bottom &&
      x + (boxes[4 * i + 2] as number) >= view.left &&
      y + (boxes[4 * i + 3] as number) >= view.top
    )
      shown.push(i);
  }
  drawLinks(ctx, scene, view, only);
  // One path per fill colour: white cards, each note colour.
  const byFill = new Map<string, number[]>();
  for (const i of shown) group(byFill, scene.fills[i] as string, i);
  for (const [colour, list] of byFill) {
    ctx.beginPath();
    for (const i of list) rect(ctx, boxes, i, 0);
    ctx.fillStyle = colour;
    ctx.fill();
  }
  // The type's band, at least 3 screen pixels wide so that the colours read zoomed far out.
  const band = Math.max(BAND, 3 / zoom);
  const byBand = new Map<string, number[]>();
  for (const i of shown) {
    const type = scene.types[i] as NodeType;
    if (type !== "note") group(byBand, bands[type], i);
  }
  for (const [colour, list] of byBand) {
    ctx.beginPath();
    for (const i of list) {
      const x = boxes[4 * i] as number;
      const y = boxes[4 * i + 1] as number;
      ctx.rect(x, y, Math.min(band, (boxes[4 * i + 2] as number) / 3), boxes[4 * i + 3] as number);
    }
    ctx.fillStyle = colour;
    ctx.fill();
  }
  // Borders: plain ones thin; a selected, wrong or compared step's thick, in its colour.
  const outlined = new Map<string, number[]>();
  const plain: number[] = [];
  for (const i of shown) {
    const colour = outlineColour(scene.ids[i] as string, marks);
    if (colour === null) plain.push(i);
    else group(outlined, colour, i);
  }
  ctx.lineWidth = 1 / zoom;
  ctx.strokeStyle = OVERVIEW_STYLE.border;
  ctx.beginPath();
  for (const i of plain) rect(ctx, boxes, i, 0);
  ctx.stroke();
  ctx.lineWidth = 3 / zoom;
  for (const [colour, list] of outlined) {
    ctx.strokeStyle = colour;
    ctx.beginPath();
    for (const i of list) rect(ctx, boxes, i, 1.5 / zoom);
    ctx.stroke();
  }
  if (zoom >= TITLES_FROM_ZOOM) {
    ctx.fillStyle = OVERVIEW_STYLE.title;
    ctx.font = "700 22px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
    ctx.textBaseline = "middle";
    for (const i of shown) {
      const x = boxes[4 * i] as number;
      const y = boxes[4 * i + 1] as number;
      const w = boxes[4 * i + 2] as number;
      const h = boxes[4 * i + 3] as number;
      const left = x + Math.min(band, w / 3) + 10;
      ctx.fillText(scene.titles[i] as string, left, y + Math.min(h / 2, 32), x + w - 8 - left);
    }
  }
  ctx.restore();
}

function group(groups: Map<string, number[]>, key: string, i: number) {
  const list = groups.get(key);
  if (list) list.push(i);
  else groups.set(key, [i]);
}

function rect(ctx: CanvasRenderingContext2D, boxes: Float64Array, i: number, outset: number) {
  ctx.rect(
    (boxes[4 * i] as number) - outset,
    (boxes[4 * i + 1] as number) - outset,
    (boxes[4 * i + 2] as number) + 2 * outset,
    (boxes[4 * i + 3] as number) + 2 * outset,
  );
}

/** Each connection as a straight line from its source's right side to its target's left side. */
function drawLinks(ctx: CanvasRenderingContext2D, scene: OverviewScene, view: View, only: Only) {
  const { boxes, links } = scene;
  ctx.beginPath();
  for (let j = 0; j < links.length; j += 2) {
    const s = links[j] as number;
    const t = links[j + 1] as number;
    if (only !== null && (only.steps.has(s) || only.steps.has(t)) !== only.take) continue;
    const x1 = (boxes[4 * s] as number) + (boxes[4 * s + 2] as number);
    const y1 = (boxes[4 * s + 1] as number) + (boxes[4 * s + 3] as number) / 2;
    const x2 = boxes[4 * t] as number;
    const y2 = (boxes[4 * t + 1] as number) + (boxes[4 * t + 3] as number) / 2;
    if (
      Math.max(x1, x2) < view.left ||
      Math.min(x1, x2) > view.right ||
      Math.max(y1, y2) < view.top ||
      Math.min(y1, y2) > view.bottom
    )
      continue;
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2, y2);
  }
  ctx.lineWidth = 1.5 / view.zoom;
  ctx.strokeStyle = OVERVIEW_STYLE.link;
  ctx.stroke();
}

/** The colour of a step's thick outline, or null for the plain border. Selection wins. */
export function outlineColour(id: string, marks: OverviewMarks): string | null {
  if (marks.selected.has(id)) return OVERVIEW_STYLE.selected;
  if (marks.active === id) return OVERVIEW_STYLE.active;
  const change = marks.changes?.get(id);
  if (change) return OVERVIEW_STYLE[change];
  const mark = marks.marks.get(id);
  if (mark) return OVERVIEW_STYLE[mark];
  return null;
}
