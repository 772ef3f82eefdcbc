import type { Edge as FlowEdge, FlowNode } from "@convo/flow";
import type { Edge, Node } from "@xyflow/react";

/** Custom nodes read their data from the editor store by id, so React Flow's `data` stays empty. */
const NO_DATA: Record<string, never> = Object.freeze({}) as Record<string, never>;

type Size = { width: number; height: number };

interface NodeEntry {
  source: FlowNode;
  selected: boolean;
  measured: Size | undefined;
  locked: boolean;
  node: Node;
}

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
    result: Node[];
  } | null = null;

  function toNode(
    source: FlowNode,
    selected: ReadonlySet<string>,
    measured: ReadonlyMap<string, Size>,
    locked: boolean,
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
    cache.set(source.id, { source, selected: isSelected, measured: size, locked, node });
    return node;
  }

  return function derive(
    nodes: readonly FlowNode[],
    selected: ReadonlySet<string>,
    measured: ReadonlyMap<string, Size>,
    locked: boolean,
  ): Node[] {
    if (
      last &&
      last.nodes === nodes &&
      last.selected === selected &&
      last.measured === measured &&
      last.locked === locked
    ) {
      return last.result;
    }
    // A drag: the same steps in the same places, a few moved. Only those are looked at again.
    if (
      last &&
      last.nodes.length === nodes.length &&
      last.selected === selected &&
      last.measured === measured &&
      last.locked === locked
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
        result[i] = toNode(source, selected, measured, locked);
      }
      if (result) {
        last = { nodes, selected, measured, locked, result };
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
        entry.locked === locked
      ) {
        return entry.node;
      }
      return toNode(source, selected, measured, locked);
    });
    for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
    last = { nodes, selected, measured, locked, result };
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
