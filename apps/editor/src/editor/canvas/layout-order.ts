import type { graphlib } from "@dagrejs/dagre";

type Graph = graphlib.Graph;
type Order = (graph: Graph) => void;

/**
 * Where, between 0 and 1 down its step, each connection leaves (by edge name, the flow's edge id):
 * a step's outputs are drawn top to bottom, so its first button's connection should go highest.
 */
export type PortOffsets = ReadonlyMap<string, { source: string; offset: number }>;

/** An order of every rank, each step or bend named so that another run of dagre finds it again. */
export type RankOrder = ReadonlyMap<string, number>;

interface LayeredEdge {
  v: string;
  w: string;
  port: number;
  /** A connection dagre turned around to break a loop: drawn backwards, it pulls nothing. */
  back: boolean;
}

const SWEEPS = 12;

/**
 * A step keeps its id; a bend of a long connection (a dagre dummy, named afresh on each run) is
 * named by its connection and rank.
 */
function keyOf(graph: Graph, id: string): string {
  const node = graph.node(id);
  return node.dummy ? `${node.edgeObj?.name ?? id}@${node.rank}` : id;
}

/**
 * Dagre's ordering sees a step as a point; this one sees its outputs. Starting from dagre's own
 * order, it sweeps across the ranks placing each step at the mean height of where its connections
 * leave or arrive (the port's offset counted). Every order it passes through is handed to
 * `candidate`, for the caller to judge on the drawing itself.
 */
export function portOrder(ports: PortOffsets, candidate: (order: RankOrder) => void) {
  return (graph: Graph, order: Order): void => {
    order(graph);
    const ranks: string[][] = [];
    for (const id of graph.nodes()) {
      const rank = graph.node(id).rank ?? 0;
      const layer = ranks[rank] ?? [];
      layer.push(id);
      ranks[rank] = layer;
    }
    const layers = Array.from(ranks, (rank) =>
      (rank ?? []).sort((a, b) => graph.node(a).order - graph.node(b).order),
    );
    const edges: LayeredEdge[] = graph.edges().map((e) => {
      const port = e.name === undefined ? undefined : ports.get(e.name);
      const label = graph.node(e.v).dummy ? graph.node(e.v).edgeLabel : graph.edge(e);
      // A segment that leaves a bend, or a connection turned around, leaves from the middle.
      return {
        v: e.v,
        w: e.w,
        port: port?.source === e.v ? port.offset : 0.5,
        back: label?.reversed === true,
      };
    });
    const position = new Map<string, number>();
    const snapshot = () => {
      const keyed = new Map<string, number>();
      for (const layer of layers) {
        layer.forEach((id, i) => {
          position.set(id, i);
          keyed.set(keyOf(graph, id), i);
        });
      }
      candidate(keyed);
    };
    snapshot();
    for (const skipBack of [true, false]) {
      for (let sweep = 0; sweep < SWEEPS; sweep++) {
        sweepOnce(layers, edges, position, sweep % 2 === 0, skipBack);
        snapshot();
      }
    }
  };
}

function sweepOnce(
  layers: string[][],
  edges: readonly LayeredEdge[],
  position: Map<string, number>,
  down: boolean,
  skipBack: boolean,
): void {
  const ranks = layers.map((_, i) => i);
  for (const r of down ? ranks.slice(1) : ranks.reverse().slice(1)) {
    const layer = layers[r] as string[];
    const centre = new Map<string, number>();
    for (const id of layer) {
      let sum = 0;
      let n = 0;
      for (const e of edges) {
        if (skipBack && e.back) continue;
        if (down && e.w === id) {
          sum += (position.get(e.v) ?? 0) + e.port;
          n++;
        } else if (!down && e.v === id) {
          sum += (position.get(e.w) ?? 0) + 0.5 - e.port;
          n++;
        }
      }
      centre.set(id, n === 0 ? (position.get(id) ?? 0) + 0.5 : sum / n);
    }
    layer.sort((a, b) => (centre.get(a) ?? 0) - (centre.get(b) ?? 0));
    layer.forEach((id, i) => {
      position.set(id, i);
    });
  }
}

/** Lays a graph out in a given order, as `portOrder` handed it over. */
export function fixedOrder(order: RankOrder) {
  return (graph: Graph): void => {
    const ranks = new Map<number, string[]>();
    for (const id of graph.nodes()) {
      const rank = graph.node(id).rank ?? 0;
      ranks.set(rank, [...(ranks.get(rank) ?? []), id]);
    }
    for (const layer of ranks.values()) {
      const at = (id: string) => order.get(keyOf(graph, id)) ?? Number.MAX_SAFE_INTEGER;
      layer.sort((a, b) => at(a) - at(b));
      layer.forEach((id, i) => {
        graph.node(id).order = i;
      });
    }
  };
}
