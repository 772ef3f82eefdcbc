import type { EngineEvent } from "@convo/engine";
import type { NewInboxEvent } from "../inbox";
import type { DueTimer, TimerStore } from "../timers";
import { type PgDatabase, prepared } from "./database";
import { addEvents } from "./inbox";

/** Delays and time-outs: each fires once across replicas (its row is taken with SKIP LOCKED). */
export class PgTimers implements TimerStore {
  constructor(private readonly db: PgDatabase) {}

  async fireDue(now: number, limit: number, toInbox: (timer: DueTimer) => NewInboxEvent) {
    return this.db.tx(async (q) => {
      // Rows another replica is firing are skipped, not waited for; a deleted row fires no more.
      const { rows } = await prepared<{
        id: number;
        psid: string;
        timer_id: string;
        due_at: number;
        event: EngineEvent;
      }>(
        q,
        `DELETE FROM timers WHERE id IN (
           SELECT id FROM timers WHERE due_at <= $1 ORDER BY due_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING *`,
        [now, limit],
      );
      rows.sort((a, b) => a.due_at - b.due_at || a.id - b.id);
      const events = rows.map((t) =>
        toInbox({ id: t.id, psid: t.psid, timerId: t.timer_id, dueAt: t.due_at, event: t.event }),
      );
      if (events.length > 0) await addEvents(q, events, now);
      return rows.length;
    });
  }

  async nextDueAt() {
    const { rows } = await prepared<{ at: number | null }>(
      this.db.pool,
      "SELECT MIN(due_at) AS at FROM timers",
    );
    return rows[0]?.at ?? undefined;
  }
}
