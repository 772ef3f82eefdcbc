import type {
  FailedEvent,
  InboxQueue,
  InboxRecords,
  InboxRow,
  NewInboxEvent,
  RecordedEvent,
  RecordKind,
} from "../inbox";
import { deliveredEvent } from "../webhooks";
import { alive, type PgDatabase, prepared, type Queryable, WAKE_CHANNEL } from "./database";
import { enqueueSql } from "./webhooks";

interface InboxRecord {
  id: number;
  psid: string;
  kind: string;
  event: InboxRow["event"];
  attempts: number;
  received_at: number;
}

const toInboxRow = (r: InboxRecord): InboxRow => ({
  id: r.id,
  psid: r.psid,
  kind: r.kind,
  event: r.event,
  attempts: r.attempts,
  receivedAt: r.received_at,
});

/**
 * The contact's oldest unfinished event, taken when it is pending or its holder is dead, in one
 * statement. The head rows are locked (FOR UPDATE), so two replicas claiming one contact take
 * turns: the second sees the event in hand. When a live replica holds it, that replica is told
 * (NOTIFY), so an event stored by another replica behind the one it holds is not left to a scan.
 */
const CLAIM = `
  WITH head AS (
    SELECT id, status, owner FROM inbox
    WHERE psid = $1 AND status IN ('pending', 'processing') ORDER BY id LIMIT 2 FOR UPDATE
  ), first AS (SELECT * FROM head ORDER BY id LIMIT 1),
  claimed AS (
    UPDATE inbox i SET status = 'processing', owner = $2, attempts = i.attempts + 1
    FROM first f
    WHERE i.id = f.id AND (f.status = 'pending' OR NOT ${alive("f.owner", "$3")})
    RETURNING i.id, i.psid, i.kind, i.event, i.attempts - 1 AS attempts, i.received_at
  )
  SELECT c.*, (SELECT count(*) FROM head) > 1 AS more,
    CASE WHEN c.id IS NULL AND f.owner IS NOT NULL AND f.owner <> $2
      THEN pg_notify('${WAKE_CHANNEL}', 'inbox ' || f.owner || ' ' || $1) END AS notified
  FROM (SELECT 1) one LEFT JOIN claimed c ON true LEFT JOIN first f ON true`;

/** Incoming events: per contact in arrival order, one in hand across every replica. */
export class PgInbox implements InboxQueue, InboxRecords {
  constructor(private readonly db: PgDatabase) {}

  async insert(events: readonly NewInboxEvent[], now: number): Promise<number> {
    if (events.length === 0) return 0;
    if (!events.some((e) => e.confirms || e.fails)) return addEvents(this.db.pool, events, now);
    return this.db.tx((q) => addEvents(q, events, now));
  }

  async claimNext(psid: string) {
    const { rows } = await prepared<InboxRecord & { more: boolean }>(this.db.pool, CLAIM, [
      psid,
      this.db.replicaId,
      this.db.options.leaseMs,
    ]);
    const r = rows[0];
    if (!r || r.id === null) return { row: undefined, more: false };
    return { row: toInboxRow(r), more: r.more };
  }

  async pendingContacts(limit: number, exclude: ReadonlySet<string>) {
    // Each contact's oldest unfinished event, when it is pending or its holder died.
    const { rows } = await prepared<{ psid: string }>(
      this.db.pool,
      `SELECT psid FROM inbox i WHERE status IN ('pending', 'processing') AND id = (
         SELECT MIN(id) FROM inbox p WHERE p.psid = i.psid AND p.status IN ('pending', 'processing'))
       AND (status = 'pending' OR NOT ${alive("i.owner", "$2")})
       AND NOT (psid = ANY($3::text[]))
       ORDER BY id LIMIT $1`,
      [limit, this.db.options.leaseMs, [...exclude]],
    );
    return rows.map((r) => r.psid);
  }

  async release(ids?: readonly number[]) {
    if (ids) {
      await prepared(
        this.db.pool,
        "UPDATE inbox SET status = 'pending', owner = NULL WHERE id = ANY($1::bigint[]) AND status = 'processing' AND owner = $2",
        [ids, this.db.replicaId],
      );
      return;
    }
    // At start: what dead replicas held (a live one's events are its own).
    await prepared(
      this.db.pool,
      `UPDATE inbox SET status = 'pending', owner = NULL
       WHERE status IN ('pending', 'processing') AND status = 'processing' AND NOT ${alive("owner", "$1")}`,
      [this.db.options.leaseMs],
    );
  }

  async fail(inboxId: number, error: string) {
    // Only by its holder: a replica that lost its lease does not set aside another's event.
    await prepared(
      this.db.pool,
      "UPDATE inbox SET status = 'failed', error = $1, owner = NULL WHERE id = $2 AND status = 'processing' AND owner = $3",
      [error, inboxId, this.db.replicaId],
    );
  }

