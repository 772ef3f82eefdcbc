import { type Flow, type FlowNode, isAnnotation } from "@convo/flow";
import { estimateSize, outputHandles, type Point, type Size } from "./geometry";

interface Segment {
  from: Point;
  to: Point;
}

/** Whether two segments cross at a point inside both (sharing an end is not a crossing). */
function cross(a: Segment, b: Segment): boolean {
  const side = (p: Point, q: Point, r: Point) =>
    Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
  const same = (p: Point, q: Point) => p.x === q.x && p.y === q.y;
  if (same(a.from, b.from) || same(a.from, b.to) || same(a.to, b.from) || same(a.to, b.to))
    return false;
  const d1 = side(a.from, a.to, b.from);
  const d2 = side(a.from, a.to, b.to);
  const d3 = side(b.from, b.to, a.from);
  const d4 = side(b.from, b.to, a.to);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

/**
 * How many pairs of connections cross when each is drawn straight from its output handle to the
 * middle of its target's left edge: the measure "Tidy up" is judged by.
 */
export function countCrossings(
  flow: Flow,
  measured: ReadonlyMap<string, Size> = new Map(),
): number {
  const nodes = new Map<string, { node: FlowNode; size: Size }>();
  for (const node of flow.nodes) {
    if (isAnnotation(node.type)) continue;
    nodes.set(node.id, { node, size: measured.get(node.id) ?? estimateSize(node) });
  }
  const segments: Segment[] = [];
  const handles = new Map<string, Map<string, Point>>();
  for (const edge of flow.edges) {
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target) continue;
    let own = handles.get(edge.source);
    if (!own) {
      own = outputHandles(source.node, source.size);
      handles.set(edge.source, own);
    }
    const handle = own.get(edge.sourceHandle ?? "next");
    if (!handle) continue;
    const at = source.node.position;
    segments.push({
      from: { x: at.x + handle.x, y: at.y + handle.y },
      to: { x: target.node.position.x, y: target.node.position.y + target.size.height / 2 },
    });
  }
  let count = 0;
  for (let i = 0; i < segments.length; i++) {
    for (let j = i + 1; j < segments.length; j++) {
      if (cross(segments[i] as Segment, segments[j] as Segment)) count++;
    }
  }
  return count;
}
