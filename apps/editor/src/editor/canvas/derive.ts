import { acceptsConnections, type Edge as FlowEdge, type FlowNode } from "@convo/flow";
import { type Edge, type Node, type NodeHandle, Position } from "@xyflow/react";
import { estimateSize, outputHandles } from "./geometry";

/** Custom nodes read their data from the editor store by id, so React Flow's `data` stays empty. */
const NO_DATA: Record<string, never> = Object.freeze({}) as Record<string, never>;

type Size = { width: number; height: number };

interface NodeEntry {
  source: FlowNode;
  selected: boolean;
  measured: Size | undefined;
  locked: boolean;
  view: NodeView;
  node: Node;
}

/**
 * How React Flow is to hold the steps: "cards" as they are; "large": a step not yet measured is
 * given its estimated size and handles, so React Flow can cull it before it has ever been drawn
 * (otherwise every unmeasured step is mounted once); "overview": as "large", and hidden, for the
 * overview canvas draws them (Overview.tsx).
 */
export type NodeView = "cards" | "large" | "overview";

/**
 * Turns the document's nodes into React Flow nodes, reusing the previous object of every node whose
 * inputs did not change. React Flow compares node objects by identity, so during a drag only the
 * moved nodes are re-adopted and re-rendered; the rest of the canvas stays still.
 */
export function createNodeDeriver() {
  const cache = new Map<string, NodeEntry>();
  let last: {
    nodes: readonly FlowNode[];
    selected: ReadonlySet<string>;
    measured: ReadonlyMap<string, Size>;
    locked: boolean;
    view: NodeView;
    result: Node[];
  } | null = null;

  function toNode(
    source: FlowNode,
    selected: ReadonlySet<string>,
    measured: ReadonlyMap<string, Size>,
    locked: boolean,
    view: NodeView,
  ): Node {
    const isSelected = selected.has(source.id);
    const size = measured.get(source.id);
    const node: Node = {
      id: source.id,
      type: "step",
      position: source.position,
      data: NO_DATA,
      selected: isSelected,
      draggable: !locked,
      connectable: !locked,
      deletable: false,
    };
    if (size) node.measured = size;
    else if (view !== "cards") {
      const estimate = estimateSize(source);
      node.measured = estimate;
      node.handles = estimatedHandles(source, estimate);
    }
    if (view === "overview") node.hidden = true;
    cache.set(source.id, { source, selected: isSelected, measured: size, locked, view, node });
    return node;
  }

  return function derive(
    nodes: readonly FlowNode[],
    selected: ReadonlySet<string>,
    measured: ReadonlyMap<string, Size>,
    locked: boolean,
    view: NodeView = "cards",
  ): Node[] {
    if (
      last &&
      last.nodes === nodes &&
      last.selected === selected &&
      last.measured === measured &&
      last.locked === locked &&
      last.view === view
    ) {
      return last.result;
    }
    // A drag: the same steps in the same places, a few moved. Only those are looked at again.
    if (
      last &&
      last.nodes.length === nodes.length &&
      last.selected === selected &&
      last.measured === measured &&
      last.locked === locked &&
      last.view === view
    ) {
      let result: Node[] | null = null;
      for (let i = 0; i < nodes.length; i++) {
        const source = nodes[i] as FlowNode;
        const before = last.nodes[i] as FlowNode;
        if (source === before) continue;
        if (source.id !== before.id) {
          result = null;
          break;
        }
        result ??= last.result.slice();
        result[i] = toNode(source, selected, measured, locked, view);
      }
      if (result) {
        last = { nodes, selected, measured, locked, view, result };
        return result;
      }
    }
    const seen = new Set<string>();
    const result = nodes.map((source) => {
      seen.add(source.id);
      const isSelected = selected.has(source.id);
      const size = measured.get(source.id);
      const entry = cache.get(source.id);
      if (
        entry &&
        entry.source === source &&
        entry.selected === isSelected &&
        entry.measured === size &&
        entry.locked === locked &&
        entry.view === view
      ) {
        return entry.node;
      }
      return toNode(source, selected, measured, locked, view);
    });
    for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
    last = { nodes, selected, measured, locked, view, result };
    return result;
  };
}

interface EdgeEntry {
  source: FlowEdge;
  selected: boolean;
  edge: Edge;
}

/** The same for connections: stable objects for unchanged edges. */
export function createEdgeDeriver() {
  const cache = new Map<string, EdgeEntry>();
  let last: { edges: readonly FlowEdge[]; selected: ReadonlySet<string>; result: Edge[] } | null =
    null;
  return function derive(edges: readonly FlowEdge[], selected: ReadonlySet<string>): Edge[] {
    if (last && last.edges === edges && last.selected === selected) return last.result;
    const seen = new Set<string>();
    const result = edges.map((source) => {
      seen.add(source.id);
      const isSelected = selected.has(source.id);
      const entry = cache.get(source.id);
      if (entry && entry.source === source && entry.selected === isSelected) return entry.edge;
      const edge: Edge = {
        id: source.id,
        type: "step",
        source: source.source,
        target: source.target,
        sourceHandle: source.sourceHandle ?? "next",
        selected: isSelected,
        deletable: false,
        // Said by screen readers in place of React Flow's English "Edge from … to …": the steps'
        // ids (as the inspector shows them) and the output, in no language.
        ariaLabel: `${source.source} (${source.sourceHandle ?? "next"}) → ${source.target}`,
      };
      cache.set(source.id, { source, selected: isSelected, edge });
      return edge;
    });
    for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
    last = { edges, selected, result };
    return result;
  };
}

/**
 * A step's handles where its card will draw them (geometry.ts): the input on the left, in the
 * middle; the outputs on the right, on their rows.
 */
function estimatedHandles(node: FlowNode, size: Size): NodeHandle[] {
  const handles: NodeHandle[] = [];
  if (acceptsConnections(node.type))
    handles.push({
      type: "target",
      position: Position.Left,
      x: -4,
      y: size.height / 2 - 4,
      width: 8,
      height: 8,
    });
  for (const [id, at] of outputHandles(node, size))
    handles.push({
      id,
      type: "source",
      position: Position.Right,
      x: at.x - 4,
      y: at.y - 4,
      width: 8,
      height: 8,
    });
  return handles;
}
