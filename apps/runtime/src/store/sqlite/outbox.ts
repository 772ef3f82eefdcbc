import type { NewTranscript } from "../contacts";
import type { NewInboxEvent } from "../inbox";
import type { OutboxClaim, OutboxItem, OutboxQueue, ParkedNews } from "../outbox";
import type { SqliteContacts } from "./contacts";
import type { SqliteDatabase } from "./database";
import type { SqliteEvents } from "./events";
import type { SqliteInbox } from "./inbox";
import { type OutboxRecord, toOutboxRow } from "./rows";
import type { SqliteTranscript } from "./transcript";
import type { SqliteWebhooks } from "./webhooks";

/** Nothing to take: shared, so a contact found idle costs no allocation. */
const NONE: Readonly<OutboxClaim> = Object.freeze({
  row: undefined,
  lastUserMessageAt: null,
  nextAt: undefined,
  more: false,
});

function statements(sql: SqliteDatabase) {
  const { db } = sql;
  return {
    nextSeq: db.prepare("SELECT coalesce(MAX(seq), 0) FROM outbox WHERE psid = ?").pluck(),
    insert: db.prepare(`
      INSERT INTO outbox (psid, seq, item, status, next_attempt_at, created_at, received_at)
      VALUES (?, ?, ?, 'queued', ?, ?, ?)`),
    head: db.prepare(
      "SELECT * FROM outbox WHERE psid = ? AND status = 'queued' ORDER BY seq LIMIT 1",
    ),
    // Whether a second row waits: the index alone answers it.
    more: db
      .prepare("SELECT 1 FROM outbox WHERE psid = ? AND status = 'queued' AND seq > ? LIMIT 1")
      .pluck(),
    claim: db.prepare("UPDATE outbox SET claimed_at = ? WHERE id = ?"),
    // Each contact's oldest queued row, when it is due and nobody holds it: rows waiting for a
    // retry never hide the contacts behind them.
    dueHeads: db
      .prepare(`
        SELECT o.psid FROM outbox o
        WHERE o.status = 'queued' AND o.next_attempt_at <= ? AND o.claimed_at IS NULL
          AND o.seq = (
            SELECT MIN(p.seq) FROM outbox p WHERE p.psid = o.psid AND p.status = 'queued')
        ORDER BY o.id LIMIT ?`)
      .pluck(),
    nextRetryAt: db
      .prepare(
        "SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'queued' AND next_attempt_at > ?",
      )
      .pluck(),
    releaseMessages: db.prepare(`
      UPDATE outbox SET claimed_at = NULL, next_attempt_at = max(next_attempt_at, ?), reason = ?
      WHERE status = 'queued' AND claimed_at < ? AND item ->> '$.kind' = 'message'`),
    releaseOthers: db.prepare(
      "UPDATE outbox SET claimed_at = NULL WHERE status = 'queued' AND claimed_at < ?",
    ),
    // An echo may have confirmed the row first: its message id and time stay.
    markSent: db.prepare(`
      UPDATE outbox SET status = CASE status WHEN 'failed' THEN 'failed' ELSE 'sent' END,
        message_id = coalesce(message_id, ?),
        sent_at = coalesce(sent_at, ?), attempts = attempts + 1, claimed_at = NULL WHERE id = ?`),
    markPartsSent: db.prepare("UPDATE outbox SET parts_sent = max(parts_sent, ?) WHERE id = ?"),
    markRetry: db.prepare(
      "UPDATE outbox SET next_attempt_at = ?, reason = ?, code = ?, attempts = attempts + 1, claimed_at = NULL WHERE id = ? AND status = 'queued'",
    ),
    markParked: db.prepare(
      "UPDATE outbox SET status = 'parked', reason = ?, code = ?, sent_at = ?, attempts = attempts + 1, claimed_at = NULL WHERE id = ? AND status = 'queued'",
    ),
    parked: db.prepare("SELECT * FROM outbox WHERE status = 'parked' ORDER BY id DESC"),
    retryParked: db.prepare(
      "UPDATE outbox SET status = 'queued', next_attempt_at = ?, claimed_at = NULL WHERE id = ? AND status = 'parked'",
    ),
  };
}

export class SqliteOutbox implements OutboxQueue {
  readonly #s;

