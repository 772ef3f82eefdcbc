import { AI_TOKENS_HANDLE, type CounterBump, type CounterTotal } from "../store/stats";

const DAY_MS = 86_400_000;

/** A node a step passed (handle null), or the output it left by. */
export interface CounterHit {
  flowId: string;
  version: number;
  nodeId: string;
  handle: string | null;
  /** How much it adds (a model's tokens); 1 when unset. */
  count?: number;
}

export interface FlowStats {
  nodes: Record<string, { entered: number }>;
  handles: Record<string, Record<string, number>>;
  /** The model tokens each AI step spent, by node. */
  tokens: Record<string, number>;
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
    const count = hit.count ?? 1;
    if (seen) seen.count += count;
    else {
      const { flowId, version, nodeId } = hit;
      bumps.set(key, { flowId, version, nodeId, handle, day, count });
    }
  }
  return [...bumps.values()];
}

/** What the stats page shows: entries per node, per node the outputs taken, and tokens spent. */
export function flowStats(totals: readonly CounterTotal[]): FlowStats {
  const stats: FlowStats = { nodes: {}, handles: {}, tokens: {} };
  for (const t of totals) {
    if (t.handle === AI_TOKENS_HANDLE) {
      stats.tokens[t.nodeId] = t.count;
    } else if (t.handle === null) {
      stats.nodes[t.nodeId] = { entered: t.count };
    } else {
      const handles = stats.handles[t.nodeId] ?? {};
      handles[t.handle] = t.count;
      stats.handles[t.nodeId] = handles;
    }
  }
  return stats;
}
