import type { NewTranscript } from "../contacts";
import type { NewInboxEvent } from "../inbox";
import type {
  OutboxClaim,
  OutboxItem,
  OutboxQueue,
  OutboxRow,
  OutboxStatus,
  ParkedNews,
} from "../outbox";
import { deliveredEvent } from "../webhooks";
import { alive, type PgDatabase, prepared, type Queryable, WAKE_CHANNEL } from "./database";
import { outcomeParams } from "./events";
import { addEvents } from "./inbox";
import { pgTranscript } from "./transcript";
import { enqueueSql } from "./webhooks";

interface OutboxRecord {
  id: number;
  psid: string;
  seq: number;
  item: OutboxItem;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: number;
  reason: string | null;
  code: string | null;
  message_id: string | null;
  parts_sent: number;
  created_at: number;
  received_at: number | null;
}

const toOutboxRow = (r: OutboxRecord): OutboxRow => ({
  id: r.id,
  psid: r.psid,
  item: r.item,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  reason: r.reason,
  code: r.code,
  messageId: r.message_id,
  partsSent: r.parts_sent,
  createdAt: r.created_at,
  receivedAt: r.received_at,
});

const NONE: Readonly<OutboxClaim> = Object.freeze({
  row: undefined,
  lastUserMessageAt: null,
  nextAt: undefined,
  more: false,
});

/**
 * The contact's oldest queued row, taken when it is due and nobody holds it, in one statement
 * (the head rows locked, so replicas take turns). A row held by another live replica tells that
 * replica (NOTIFY): rows queued behind the one it holds are its to send next.
 */
const CLAIM = `
  WITH head AS (
    SELECT * FROM outbox WHERE psid = $1 AND status = 'queued' ORDER BY seq LIMIT 2 FOR UPDATE
  ), first AS (SELECT * FROM head ORDER BY seq LIMIT 1),
  claimed AS (
    UPDATE outbox o SET claimed_at = $2, owner = $3 FROM first f
    WHERE o.id = f.id AND f.claimed_at IS NULL AND f.next_attempt_at <= $2
    RETURNING o.id
  )
  SELECT f.*, c.id AS claimed_id, (SELECT count(*) FROM head) > 1 AS more,
    CASE WHEN c.id IS NOT NULL AND f.item ->> 'kind' = 'message'
      THEN (SELECT last_user_message_at FROM contacts WHERE psid = $1) END AS last_user_message_at,
    CASE WHEN f.claimed_at IS NOT NULL AND f.owner <> $3
      THEN pg_notify('${WAKE_CHANNEL}', 'outbox ' || f.owner || ' ' || $1) END AS notified
  FROM first f LEFT JOIN claimed c ON true`;

/** Outgoing work: per contact in order, one row in hand across every replica. */
export class PgOutbox implements OutboxQueue {
  constructor(private readonly db: PgDatabase) {}

  async claimNext(psid: string, now: number): Promise<OutboxClaim> {
    const { rows } = await prepared<
      OutboxRecord & {
        claimed_id: number | null;
        more: boolean;
        last_user_message_at: number | null;
        claimed_at: number | null;
      }
    >(this.db.pool, CLAIM, [psid, now, this.db.replicaId]);
    const head = rows[0];
    if (!head || head.claimed_at !== null) return NONE;
    if (head.claimed_id === null) return { ...NONE, nextAt: head.next_attempt_at };
    return {
      row: toOutboxRow(head),
      lastUserMessageAt: head.last_user_message_at,
      nextAt: undefined,
      more: head.more,
    };
  }

  async dueContacts(now: number, limit: number, exclude: ReadonlySet<string>) {
    const q = this.db.pool;
    const { rows } = await prepared<{ psid: string }>(
      q,
      `SELECT o.psid FROM outbox o
       WHERE o.status = 'queued' AND o.next_attempt_at <= $1 AND o.claimed_at IS NULL
         AND o.seq = (SELECT MIN(p.seq) FROM outbox p WHERE p.psid = o.psid AND p.status = 'queued')
         AND NOT (o.psid = ANY($3::text[]))
       ORDER BY o.id LIMIT $2`,
      [now, limit, [...exclude]],
    );
    const next = await prepared<{ at: number | null }>(
      q,
      "SELECT MIN(next_attempt_at) AS at FROM outbox WHERE status = 'queued' AND next_attempt_at > $1",
      [now],
    );
    return { psids: rows.map((r) => r.psid), nextAt: next.rows[0]?.at ?? undefined };
  }

  /**
   * Rows held by replicas that died (every call), and rows held since before `claimedBefore`
   * (a live one lost track of them), go back to the queue; messages among them wait for their echo.
   */
  async release(hold: { until: number; reason: string }, claimedBefore?: number) {
    const { rowCount } = await prepared(
      this.db.pool,
      `UPDATE outbox SET claimed_at = NULL, owner = NULL,
         next_attempt_at = CASE WHEN item ->> 'kind' = 'message'
           THEN GREATEST(next_attempt_at, $1) ELSE next_attempt_at END,
         reason = CASE WHEN item ->> 'kind' = 'message' THEN $2 ELSE reason END
       WHERE status = 'queued' AND claimed_at IS NOT NULL
         AND (claimed_at < $3 OR NOT ${alive("owner", "$4")})`,
      [hold.until, hold.reason, claimedBefore ?? -1, this.db.options.leaseMs],
    );
    return rowCount ?? 0;
  }

