import type { Deps } from "../deps";
import { GraphFailure } from "../graph-api/gateway";
import { outboxMetadata } from "../graph-api/outbox-metadata";
import type { OutboxRow } from "../store/outbox";
import { ContactQueue, TURN, type TurnEnd } from "./contact-queue";
import { parkedNews } from "./event-outcomes";
import { performHttp } from "./http-action";
import { followPrivateReply } from "./private-reply-recipient";
import { httpAnswerEvent } from "./runtime-events";
import { SharedTokenBucket } from "./shared-token-bucket";
import { TokenBucket } from "./token-bucket";

/** The queue is scanned this often even when nothing says so (a safety net, and retries). */
const POLL_MS = 1000;
/** A row held this long was lost track of (no call lasts a fraction of it): it is released. */
const STALE_CLAIM_MS = 5 * 60_000;
/** Sends in flight at once, across contacts (one per contact). */
export const MAX_IN_FLIGHT = 128;
/** Transient failures retry with backoff; past this many attempts the message is parked. */
const MAX_ATTEMPTS = 12;
const MAX_TYPING_MS = 20_000;
/** Why a released message waits: it may have been sent (see `release`). */
const HELD_REASON = "Its send may have reached Meta: waiting for the echo before sending again.";

/** Exponential backoff with jitter: base, 2×base, 4×base… capped at a minute. */
export function backoff(attempt: number, baseMs: number): number {
  const exp = Math.min(60_000, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + Math.random() * (exp / 2));
}

/**
 * Sends the outbox: per contact in order (a contact's next row waits until the one before is sent
 * or parked), contacts in parallel, under the Page's rate limit. HTTP actions run here too, so a
 * reply that depends on one comes after the messages before it.
 *
 * Work arrives as contacts (`ContactQueue`): the worker offers a contact when it queued rows for
 * it, and a contact whose row went out takes its next one, so a send costs one indexed lookup.
 * The periodic scan finds the rest: retries coming due, and whatever a restart left queued.
 */
export class OutboxSender {
  /** Contacts with a row in hand, or holding after a typing indicator. */
  readonly #queue: ContactQueue;
  readonly #bucket: TokenBucket | SharedTokenBucket;
  /** How often rows held too long, or by replicas gone, are looked for. */
  readonly #staleEveryMs: number;
  #timer: NodeJS.Timeout | undefined;
  #timerAt = Number.POSITIVE_INFINITY;
  #staleCheckAt = 0;

