import { type Flow, isAnnotation } from "@convo/flow";
import dagre from "@dagrejs/dagre";

const DEFAULT_SIZE = { width: 260, height: 160 };

/**
 * Places steps left to right along their connections (dagre), keeping notes where they are.
 * Loaded on demand: the layout library stays out of the first load.
 */
export function layoutFlow(
  flow: Flow,
  measured: ReadonlyMap<string, { width: number; height: number }>,
): Flow {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: "LR", nodesep: 40, ranksep: 90 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of flow.nodes) {
    if (isAnnotation(node.type)) continue;
    graph.setNode(node.id, { ...(measured.get(node.id) ?? DEFAULT_SIZE) });
  }
  for (const edge of flow.edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target))
      graph.setEdge(edge.source, edge.target);
  }
  dagre.layout(graph);
  const nodes = flow.nodes.map((node) => {
    if (isAnnotation(node.type)) return node;
    const placed = graph.node(node.id);
    if (!placed) return node;
    const x = Math.round((placed.x - placed.width / 2) / 16) * 16;
    const y = Math.round((placed.y - placed.height / 2) / 16) * 16;
    return node.position.x === x && node.position.y === y ? node : { ...node, position: { x, y } };
  });
  return { ...flow, nodes };
}
