import type {
  FailedEvent,
  InboxQueue,
  InboxRecords,
  NewInboxEvent,
  RecordedEvent,
  RecordKind,
} from "../inbox";
import { deliveredEvent } from "../webhooks";
import type { SqliteDatabase } from "./database";
import { type InboxRecord, toInboxRow } from "./rows";
import type { SqliteWebhooks } from "./webhooks";

function statements(sql: SqliteDatabase) {
  const { db } = sql;
  return {
    insert: db.prepare(`
      INSERT INTO inbox (dedupe_key, psid, kind, event, status, received_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (dedupe_key) DO NOTHING`),
    // An echo's proof of delivery: the outbox row it names is sent, if it is that contact's.
    confirmOutbox: db
      .prepare(`
        UPDATE outbox SET status = 'sent', claimed_at = NULL, reason = NULL,
          message_id = coalesce(message_id, ?), sent_at = coalesce(sent_at, ?)
        WHERE id = ? AND psid = ? AND status = 'queued'
        RETURNING coalesce(item ->> '$.brandEventId', '') AS event_id`)
      .pluck(),
    // A channel's report that a send it accepted failed later (WhatsApp's `failed` status).
    failOutbox: db.prepare(`
      UPDATE outbox SET status = 'failed', claimed_at = NULL, reason = ?, code = ?
      WHERE id = ? AND psid = ? AND status IN ('queued', 'sent')`),
    // A brand event's message went out: the event is sent, with the message id (once).
    eventSent: db.prepare(`
      UPDATE brand_events SET status = 'sent', updated_at = ?,
        message_ids = json_insert(message_ids, '$[#]', ?)
      WHERE id = ? AND status IN ('queued', 'sent')
        AND NOT EXISTS (SELECT 1 FROM json_each(message_ids) WHERE value = ?)`),
    claim: db.prepare(
      "UPDATE inbox SET status = 'processing', attempts = attempts + 1 WHERE id = ?",
    ),
    head: db.prepare(`
      SELECT id, psid, kind, event, attempts, received_at, status FROM inbox
      INDEXED BY inbox_pending_psid WHERE psid = ? AND status IN ('pending', 'processing') ORDER BY id LIMIT 2`),
    // Each contact's oldest unfinished event, when it is pending (not in hand): however long
    // one contact's backlog, the others are found.
    pendingContacts: db
      .prepare(`
        SELECT psid FROM inbox i INDEXED BY inbox_pending WHERE status = 'pending' AND id = (
          SELECT MIN(id) FROM inbox p INDEXED BY inbox_pending_psid
          WHERE p.psid = i.psid AND p.status IN ('pending', 'processing'))
        ORDER BY id LIMIT ?`)
      .pluck(),
    releaseAll: db.prepare(
      "UPDATE inbox INDEXED BY inbox_pending_psid SET status = 'pending' WHERE status IN ('pending', 'processing') AND status = 'processing'",
    ),
    releaseOne: db.prepare(
      "UPDATE inbox SET status = 'pending' WHERE id = ? AND status = 'processing'",
    ),
    finish: db.prepare("UPDATE inbox SET status = 'done', processed_at = ? WHERE id = ?"),
    fail: db.prepare("UPDATE inbox SET status = 'failed', error = ? WHERE id = ?"),
    // No index: failed events are rare, and this is an operator's page, not the pipeline.
    failed: db.prepare(
      "SELECT id, psid, kind, error, attempts, received_at FROM inbox WHERE status = 'failed' ORDER BY id DESC LIMIT 500",
    ),
    recorded: db.prepare(`
      SELECT id, psid, kind, event, received_at FROM inbox INDEXED BY inbox_records
      WHERE kind IN ('unknown', 'standby:unknown', 'policy_enforcement')
        AND kind IN (SELECT value FROM json_each(?)) ORDER BY id DESC LIMIT ?`),
    retryFailed: db.prepare(
      "UPDATE inbox SET status = 'pending', error = NULL WHERE id = ? AND status = 'failed' RETURNING psid",
    ),
  };
}

export class SqliteInbox implements InboxQueue, InboxRecords {
  readonly #s;

