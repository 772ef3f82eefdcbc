import type {
  BrandEventOutcome,
  BrandEventRow,
  BrandEventStatus,
  EventStore,
  NewBrandEvent,
} from "../events";
import type { NewInboxEvent } from "../inbox";
import { type PgDatabase, prepared } from "./database";
import { addEvents } from "./inbox";

interface EventRecord {
  id: string;
  idempotency_key: string;
  name: string;
  contact: Record<string, string>;
  psid: string;
  data: Record<string, unknown>;
  status: BrandEventStatus;
  reason: string | null;
  error: BrandEventRow["error"];
  message_ids: string[];
  created_at: number;
  updated_at: number;
}

const toRow = (r: EventRecord): BrandEventRow => ({
  id: r.id,
  idempotencyKey: r.idempotency_key,
  name: r.name,
  contact: r.contact,
  psid: r.psid,
  data: r.data,
  status: r.status,
  reason: r.reason,
  error: r.error,
  messageIds: r.message_ids,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const COLUMNS = `id, idempotency_key, name, contact, psid, data, status, reason, error, message_ids,
  created_at, updated_at`;

/** A brand event's end, unless it already failed. */
const SETTLE_SQL = `
  UPDATE brand_events SET status = $1::text, reason = $2::text, error = $3::json, updated_at = $4
  WHERE id = $5 AND status <> 'failed'`;

/** An outcome as SQL parameters: status, reason, error (JSON); all null for none. */
export const outcomeParams = (o: BrandEventOutcome | undefined) => [
  o?.status ?? null,
  o?.status === "skipped" ? o.reason : null,
  o?.status === "failed" ? JSON.stringify(o.error) : null,
];

/** The events the brand posts, each accepted once per idempotency key with its inbox event. */
export class PgEvents implements EventStore {
  constructor(private readonly db: PgDatabase) {}

  async accept(events: readonly { event: NewBrandEvent; inbox: NewInboxEvent }[], now: number) {
    if (events.length === 0) return [];
    return this.db.tx(async (q) => {
      const inserted = await prepared<{ id: string }>(
        q,
        `INSERT INTO brand_events (id, idempotency_key, name, contact, psid, data, status, created_at, updated_at)
         SELECT u.id, u.key, u.name, u.contact::json, u.psid, u.data::json, 'queued', $7, $7
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
           WITH ORDINALITY AS u(id, key, name, contact, psid, data, n)
         ORDER BY u.n
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
        [
          events.map((e) => e.event.id),
          events.map((e) => e.event.idempotencyKey),
          events.map((e) => e.event.name),
          events.map((e) => JSON.stringify(e.event.contact)),
          events.map((e) => e.event.psid),
          events.map((e) => JSON.stringify(e.event.data)),
          now,
        ],
      );
      // Created: the first of its key in the batch whose row went in.
      const fresh = new Set(inserted.rows.map((r) => r.id));
      const seen = new Set<string>();
      const created = events.map(({ event: e }) => {
        const first = !seen.has(e.idempotencyKey);
        seen.add(e.idempotencyKey);
        return first && fresh.has(e.id);
      });
      const inbox = events.filter((_, i) => created[i]).map((e) => e.inbox);
      if (inbox.length > 0) await addEvents(q, inbox, now);
      const { rows } = await prepared<EventRecord>(
        q,
        `SELECT ${COLUMNS} FROM brand_events WHERE idempotency_key = ANY($1::text[])`,
        [[...seen]],
      );
      const byKey = new Map(rows.map((r) => [r.idempotency_key, toRow(r)]));
      return events.map(({ event: e }, i) => ({
        row: byKey.get(e.idempotencyKey) as BrandEventRow,
        created: created[i] as boolean,
      }));
    });
  }

  async get(id: string) {
    const { rows } = await prepared<EventRecord>(
      this.db.pool,
      `SELECT ${COLUMNS} FROM brand_events WHERE id = $1`,
      [id],
    );
    return rows[0] && toRow(rows[0]);
  }

  async ofContact(psid: string, limit: number) {
    const { rows } = await prepared<EventRecord>(
      this.db.pool,
      `SELECT ${COLUMNS} FROM brand_events WHERE psid = $1 ORDER BY created_at DESC, n DESC LIMIT $2`,
      [psid, limit],
    );
    return rows.map(toRow);
  }

  async settle(id: string, outcome: BrandEventOutcome, now: number) {
    await prepared(this.db.pool, SETTLE_SQL, [...outcomeParams(outcome), now, id]);
  }
}
