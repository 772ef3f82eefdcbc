import { AI_TOKENS_HANDLE, type CounterBump, type QueueDepths, type StatsStore } from "../stats";
import type { SqliteDatabase } from "./database";

/**
 * The tokens of every flow between two days: the handle written out, not bound, so SQLite can
 * use the partial index `counters_tokens` (a bound value cannot prove the index's WHERE holds).
 */
export const AI_TOKENS_SQL = `SELECT COALESCE(SUM(count), 0) AS n FROM counters
  WHERE handle = '${AI_TOKENS_HANDLE}' AND day BETWEEN ? AND ?`;

export class SqliteStats implements StatsStore {
  readonly #counters;
  readonly #bump;
  readonly #tokens;
  readonly #tokensByDay;
  readonly #depths;

  constructor(sql: SqliteDatabase) {
    const { db } = sql;
    this.#counters = db.prepare(
      "SELECT node_id, handle, SUM(count) AS n FROM counters WHERE flow_id = ? AND day BETWEEN ? AND ? GROUP BY node_id, handle",
    );
    this.#tokens = db.prepare(AI_TOKENS_SQL);
    this.#tokensByDay = db.prepare(`SELECT day, SUM(count) AS n FROM counters
      WHERE flow_id = ? AND handle = '${AI_TOKENS_HANDLE}' AND day BETWEEN ? AND ?
      GROUP BY day ORDER BY day`);
    // The node's own count is kept under the handle "": a key column cannot hold NULL.
    this.#bump = db.prepare(`
      INSERT INTO counters (flow_id, version, node_id, handle, day, count) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (flow_id, version, node_id, handle, day) DO UPDATE SET count = count + ?`);
    this.#depths = db.prepare(`SELECT
      (SELECT COUNT(*) FROM inbox INDEXED BY inbox_pending_psid
        WHERE status IN ('pending', 'processing')) AS inbox,
      (SELECT COUNT(*) FROM outbox WHERE status = 'queued') AS queued,
      (SELECT COUNT(*) FROM outbox WHERE status = 'parked') AS parked,
      (SELECT COUNT(*) FROM timers) AS timers`);
  }

  async counters(flowId: string, fromDay: number, toDay: number) {
    const rows = this.#counters.all(flowId, fromDay, toDay) as {
      node_id: string;
      handle: string;
      n: number;
    }[];
    return rows.map((r) => ({
      nodeId: r.node_id,
      handle: r.handle === "" ? null : r.handle,
      count: r.n,
    }));
  }

  async aiTokens(fromDay: number, toDay: number) {
    return (this.#tokens.get(fromDay, toDay) as { n: number }).n;
  }

  async aiTokensByDay(flowId: string, fromDay: number, toDay: number) {
    const rows = this.#tokensByDay.all(flowId, fromDay, toDay) as { day: number; n: number }[];
    return rows.map((r) => ({ day: r.day, count: r.n }));
  }

  async queueDepths(): Promise<QueueDepths> {
    const r = this.#depths.get() as {
      inbox: number;
      queued: number;
      parked: number;
      timers: number;
    };
    return {
      inboxPending: r.inbox,
      outboxQueued: r.queued,
      outboxParked: r.parked,
      timers: r.timers,
    };
  }

  /** Inside a write: adds a step's folded counts. */
  bump(b: CounterBump): void {
    this.#bump.run(b.flowId, b.version, b.nodeId, b.handle ?? "", b.day, b.count, b.count);
  }
}