  constructor(
    private readonly sql: SqliteDatabase,
    private readonly contacts: SqliteContacts,
    private readonly lines: SqliteTranscript,
    private readonly inbox: SqliteInbox,
    /** Where a parked row's news is written, in the row's own write. */
    private readonly news: { events: SqliteEvents; webhooks: SqliteWebhooks },
  ) {
    this.#s = statements(sql);
  }

  async claimNext(psid: string, now: number): Promise<OutboxClaim> {
    return this.sql.write(() => {
      const head = this.#s.head.get(psid) as OutboxRecord | undefined;
      if (!head || head.claimed_at !== null) return NONE;
      if (head.next_attempt_at > now) return { ...NONE, nextAt: head.next_attempt_at };
      this.#s.claim.run(now, head.id);
      const row = toOutboxRow(head);
      return {
        row,
        lastUserMessageAt:
          row.item.kind === "message" ? this.contacts.lastUserMessageAt(psid) : null,
        nextAt: undefined,
        more: this.#s.more.get(psid, head.seq) !== undefined,
      };
    });
  }

  async dueContacts(now: number, limit: number, exclude: ReadonlySet<string>) {
    const psids: string[] = [];
    for (const psid of this.#s.dueHeads.all(now, limit + exclude.size) as string[]) {
      if (!exclude.has(psid)) psids.push(psid);
      if (psids.length >= limit) break;
    }
    const nextAt = (this.#s.nextRetryAt.get(now) as number | null) ?? undefined;
    return { psids, nextAt };
  }

  async release(hold: { until: number; reason: string }, claimedBefore = Number.MAX_SAFE_INTEGER) {
    return this.sql.write(() => {
      const held = this.#s.releaseMessages.run(hold.until, hold.reason, claimedBefore).changes;
      return held + this.#s.releaseOthers.run(claimedBefore).changes;
    });
  }

  async markSent(id: number, messageId: string | null, now: number, brandEventId?: string) {
    await this.sql.write(() => {
      this.#s.markSent.run(messageId, now, id);
      if (brandEventId !== undefined && messageId !== null) {
        this.inbox.eventDelivered(brandEventId, messageId, now);
      }
    });
  }

  async markPartsSent(id: number, parts: number) {
    await this.sql.write(() => this.#s.markPartsSent.run(parts, id));
  }

  async markRetry(id: number, nextAttemptAt: number, reason: string, code: string) {
    await this.sql.write(() => this.#s.markRetry.run(nextAttemptAt, reason, code, id));
  }

  async markParked(id: number, reason: string, code: string, now: number, news?: ParkedNews) {
    await this.sql.write(() => {
      if (this.#s.markParked.run(reason, code, now, id).changes === 0 || !news) return;
      if (news.brandEvent) {
        this.news.events.settleInside(news.brandEvent.id, news.brandEvent.outcome, now);
      }
      this.news.webhooks.enqueueInside(news.told, now);
    });
  }

  async completeHttp(id: number, answer: NewInboxEvent, now: number) {
    await this.sql.write(() => {
      this.#s.markSent.run(null, now, id);
      this.inbox.add(answer, now);
    });
  }

  async enqueue(psid: string, item: OutboxItem, line: NewTranscript, now: number) {
    return this.sql.write(() => {
      const outboxId = this.append(psid, this.lastSeq(psid) + 1, item, now, null);
      this.lines.insert(psid, line, outboxId);
      this.contacts.touch(psid, now);
      return outboxId;
    });
  }

  async parked() {
    return (this.#s.parked.all() as OutboxRecord[]).map(toOutboxRow);
  }

  async retryParked(id: number, now: number) {
    return this.sql.write(() => this.#s.retryParked.run(now, id).changes > 0);
  }

  /** Inside a write: the contact's highest sequence number (0 with none). */
  lastSeq(psid: string): number {
    return this.#s.nextSeq.get(psid) as number;
  }

  /** Inside a write: queues a row due at once; returns its id. */
  append(psid: string, seq: number, item: OutboxItem, now: number, receivedAt: number | null) {
    return Number(
      this.#s.insert.run(psid, seq, JSON.stringify(item), now, now, receivedAt).lastInsertRowid,
    );
  }
}
