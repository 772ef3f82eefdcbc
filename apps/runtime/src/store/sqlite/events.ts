import type {
  BrandEventOutcome,
  BrandEventRow,
  BrandEventStatus,
  EventStore,
  NewBrandEvent,
} from "../events";
import type { NewInboxEvent } from "../inbox";
import type { SqliteDatabase } from "./database";
import type { SqliteInbox } from "./inbox";

interface EventRecord {
  id: string;
  idempotency_key: string;
  name: string;
  contact: string;
  psid: string;
  data: string;
  status: BrandEventStatus;
  reason: string | null;
  error: string | null;
  message_ids: string;
  created_at: number;
  updated_at: number;
}

const toRow = (r: EventRecord): BrandEventRow => ({
  id: r.id,
  idempotencyKey: r.idempotency_key,
  name: r.name,
  contact: JSON.parse(r.contact) as Record<string, string>,
  psid: r.psid,
  data: JSON.parse(r.data) as Record<string, unknown>,
  status: r.status,
  reason: r.reason,
  error: r.error === null ? null : (JSON.parse(r.error) as BrandEventRow["error"]),
  messageIds: JSON.parse(r.message_ids) as string[],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export class SqliteEvents implements EventStore {
  readonly #s;

  constructor(
    private readonly sql: SqliteDatabase,
    private readonly inbox: SqliteInbox,
  ) {
    const { db } = sql;
    this.#s = {
      insert: db.prepare(`
        INSERT INTO brand_events (id, idempotency_key, name, contact, psid, data, status, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`),
      byKey: db.prepare("SELECT * FROM brand_events WHERE idempotency_key = ?"),
      get: db.prepare("SELECT * FROM brand_events WHERE id = ?"),
      ofContact: db.prepare(
        "SELECT * FROM brand_events WHERE psid = ? ORDER BY created_at DESC, rowid DESC LIMIT ?",
      ),
      settle: db.prepare(
        "UPDATE brand_events SET status = ?, reason = ?, error = ?, updated_at = ? WHERE id = ? AND status <> 'failed'",
      ),
    };
  }

  async accept(events: readonly { event: NewBrandEvent; inbox: NewInboxEvent }[], now: number) {
    return this.sql.write(() =>
      events.map(({ event: e, inbox }) => {
        const created =
          this.#s.insert.run(
            e.id,
            e.idempotencyKey,
            e.name,
            JSON.stringify(e.contact),
            e.psid,
            JSON.stringify(e.data),
            now,
            now,
          ).changes > 0;
        if (created) this.inbox.add(inbox, now);
        return { row: toRow(this.#s.byKey.get(e.idempotencyKey) as EventRecord), created };
      }),
    );
  }

  async get(id: string) {
    const r = this.#s.get.get(id) as EventRecord | undefined;
    return r ? toRow(r) : undefined;
  }

  async ofContact(psid: string, limit: number) {
    return (this.#s.ofContact.all(psid, limit) as EventRecord[]).map(toRow);
  }

  async settle(id: string, outcome: BrandEventOutcome, now: number) {
    await this.sql.write(() => this.settleInside(id, outcome, now));
  }

  /** Inside a write. */
  settleInside(id: string, outcome: BrandEventOutcome, now: number): void {
    this.#s.settle.run(
      outcome.status,
      outcome.status === "skipped" ? outcome.reason : null,
      outcome.status === "failed" ? JSON.stringify(outcome.error) : null,
      now,
      id,
    );
  }
}