  constructor(
    private readonly sql: SqliteDatabase,
    private readonly webhooks: SqliteWebhooks,
  ) {
    this.#s = statements(sql);
  }

  async insert(events: readonly NewInboxEvent[], now: number): Promise<number> {
    // Durable: the webhook answers 200 once this resolves, and Meta will not send the event again.
    return this.sql.write(
      () => {
        let inserted = 0;
        for (const e of events) inserted += this.add(e, now);
        return inserted;
      },
      { durable: true },
    );
  }

  async claimNext(psid: string) {
    return this.sql.write(() => {
      const [head, after] = this.#s.head.all(psid) as (InboxRecord & { status: string })[];
      if (head?.status !== "pending") return { row: undefined, more: false };
      this.#s.claim.run(head.id);
      return { row: toInboxRow(head), more: after !== undefined };
    });
  }

  async pendingContacts(limit: number, exclude: ReadonlySet<string>) {
    const psids: string[] = [];
    for (const psid of this.#s.pendingContacts.all(limit + exclude.size) as string[]) {
      if (!exclude.has(psid)) psids.push(psid);
      if (psids.length >= limit) break;
    }
    return psids;
  }

  async release(ids?: readonly number[]) {
    if (!ids) {
      this.#s.releaseAll.run();
      return;
    }
    this.sql.db.transaction(() => {
      for (const id of ids) this.#s.releaseOne.run(id);
    })();
  }

  async fail(inboxId: number, error: string) {
    await this.sql.write(() => this.#s.fail.run(error, inboxId));
  }

  async failed(): Promise<FailedEvent[]> {
    return (
      this.#s.failed.all() as {
        id: number;
        psid: string;
        kind: string;
        error: string | null;
        attempts: number;
        received_at: number;
      }[]
    ).map((r) => ({
      id: r.id,
      psid: r.psid,
      kind: r.kind,
      error: r.error,
      attempts: r.attempts,
      receivedAt: r.received_at,
    }));
  }

  async recorded(kinds: readonly RecordKind[], limit: number): Promise<RecordedEvent[]> {
    const rows = this.#s.recorded.all(JSON.stringify(kinds), limit) as {
      id: number;
      psid: string;
      kind: string;
      event: string;
      received_at: number;
    }[];
    return rows.map((r) => ({
      id: r.id,
      psid: r.psid,
      kind: r.kind,
      event: JSON.parse(r.event) as RecordedEvent["event"],
      receivedAt: r.received_at,
    }));
  }

  async retryFailed(id: number) {
    return this.sql.write(() => this.#s.retryFailed.get(id) as { psid: string } | undefined);
  }

  /** Inside a write: one event (and the outbox row it confirms); 1 when it was new. */
  add(e: NewInboxEvent, now: number): number {
    if (e.confirms && e.psid) {
      const { messageId, outboxId } = e.confirms;
      // The row confirmed may answer a brand event (a crash before the send was recorded).
      const eventId = this.#s.confirmOutbox.get(messageId, now, outboxId, e.psid) as
        | string
        | undefined;
      if (eventId) this.eventDelivered(eventId, messageId, now);
    }
    if (e.fails && e.psid) {
      this.#s.failOutbox.run(e.fails.reason, e.fails.code, e.fails.outboxId, e.psid);
    }
    const status = e.actionable ? "pending" : "recorded";
    return this.#s.insert.run(
      e.dedupeKey,
      e.psid ?? "",
      e.kind,
      JSON.stringify(e.event),
      status,
      now,
    ).changes;
  }

  /**
   * Inside a write: a message of brand event `eventId` went out. The event is sent with the
   * message id, and the brand's endpoints get `event.delivered`, once per message id.
   */
  eventDelivered(eventId: string, messageId: string, now: number): void {
    if (this.#s.eventSent.run(now, messageId, eventId, messageId).changes > 0) {
      this.webhooks.enqueueInside([deliveredEvent(eventId, messageId, now)], now);
    }
  }

  /** Inside a write: the event's step is committed. */
  finish(inboxId: number, now: number): void {
    this.#s.finish.run(now, inboxId);
  }
}
