import { AI_TOKENS_HANDLE, type QueueDepths, type StatsStore } from "../stats";
import { type PgDatabase, prepared } from "./database";

/**
 * The tokens of every flow between two days: the handle written out, not a parameter, so the
 * prepared statement's generic plan can still use the partial index `counters_tokens`.
 */
export const AI_TOKENS_SQL = `SELECT COALESCE(SUM(count), 0) AS n FROM counters
  WHERE handle = '${AI_TOKENS_HANDLE}' AND day BETWEEN $1 AND $2`;

export class PgStats implements StatsStore {
  constructor(private readonly db: PgDatabase) {}

  async counters(flowId: string, fromDay: number, toDay: number) {
    const { rows } = await prepared<{ node_id: string; handle: string; n: number }>(
      this.db.pool,
      `SELECT node_id, handle, SUM(count) AS n FROM counters
       WHERE flow_id = $1 AND day BETWEEN $2 AND $3 GROUP BY node_id, handle`,
      [flowId, fromDay, toDay],
    );
    return rows.map((r) => ({
      nodeId: r.node_id,
      handle: r.handle === "" ? null : r.handle,
      count: r.n,
    }));
  }

  async aiTokens(fromDay: number, toDay: number) {
    const { rows } = await prepared<{ n: string | number }>(this.db.pool, AI_TOKENS_SQL, [
      fromDay,
      toDay,
    ]);
    return Number(rows[0]?.n ?? 0);
  }

  async aiTokensByDay(flowId: string, fromDay: number, toDay: number) {
    const { rows } = await prepared<{ day: number; n: string | number }>(
      this.db.pool,
      `SELECT day, SUM(count) AS n FROM counters
       WHERE flow_id = $1 AND handle = '${AI_TOKENS_HANDLE}' AND day BETWEEN $2 AND $3
       GROUP BY day ORDER BY day`,
      [flowId, fromDay, toDay],
    );
    return rows.map((r) => ({ day: Number(r.day), count: Number(r.n) }));
  }

  async queueDepths(): Promise<QueueDepths> {
    const { rows } = await prepared<{
      inbox: number;
      queued: number;
      parked: number;
      timers: number;
    }>(
      this.db.pool,
      `SELECT
      (SELECT COUNT(*) FROM inbox WHERE status IN ('pending', 'processing')) AS inbox,
      (SELECT COUNT(*) FROM outbox WHERE status = 'queued') AS queued,
      (SELECT COUNT(*) FROM outbox WHERE status = 'parked') AS parked,
      (SELECT COUNT(*) FROM timers) AS timers`,
    );
    const r = rows[0] as { inbox: number; queued: number; parked: number; timers: number };
    return {
      inboxPending: r.inbox,
      outboxQueued: r.queued,
      outboxParked: r.parked,
      timers: r.timers,
    };
  }
}
