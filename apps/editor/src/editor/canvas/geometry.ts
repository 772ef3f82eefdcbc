import { type FlowNode, nodeOutputs } from "@convo/flow";

export interface Point {
  x: number;
  y: number;
}
export interface Size {
  width: number;
  height: number;
}
export interface Rect extends Point, Size {}

/** A step's card as the canvas draws it (steps.css): its width, its head and each output's row. */
export const STEP_WIDTH = 240;
const HEAD_AND_BODY = 96;
/** One output row (3 px padding above and below a 12 px line) and the list's own padding. */
export const OUTPUT_ROW = 22;
const OUTPUTS_PADDING = 4;

/** A step's size before the canvas has measured it, from what it will draw. */
export function estimateSize(node: FlowNode): Size {
  if (node.type === "note") {
    return { width: node.data.width ?? 220, height: node.data.height ?? 80 };
  }
  const outputs = nodeOutputs(node).length;
  const list = outputs === 0 ? 0 : OUTPUTS_PADDING * 2 + outputs * OUTPUT_ROW;
  return { width: STEP_WIDTH, height: HEAD_AND_BODY + list };
}

/**
 * Where each output handle of a step sits, as offsets from its top left: the outputs are the last
 * rows of the card, in drawing order, with their handle on the right edge.
 */
export function outputHandles(node: FlowNode, size: Size): Map<string, Point> {
  const outputs = nodeOutputs(node);
  const handles = new Map<string, Point>();
  outputs.forEach((output, i) => {
    const fromBottom = OUTPUTS_PADDING + (outputs.length - i - 0.5) * OUTPUT_ROW;
    handles.set(output.id, { x: size.width, y: size.height - fromBottom });
  });
  return handles;
}

/** Whether two rectangles overlap, counting `gap` around each as taken. */
export function overlaps(a: Rect, b: Rect, gap = 0): boolean {
  return (
    a.x < b.x + b.width + gap &&
    b.x < a.x + a.width + gap &&
    a.y < b.y + b.height + gap &&
    b.y < a.y + a.height + gap
  );
}

/** The extent of some steps, sized as they will be drawn (for a fit before they are measured). */
export function contentSize(nodes: readonly FlowNode[]): Size {
  if (nodes.length === 0) return { width: 1, height: 1 };
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const node of nodes) {
    const size = estimateSize(node);
    left = Math.min(left, node.position.x);
    top = Math.min(top, node.position.y);
    right = Math.max(right, node.position.x + size.width);
    bottom = Math.max(bottom, node.position.y + size.height);
  }
  return { width: right - left, height: bottom - top };
}
