import type { EngineEvent } from "@convo/engine";
import type { NewInboxEvent } from "../inbox";
import type { DueTimer, NewTimer, TimerStore } from "../timers";
import type { SqliteDatabase } from "./database";
import type { SqliteInbox } from "./inbox";

export class SqliteTimers implements TimerStore {
  readonly #set;
  readonly #due;
  readonly #delete;
  readonly #nextDueAt;

  constructor(
    private readonly sql: SqliteDatabase,
    private readonly inbox: SqliteInbox,
  ) {
    const { db } = sql;
    this.#set = db.prepare(`
      INSERT INTO timers (psid, timer_id, due_at, event) VALUES (?, ?, ?, ?)
      ON CONFLICT (psid, timer_id) DO UPDATE SET due_at = excluded.due_at, event = excluded.event`);
    this.#due = db.prepare("SELECT * FROM timers WHERE due_at <= ? ORDER BY due_at, id LIMIT ?");
    this.#delete = db.prepare("DELETE FROM timers WHERE id = ?");
    this.#nextDueAt = db.prepare("SELECT MIN(due_at) FROM timers").pluck();
  }

  async fireDue(now: number, limit: number, toInbox: (timer: DueTimer) => NewInboxEvent) {
    return this.sql.write(() => {
      const due = this.#due.all(now, limit) as {
        id: number;
        psid: string;
        timer_id: string;
        due_at: number;
        event: string;
      }[];
      for (const t of due) {
        const event = JSON.parse(t.event) as EngineEvent;
        this.inbox.add(
          toInbox({ id: t.id, psid: t.psid, timerId: t.timer_id, dueAt: t.due_at, event }),
          now,
        );
        this.#delete.run(t.id);
      }
      return due.length;
    });
  }

  async nextDueAt() {
    return (this.#nextDueAt.get() as number | null) ?? undefined;
  }

  /** Inside a write: sets the contact's timer, or moves it. */
  set(psid: string, timer: NewTimer): void {
    this.#set.run(psid, timer.timerId, timer.dueAt, JSON.stringify(timer.event));
  }
}