  constructor(
    private readonly deps: Deps,
    private readonly retryBaseMs = 500,
  ) {
    const shared = deps.store.replicas;
    // Replicas share the Page's rate through the database; one process keeps it in memory.
    this.#bucket = shared
      ? new SharedTokenBucket(shared.sendRate, "page", deps.config.sendRate, deps.now)
      : new TokenBucket(deps.config.sendRate, deps.now);
    this.#staleEveryMs = shared ? Math.min(60_000, shared.leaseMs) : 60_000;
    this.#queue = new ContactQueue({
      slots: MAX_IN_FLIGHT,
      turn: (psid) => this.#turn(psid),
      scan: () => this.#scan(),
      onError: (error, psid) =>
        psid === undefined
          ? deps.log.error("outbox sender failed", { error })
          : deps.log.error("outbox turn failed", { psid, error }),
      onHold: (until) => this.#wakeAt(until),
      now: deps.now,
    });
  }

  async start(): Promise<void> {
    const { deps } = this;
    const held = await deps.store.outbox.release(this.#echoHold(deps.now()));
    if (held > 0) deps.log.info("outbox rows released after a stop", { rows: held });
    this.#queue.start();
  }

  /** Scan the queue now (a parked row was retried, or anything else without a contact). */
  wake(): void {
    this.#queue.wake();
  }

  /** The contact may have rows to send. */
  offer(psid: string): void {
    this.#queue.offer(psid);
  }

  async stop(): Promise<void> {
    const stopped = this.#queue.stop();
    clearTimeout(this.#timer);
    this.#timerAt = Number.POSITIVE_INFINITY;
    await stopped;
  }

  /** One row of one contact: claim it, send it, record the outcome. */
  async #turn(psid: string): Promise<TurnEnd> {
    const { deps } = this;
    /** A rate slot is held from the token to the Graph API's answer (see `TokenBucket`). */
    let slot = false;
    try {
      // The token first, so a row is never held (claimed) while it waits for the rate limit.
      await this.#token();
      slot = true;
      if (this.#queue.stopped) return TURN.done;
      const { row, lastUserMessageAt, nextAt, more } = await deps.store.outbox.claimNext(
        psid,
        deps.now(),
      );
      if (!row) {
        if (nextAt !== undefined) this.#wakeAt(nextAt);
        return TURN.idle;
      }
      if (row.item.kind === "http" || row.item.kind === "ai") {
        this.#bucket.refund();
        slot = false;
      }
      const issue = () => {
        if (!slot) return;
        slot = false;
        this.#bucket.issued();
      };
      const end = await this.#send(row, lastUserMessageAt, issue);
      // Nothing queued behind it: no need to look (a new row offers the contact again).
      return end.again && !more ? TURN.done : end;
    } catch (error) {
      deps.log.error("outbox turn failed", { psid, error });
      return { again: false, holdUntil: deps.now() + POLL_MS };
    } finally {
      // No call was made with the slot: it is given back.
      if (slot) this.#bucket.refund();
    }
  }

  async #token(): Promise<void> {
    for (;;) {
      const wait = await this.#bucket.take();
      if (wait <= 0) return;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** Ends typing holds, finds contacts with due rows, and says when to look again. */
  async #scan(): Promise<number> {
    const now = this.deps.now();
    if (now >= this.#staleCheckAt) {
      // A row whose outcome could not be recorded stays held; once in a while, let it go. With
      // replicas, a dead one's rows too, once its lease is over.
      this.#staleCheckAt = now + this.#staleEveryMs;
      const hold = this.#echoHold(now);
      const released = await this.deps.store.outbox.release(hold, now - STALE_CLAIM_MS);
      if (released > 0) this.deps.log.warn("outbox rows held too long released", { released });
    }
    let wakeAt = Math.min(now + POLL_MS, this.#queue.releaseHolds(now));
    await this.#queue.fill(async (room, exclude) => {
      const { psids, nextAt } = await this.deps.store.outbox.dueContacts(now, room, exclude);
      if (nextAt !== undefined) wakeAt = Math.min(wakeAt, nextAt);
      return psids;
    });
    return Math.max(1, wakeAt - this.deps.now());
  }

  /** Scan again at `at` (a retry or a typing pause ends), unless a scan is due sooner. */
  #wakeAt(at: number): void {
    if (this.#queue.stopped || at >= this.#timerAt) return;
    clearTimeout(this.#timer);
    this.#timerAt = at;
    this.#timer = setTimeout(
      () => {
        this.#timerAt = Number.POSITIVE_INFINITY;
        this.#queue.wake();
      },
      Math.max(0, at - this.deps.now()),
    );
    this.#timer.unref();
  }

  /** A released message waits this long for its echo before it is sent again. */
  #echoHold(now: number) {
    return { until: now + this.deps.config.echoWaitSeconds * 1000, reason: HELD_REASON };
  }

  /**
   * `issue` is called once the Graph API call has answered (or failed): the rate counts from
   * then, which is after Meta received it, so the sender's rolling second always covers Meta's.
   */
  async #send(
    row: OutboxRow,
    lastUserMessageAt: number | null,
    issue: () => void,
  ): Promise<TurnEnd> {
    const { deps } = this;
    const { store, metrics } = deps;
    const { outbox } = store;
    try {
      const item = row.item;
      switch (item.kind) {
        case "http": {
          const outcome = await performHttp(item.request, {
            allowPrivate: deps.config.allowPrivateHttp,
            secrets: await deps.secrets.values(),
            idempotencyKey: `convo-outbox-${row.id}`,
          });
          const answer = { type: "http_result" as const, requestId: item.requestId, ...outcome };
          await outbox.completeHttp(row.id, httpAnswerEvent(row.id, row.psid, answer), deps.now());
          deps.wake.inbox(row.psid);
          return TURN.again;
        }
        case "ai": {
          // The model's answer (or its failure) goes back to the step; no retry here: a 429
          // or a time-out is the step's `error` path, which the marketer draws.
          const outcome = await deps.ai.ask(item.request);
          if (!outcome.ok) {
            deps.log.warn("AI step failed", {
              psid: row.psid,
              nodeId: item.nodeId,
              error: outcome.error,
            });
          }
          const answer = { type: "ai_result" as const, requestId: item.requestId, ...outcome };
          await outbox.completeHttp(row.id, httpAnswerEvent(row.id, row.psid, answer), deps.now());
          deps.wake.inbox(row.psid);
          return TURN.again;
        }
        case "pass_thread": {
          await answered(issue, () =>
            deps.graph.passThreadControl(row.psid, item.appId, item.metadata),
          );
          await outbox.markSent(row.id, null, deps.now());
          return TURN.again;
        }
        case "comment_reply": {
          const reply = await answered(issue, () =>
            deps.graph.replyToComment(row.psid, item.commentId, item.text),
          );
          await outbox.markSent(row.id, reply.id, deps.now());
          return TURN.again;
        }
        case "typing": {
          try {
            await answered(issue, () => deps.graph.senderAction(row.psid, "typing_on"));
          } catch (error) {
            deps.log.debug("typing indicator failed", { psid: row.psid, error });
          }
          await outbox.markSent(row.id, null, deps.now());
          const pause = Math.min(MAX_TYPING_MS, Math.max(0, item.seconds * 1000));
          return pause > 0 ? { again: false, holdUntil: deps.now() + pause } : TURN.again;
        }
        case "message": {
          const sent = await answered(issue, () =>
            deps.graph.sendMessage(row.psid, item.message, {
              lastUserMessageAt,
              // Meta echoes it back: the echo proves the message arrived, even after a crash.
              metadata: outboxMetadata(row.id),
              ...(item.tag ? { tag: item.tag } : {}),
              ...(item.template ? { template: item.template } : {}),
              ...(item.privateReply ? { privateReply: item.privateReply } : {}),
              partsSent: row.partsSent,
              onPartSent: (parts) => outbox.markPartsSent(row.id, parts),
            }),
          );
          const now = deps.now();
          metrics.sends.sent++;
          if (row.receivedAt !== null) metrics.observeLatency(now - row.receivedAt);
          // Sent: from here a failure to record it must not send it again. The brand event it
          // answers is settled in the same write, so a crash cannot leave the event queued.
          await this.#record(row, () =>
            outbox.markSent(row.id, sent.messageId, now, item.brandEventId),
          );
          if (item.privateReply) {
            await this.#record(row, () =>
              followPrivateReply(deps, row.psid, sent.recipientId, now),
            );
          }
          return TURN.again;
        }
      }
    } catch (error) {
      return this.#failed(row, error);
    }
  }

  /**
   * Records a send that happened. If the database refuses (disk full, I/O error) the row stays
   * claimed: nothing sends it again in this process, and after a restart its echo settles it.
   */
  async #record(row: OutboxRow, write: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await write();
        return;
      } catch (error) {
        if (attempt >= 3) {
          this.deps.log.error("a sent message could not be recorded", {
            psid: row.psid,
            outboxId: row.id,
            error,
          });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  }

  async #failed(row: OutboxRow, error: unknown): Promise<TurnEnd> {
    const { deps } = this;
    const failure =
      error instanceof GraphFailure
        ? error
        : new GraphFailure(
            "transient",
            "network",
            error instanceof Error ? error.message : String(error),
          );
    const attempts = row.attempts + 1;
    const retry =
      (failure.category === "transient" || failure.category === "rate_limited") &&
      attempts < MAX_ATTEMPTS;
    if (retry) {
      if (failure.category === "rate_limited") this.#bucket.slowDown();
      const base = failure.category === "rate_limited" ? this.retryBaseMs * 2 : this.retryBaseMs;
      // No answer (a time-out, a dropped connection) may still mean Meta took the message: give
      // its echo the time to say so before sending it again.
      const unanswered = failure.code === "network" && row.item.kind === "message";
      const hold = unanswered ? deps.config.echoWaitSeconds * 1000 : 0;
      const at = deps.now() + Math.max(hold, backoff(attempts, base));
      await deps.store.outbox.markRetry(row.id, at, failure.message, failure.code);
      deps.metrics.sends.retried++;
      deps.log.debug("send will be retried", {
        psid: row.psid,
        outboxId: row.id,
        code: failure.code,
        attempts,
      });
      // The contact's later rows wait behind this one; the scan at `at` takes it up again.
      this.#wakeAt(at);
      return TURN.done;
    }
    const reason =
      failure.category === "transient" || failure.category === "rate_limited"
        ? `gave up after ${attempts} attempts: ${failure.message}`
        : `${failure.category}: ${failure.message}`;
    const now = deps.now();
    await deps.store.outbox.markParked(
      row.id,
      reason,
      failure.code,
      now,
      parkedNews(row, failure, reason, now),
    );
    deps.metrics.sends.parked++;
    deps.log.warn("send parked", { psid: row.psid, outboxId: row.id, code: failure.code, reason });
    return TURN.again;
  }
}

/** Runs a Graph API call and tells the rate limiter when it has answered, even with an error. */
async function answered<T>(issue: () => void, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } finally {
    issue();
  }
}
