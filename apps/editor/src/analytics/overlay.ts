import { type Flow, isAnnotation, nodeOutputs } from "@convo/flow";
import type { FlowStats } from "../api/test-api";

export interface HandleCount {
  count: number;
  /** Share of the contacts who entered the step and left this way (0–1); 0 when none entered. */
  share: number;
}

export interface NodeCounts {
  entered: number;
  /** Entered but never left: stopped answering, or still there. */
  dropOff: number;
  /** `dropOff / entered`, 0 when none entered. */
  dropRate: number;
  /** Per output handle of the step, including the ones nobody took. */
  handles: Record<string, HandleCount>;
}

/**
 * The canvas overlay from the runtime's counters: for each step, how many contacts entered it,
 * how many left through each output, and how many went no further.
 *
 * @example computeOverlay(flow, stats).get("ask")?.handles.track?.count
 */
export function computeOverlay(flow: Flow, stats: FlowStats): Map<string, NodeCounts> {
  const result = new Map<string, NodeCounts>();
  for (const node of flow.nodes) {
    if (isAnnotation(node.type)) continue;
    const entered = stats.nodes[node.id]?.entered ?? 0;
    const taken = stats.handles[node.id] ?? {};
    const handles: Record<string, HandleCount> = {};
    let left = 0;
    for (const output of nodeOutputs(node)) {
      const count = taken[output.id] ?? 0;
      left += count;
      handles[output.id] = { count, share: entered > 0 ? count / entered : 0 };
    }
    // A step with no outputs (or whose outputs all end the conversation) is an end, not a drop.
    const dropOff = nodeOutputs(node).length === 0 ? 0 : Math.max(0, entered - left);
    result.set(node.id, {
      entered,
      dropOff,
      dropRate: entered > 0 ? dropOff / entered : 0,
      handles,
    });
  }
  return result;
}

/** Keeps the previous object of every step whose counts did not change, so it does not re-render. */
export function shareUnchanged(
  previous: ReadonlyMap<string, NodeCounts>,
  next: Map<string, NodeCounts>,
): Map<string, NodeCounts> {
  for (const [id, counts] of next) {
    const old = previous.get(id);
    if (old && sameCounts(old, counts)) next.set(id, old);
  }
  return next;
}

function sameCounts(a: NodeCounts, b: NodeCounts): boolean {
  if (a.entered !== b.entered || a.dropOff !== b.dropOff) return false;
  const keys = Object.keys(a.handles);
  if (keys.length !== Object.keys(b.handles).length) return false;
  return keys.every((k) => a.handles[k]?.count === b.handles[k]?.count);
}

/** A flow's model tokens: on the UTC day of `now`, and over the period asked. */
export interface TokenSummary {
  today: number;
  period: number;
  /** Per UTC day (`YYYY-MM-DD`), oldest first, days with none left out. */
  byDay: readonly { day: string; tokens: number }[];
}

/** The flow's tokens from the runtime's per-day counts; `undefined` when it spent none. */
export function tokenSummary(stats: FlowStats, now: number): TokenSummary | undefined {
  const byDay = stats.tokensByDay;
  const period = byDay.reduce((sum, d) => sum + d.tokens, 0);
  if (period === 0) return undefined;
  // Counters are kept per UTC day: "today" is the UTC day, as the runtime counts it.
  const day = new Date(now).toISOString().slice(0, 10);
  const today = byDay.find((d) => d.day === day)?.tokens ?? 0;
  return { today, period, byDay };
}

/** Keeps the previous summary when nothing changed, so the line does not re-render. */
export function sameTokens(a: TokenSummary | undefined, b: TokenSummary | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return (
    a.today === b.today &&
    a.byDay.length === b.byDay.length &&
    a.byDay.every((d, i) => d.day === b.byDay[i]?.day && d.tokens === b.byDay[i]?.tokens)
  );
}

export type Period = "today" | "7d" | "30d";

/** The time range of a period ending now (ms since epoch); "today" starts at local midnight. */
export function periodRange(period: Period, now: number): { from: number; to: number } {
  if (period === "today") {
    const midnight = new Date(now);
    midnight.setHours(0, 0, 0, 0);
    return { from: midnight.getTime(), to: now };
  }
  const days = period === "7d" ? 7 : 30;
  return { from: now - days * 86_400_000, to: now };
}