  async failed(): Promise<FailedEvent[]> {
    const { rows } = await prepared<{
      id: number;
      psid: string;
      kind: string;
      error: string | null;
      attempts: number;
      received_at: number;
    }>(
      this.db.pool,
      "SELECT id, psid, kind, error, attempts, received_at FROM inbox WHERE status = 'failed' ORDER BY id DESC LIMIT 500",
    );
    return rows.map((r) => ({
      id: r.id,
      psid: r.psid,
      kind: r.kind,
      error: r.error,
      attempts: r.attempts,
      receivedAt: r.received_at,
    }));
  }

  async recorded(kinds: readonly RecordKind[], limit: number): Promise<RecordedEvent[]> {
    // The first condition is the partial index's own, so the planner takes it.
    const { rows } = await prepared<{
      id: number;
      psid: string;
      kind: string;
      event: RecordedEvent["event"];
      received_at: number;
    }>(
      this.db.pool,
      `SELECT id, psid, kind, event, received_at FROM inbox
       WHERE kind IN ('unknown', 'standby:unknown', 'policy_enforcement') AND kind = ANY($1::text[])
       ORDER BY id DESC LIMIT $2`,
      [kinds, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      psid: r.psid,
      kind: r.kind,
      event: r.event,
      receivedAt: r.received_at,
    }));
  }

  async retryFailed(id: number) {
    const { rows } = await prepared<{ psid: string }>(
      this.db.pool,
      "UPDATE inbox SET status = 'pending', error = NULL, owner = NULL WHERE id = $1 AND status = 'failed' RETURNING psid",
      [id],
    );
    return rows[0] && { psid: rows[0].psid };
  }
}

/**
 * Inside a transaction (when an echo confirms a send, or a channel reports one failed): the events
 * in one statement, redeliveries dropped by the unique key, and the outbox rows the echoes confirm
 * or the reports fail. Returns how many were new.
 */
export async function addEvents(
  q: Queryable,
  events: readonly NewInboxEvent[],
  now: number,
): Promise<number> {
  const confirms = events.filter((e) => e.confirms && e.psid);
  if (confirms.length > 0) {
    // An echo's proof of delivery: the outbox row it names is sent, if it is that contact's, and
    // so is the brand event the row answers (with the message id; a crash before the send was
    // recorded), whose endpoints are then told.
    const { rows: delivered } = await prepared<{ id: string; mid: string }>(
      q,
      `WITH confirmed AS (
         UPDATE outbox o SET status = 'sent', claimed_at = NULL, owner = NULL, reason = NULL,
           message_id = coalesce(o.message_id, c.mid), sent_at = coalesce(o.sent_at, $4)
         FROM unnest($1::bigint[], $2::text[], $3::text[]) AS c(id, psid, mid)
         WHERE o.id = c.id AND o.psid = c.psid AND o.status = 'queued'
         RETURNING o.item ->> 'brandEventId' AS event_id, c.mid
       )
       UPDATE brand_events b SET status = 'sent', updated_at = $4,
         message_ids = b.message_ids || to_jsonb(c.mid)
       FROM confirmed c
       WHERE b.id = c.event_id AND b.status IN ('queued', 'sent') AND NOT b.message_ids ? c.mid
       RETURNING b.id, c.mid`,
      [
        confirms.map((e) => e.confirms?.outboxId),
        confirms.map((e) => e.psid),
        confirms.map((e) => e.confirms?.messageId),
        now,
      ],
    );
    if (delivered.length > 0) {
      const out = delivered.map((d) => deliveredEvent(d.id, d.mid, now));
      await prepared(q, enqueueSql("$1", "$2", "$3"), [
        out.map((e) => e.type),
        out.map((e) => e.body),
        now,
      ]);
    }
  }
  const fails = events.filter((e) => e.fails && e.psid);
  if (fails.length > 0) {
    // A channel's report that a send it accepted failed later (WhatsApp's `failed` status).
    await prepared(
      q,
      `UPDATE outbox o SET status = 'failed', claimed_at = NULL, owner = NULL,
         reason = f.reason, code = f.code
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS f(id, psid, reason, code)
       WHERE o.id = f.id AND o.psid = f.psid AND o.status IN ('queued', 'sent')`,
      [
        fails.map((e) => e.fails?.outboxId),
        fails.map((e) => e.psid),
        fails.map((e) => e.fails?.reason),
        fails.map((e) => e.fails?.code),
      ],
    );
  }
  const { rowCount } = await prepared(
    q,
    `INSERT INTO inbox (dedupe_key, psid, kind, event, status, received_at)
     SELECT u.key, u.psid, u.kind, u.event::json, u.status, $6
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY
       AS u(key, psid, kind, event, status, n)
     ORDER BY u.n
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [
      events.map((e) => e.dedupeKey),
      events.map((e) => e.psid ?? ""),
      events.map((e) => e.kind),
      events.map((e) => JSON.stringify(e.event)),
      events.map((e) => (e.actionable ? "pending" : "recorded")),
      now,
    ],
  );
  return rowCount ?? 0;
}
