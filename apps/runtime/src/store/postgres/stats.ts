import type { CounterBump, QueueDepths, StatsStore } from "../stats";
import type { PgDatabase, Queryable } from "./database";

export class PgStats implements StatsStore {
  constructor(private readonly db: PgDatabase) {}

  async counters(flowId: string, fromDay: number, toDay: number) {
    const { rows } = await this.db.pool.query<{ node_id: string; handle: string; n: number }>(
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

  async queueDepths(): Promise<QueueDepths> {
    const { rows } = await this.db.pool.query<{
      inbox: number;
      queued: number;
      parked: number;
      timers: number;
    }>(`SELECT
      (SELECT COUNT(*) FROM inbox WHERE status IN ('pending', 'processing')) AS inbox,
      (SELECT COUNT(*) FROM outbox WHERE status = 'queued') AS queued,
      (SELECT COUNT(*) FROM outbox WHERE status = 'parked') AS parked,
      (SELECT COUNT(*) FROM timers) AS timers`);
    const r = rows[0] as { inbox: number; queued: number; parked: number; timers: number };
    return {
      inboxPending: r.inbox,
      outboxQueued: r.queued,
      outboxParked: r.parked,
      timers: r.timers,
    };
  }
}

/**
 * Inside a transaction: adds a step's counts in one statement. The node's own count is kept under
 * the handle "" (a key column cannot hold NULL); equal keys are summed first, as one upsert may
 * not touch a row twice.
 */
export async function bumpCounters(q: Queryable, bumps: readonly CounterBump[]) {
  if (bumps.length === 0) return;
  await q.query(
    `INSERT INTO counters (flow_id, version, node_id, handle, day, count)
     SELECT f, v, n, h, d, SUM(c) FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::int[], $6::bigint[])
       AS u(f, v, n, h, d, c)
     GROUP BY f, v, n, h, d
     ON CONFLICT (flow_id, version, node_id, handle, day) DO UPDATE SET count = counters.count + excluded.count`,
    [
      bumps.map((b) => b.flowId),
      bumps.map((b) => b.version),
      bumps.map((b) => b.nodeId),
      bumps.map((b) => b.handle ?? ""),
      bumps.map((b) => b.day),
      bumps.map((b) => b.count),
    ],
  );
}
