import { type Flow, isAnnotation } from "@convo/flow";
import dagre from "@dagrejs/dagre";
import { countCrossings } from "./crossings";
import { estimateSize, outputHandles, type Size } from "./geometry";
import { fixedOrder, type PortOffsets, portOrder, type RankOrder } from "./layout-order";

/** Past this many steps, only the first order is drawn (each candidate is a whole dagre run). */
const JUDGE_UP_TO = 150;

type Sizes = ReadonlyMap<string, Size>;

/**
 * Places steps left to right along their connections (dagre), keeping notes where they are. Each
 * step's connections keep the order of its outputs (buttons top to bottom): of the orders the
 * sweeps pass through, the one whose drawing has the fewest crossings is kept. Loaded on demand:
 * the layout library stays out of the first load.
 */
export function layoutFlow(flow: Flow, measured: Sizes): Flow {
  const sizes = new Map<string, Size>();
  for (const node of flow.nodes) {
    if (!isAnnotation(node.type)) sizes.set(node.id, measured.get(node.id) ?? estimateSize(node));
  }
  const ports = portOffsets(flow, sizes);
  const candidates: RankOrder[] = [];
  const seen = new Set<string>();
  const first = run(flow, sizes, {
    customOrder: portOrder(ports, (order) => {
      const key = [...order].join();
      if (seen.has(key)) return;
      seen.add(key);
      candidates.push(order);
    }),
  });
  if (sizes.size > JUDGE_UP_TO) return first;
  let best = first;
  let fewest = Number.POSITIVE_INFINITY;
  for (const order of candidates) {
    const drawn = run(flow, sizes, { customOrder: fixedOrder(order) });
    const count = countCrossings(drawn, sizes);
    if (count < fewest) {
      fewest = count;
      best = drawn;
    }
  }
  return best;
}

function portOffsets(flow: Flow, sizes: Sizes): PortOffsets {
  const ports = new Map<string, { source: string; offset: number }>();
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  for (const edge of flow.edges) {
    const source = byId.get(edge.source);
    const size = sizes.get(edge.source);
    if (!source || !size) continue;
    const handle = outputHandles(source, size).get(edge.sourceHandle ?? "next");
    if (handle) ports.set(edge.id, { source: edge.source, offset: handle.y / size.height });
  }
  return ports;
}

type LayoutOptions = NonNullable<Parameters<typeof dagre.layout>[1]>;

function run(flow: Flow, sizes: Sizes, options: LayoutOptions): Flow {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: "LR", nodesep: 40, ranksep: 90 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const [id, size] of sizes) graph.setNode(id, { ...size });
  for (const edge of flow.edges) {
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target))
      graph.setEdge(edge.source, edge.target, {}, edge.id);
  }
  dagre.layout(graph, options);
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