  async markSent(id: number, messageId: string | null, now: number, brandEventId?: string) {
    if (brandEventId === undefined || messageId === null) {
      await markSent(this.db.pool, id, messageId, now);
      return;
    }
    // One statement, so one transaction: the row, its brand event, and the brand told.
    const delivered = deliveredEvent(brandEventId, messageId, now);
    await prepared(
      this.db.pool,
      `WITH sent AS (${MARK_SENT} RETURNING 1
       ), settled AS (
         UPDATE brand_events SET status = 'sent', updated_at = $2,
           message_ids = message_ids || to_jsonb($1::text)
         WHERE id = $4 AND status IN ('queued', 'sent') AND NOT message_ids ? $1
         RETURNING 1
       ), hooked AS (${enqueueSql("$5", "$6", "$2", "EXISTS (SELECT 1 FROM settled)")}
         RETURNING 1
       ) SELECT 1`,
      [messageId, now, id, brandEventId, [delivered.type], [delivered.body]],
    );
  }

  async markPartsSent(id: number, parts: number) {
    await prepared(
      this.db.pool,
      "UPDATE outbox SET parts_sent = greatest(parts_sent, $1) WHERE id = $2",
      [parts, id],
    );
  }

  async markRetry(id: number, nextAttemptAt: number, reason: string, code: string) {
    await prepared(
      this.db.pool,
      `UPDATE outbox SET next_attempt_at = $1, reason = $2, code = $3, attempts = attempts + 1,
         claimed_at = NULL, owner = NULL WHERE id = $4 AND status = 'queued'`,
      [nextAttemptAt, reason, code, id],
    );
  }

  async markParked(id: number, reason: string, code: string, now: number, news?: ParkedNews) {
    const told = news?.told ?? [];
    // One statement, so one transaction: the row, its brand event's outcome, and the brand told,
    // the last two only if the row was still queued (an echo may have settled it as sent).
    await prepared(
      this.db.pool,
      `WITH parked AS (
         UPDATE outbox SET status = 'parked', reason = $1, code = $2, sent_at = $3,
           attempts = attempts + 1, claimed_at = NULL, owner = NULL
         WHERE id = $4 AND status = 'queued' RETURNING 1
       ), settled AS (
         UPDATE brand_events SET status = $6::text, reason = $7::text, error = $8::json, updated_at = $3
         WHERE id = $5::text AND status <> 'failed' AND EXISTS (SELECT 1 FROM parked)
         RETURNING 1
       ), hooked AS (${enqueueSql("$9", "$10", "$3", "EXISTS (SELECT 1 FROM parked)")}
         RETURNING 1
       ) SELECT 1`,
      [
        reason,
        code,
        now,
        id,
        news?.brandEvent?.id ?? null,
        ...outcomeParams(news?.brandEvent?.outcome),
        told.map((e) => e.type),
        told.map((e) => e.body),
      ],
    );
  }

  async completeHttp(id: number, answer: NewInboxEvent, now: number) {
    await this.db.tx(async (q) => {
      await markSent(q, id, null, now);
      await addEvents(q, [answer], now);
    });
  }

  async enqueue(psid: string, item: OutboxItem, line: NewTranscript, now: number) {
    return this.db.tx(async (q) => {
      // The contact's row first: it is the lock a step's commit takes too, so sequence numbers
      // are given out one writer at a time.
      await prepared(q, "UPDATE contacts SET last_activity_at = $1 WHERE psid = $2", [now, psid]);
      const [id] = await appendOutbox(q, psid, [item], now, null);
      await pgTranscript.insert(q, psid, [line], [id as number]);
      return id as number;
    });
  }

  async parked() {
    const { rows } = await prepared<OutboxRecord>(
      this.db.pool,
      "SELECT * FROM outbox WHERE status = 'parked' ORDER BY id DESC",
    );
    return rows.map(toOutboxRow);
  }

  async retryParked(id: number, now: number) {
    const { rowCount } = await prepared(
      this.db.pool,
      `UPDATE outbox SET status = 'queued', next_attempt_at = $1, claimed_at = NULL, owner = NULL
       WHERE id = $2 AND status = 'parked'`,
      [now, id],
    );
    return (rowCount ?? 0) > 0;
  }
}

/**
 * An echo may have confirmed the row first: its message id and time stay; a failure report that
 * came first (a WhatsApp `failed` status racing the answer) keeps it failed.
 */
const MARK_SENT = `
  UPDATE outbox SET status = CASE status WHEN 'failed' THEN 'failed' ELSE 'sent' END,
    message_id = coalesce(message_id, $1),
    sent_at = coalesce(sent_at, $2), attempts = attempts + 1, claimed_at = NULL, owner = NULL
  WHERE id = $3`;

async function markSent(q: Queryable, id: number, messageId: string | null, now: number) {
  await prepared(q, MARK_SENT, [messageId, now, id]);
}

/**
 * Inside a transaction holding the contact's row: queues the items after the contact's rows, due
 * at once, in one statement; returns their ids in order.
 */
export async function appendOutbox(
  q: Queryable,
  psid: string,
  items: readonly OutboxItem[],
  now: number,
  receivedAt: number | null,
): Promise<number[]> {
  if (items.length === 0) return [];
  const { rows } = await prepared<{ id: number; seq: number }>(
    q,
    `INSERT INTO outbox (psid, seq, item, status, next_attempt_at, created_at, received_at)
     SELECT $1, b.base + u.n, u.item::json, 'queued', $3, $3, $4
     FROM unnest($2::text[]) WITH ORDINALITY AS u(item, n),
       (SELECT coalesce(MAX(seq), 0) AS base FROM outbox WHERE psid = $1) b
     ORDER BY u.n
     RETURNING id, seq`,
    [psid, items.map((i) => JSON.stringify(i)), now, receivedAt],
  );
  return rows.sort((a, b) => a.seq - b.seq).map((r) => r.id);
}
