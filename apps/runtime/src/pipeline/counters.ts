import type { CounterBump, CounterTotal } from "../store/stats";

const DAY_MS = 86_400_000;

/** A node a step passed (handle null), or the output it left by. */
export interface CounterHit {
  flowId: string;
  version: number;
  nodeId: string;
  handle: string | null;
}

export interface FlowStats {
  nodes: Record<string, { entered: number }>;
  handles: Record<string, Record<string, number>>;
}

/** Counters are kept per UTC day: the day `ms` falls in, in days since the epoch. */
export function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/**
 * A step's hits as one increment per node and handle, however often the step passed it (a node
 * passed twice counts twice), so the store writes one row each.
 */
export function foldCounters(hits: readonly CounterHit[], now: number): CounterBump[] {
  if (hits.length === 0) return [];
  const day = dayOf(now);
  const bumps = new Map<string, CounterBump>();
  for (const hit of hits) {
    const handle = hit.handle;
    const key = `${hit.flowId}\u0000${hit.version}\u0000${hit.nodeId}\u0000${handle ?? ""}`;
    const seen = bumps.get(key);
    if (seen) seen.count += 1;
    else {
      const { flowId, version, nodeId } = hit;
      bumps.set(key, { flowId, version, nodeId, handle, day, count: 1 });
    }
  }
  return [...bumps.values()];
}

/** What the stats page shows: entries per node, and per node the outputs taken. */
export function flowStats(totals: readonly CounterTotal[]): FlowStats {
  const stats: FlowStats = { nodes: {}, handles: {} };
  for (const t of totals) {
    if (t.handle === null) {
      stats.nodes[t.nodeId] = { entered: t.count };
    } else {
      const handles = stats.handles[t.nodeId] ?? {};
      handles[t.handle] = t.count;
      stats.handles[t.nodeId] = handles;
    }
  }
  return stats;
}
