import type { Deps } from "../deps";
import { GraphFailure } from "../graph/gateway";
import { loadSecrets } from "../secrets";
import type { OutboxRow } from "../store/store";
import { performHttp } from "./http-action";
import { TokenBucket } from "./token-bucket";
import { WakeableLoop } from "./wakeable-loop";

const POLL_MS = 1000;
/** Sends in flight at once, across contacts (one per contact). */
export const MAX_IN_FLIGHT = 128;
/** Transient failures retry with backoff; past this many attempts the message is parked. */
const MAX_ATTEMPTS = 12;
const MAX_TYPING_MS = 20_000;

/** Exponential backoff with jitter: base, 2×base, 4×base… capped at a minute. */
export function backoff(attempt: number, baseMs: number): number {
  const exp = Math.min(60_000, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + Math.random() * (exp / 2));
}

/**
 * Sends the outbox: per contact in order (a contact's next row waits until the one before is sent
 * or parked), contacts in parallel, under the Page's rate limit. HTTP actions run here too, so a
 * reply that depends on one comes after the messages before it.
 */
export class OutboxSender {
  readonly #loop: WakeableLoop;
  /** Contacts with a row in flight, or holding after a typing indicator (until the time). */
  readonly #busy = new Map<string, number>();
  readonly #inFlight = new Set<Promise<void>>();
  readonly #bucket: TokenBucket;

  constructor(
    private readonly deps: Deps,
    private readonly retryBaseMs = 500,
  ) {
    this.#bucket = new TokenBucket(deps.config.sendRate, deps.now);
    this.#loop = new WakeableLoop(
      () => this.#tick(),
      (error) => deps.log.error("outbox sender failed", { error }),
    );
  }

  start(): void {
    this.#loop.start();
  }

  wake(): void {
    this.#loop.wake();
  }

  async stop(): Promise<void> {
    await this.#loop.stop();
    await Promise.all(this.#inFlight);
  }

  async #tick(): Promise<number> {
    const { store } = this.deps;
    const now = this.deps.now();
    let wakeAt = now + POLL_MS;
    for (const [psid, until] of this.#busy) {
      if (until !== Number.POSITIVE_INFINITY && until <= now) this.#busy.delete(psid);
      else if (until !== Number.POSITIVE_INFINITY) wakeAt = Math.min(wakeAt, until);
    }
    const capacity = MAX_IN_FLIGHT - this.#inFlight.size;
    if (capacity <= 0) return POLL_MS;
    const { rows, nextAt } = await store.dueOutbox(now, capacity, new Set(this.#busy.keys()));
    if (nextAt !== undefined) wakeAt = Math.min(wakeAt, nextAt);
    for (const row of rows) {
      if (row.item.kind !== "http") {
        const wait = this.#bucket.take();
        if (wait > 0) {
          wakeAt = Math.min(wakeAt, now + wait);
          break;
        }
      }
      this.#busy.set(row.psid, Number.POSITIVE_INFINITY);
      const job = this.#send(row).finally(() => {
        this.#inFlight.delete(job);
        // The contact's next row is usually ready now: refill at once (wakes in one turn of the
        // event loop share one scan), or the pipe drains to half before it fills again.
        this.#loop.wake();
      });
      this.#inFlight.add(job);
    }
    // Sends in flight wake the loop when they finish; otherwise sleep until something comes due.
    return rows.length > 0 ? 0 : Math.max(1, wakeAt - now);
  }

  async #send(row: OutboxRow): Promise<void> {
    const { deps } = this;
    const { store, metrics } = deps;
    let holdUntil = 0;
    try {
      const item = row.item;
      switch (item.kind) {
        case "http": {
          const outcome = await performHttp(item.request, {
            allowPrivate: deps.config.allowPrivateHttp,
            secrets: await loadSecrets(store),
          });
          await store.completeHttp(
            row.id,
            row.psid,
            { type: "http_result", requestId: item.requestId, ...outcome },
            deps.now(),
          );
          deps.wake.inbox();
          break;
        }
        case "typing": {
          try {
            await deps.graph.senderAction(row.psid, "typing_on");
          } catch (error) {
            deps.log.debug("typing indicator failed", { psid: row.psid, error });
          }
          await store.markSent(row.id, null, deps.now());
          holdUntil = deps.now() + Math.min(MAX_TYPING_MS, Math.max(0, item.seconds * 1000));
          break;
        }
        case "message": {
          const contact = await store.getContact(row.psid);
          const sent = await deps.graph.sendMessage(row.psid, item.message, {
            lastUserMessageAt: contact?.lastUserMessageAt ?? null,
            ...(item.tag ? { tag: item.tag } : {}),
          });
          const now = deps.now();
          await store.markSent(row.id, sent.messageId, now);
          metrics.sends.sent++;
          if (row.receivedAt !== null) metrics.observeLatency(now - row.receivedAt);
          break;
        }
      }
    } catch (error) {
      await this.#failed(row, error);
    } finally {
      if (holdUntil > deps.now()) this.#busy.set(row.psid, holdUntil);
      else this.#busy.delete(row.psid);
    }
  }

  async #failed(row: OutboxRow, error: unknown): Promise<void> {
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
      await deps.store.markRetry(
        row.id,
        deps.now() + backoff(attempts, base),
        failure.message,
        failure.code,
      );
      deps.metrics.sends.retried++;
      deps.log.debug("send will be retried", {
        psid: row.psid,
        outboxId: row.id,
        code: failure.code,
        attempts,
      });
      return;
    }
    const reason =
      failure.category === "transient" || failure.category === "rate_limited"
        ? `gave up after ${attempts} attempts: ${failure.message}`
        : `${failure.category}: ${failure.message}`;
    await deps.store.markParked(row.id, reason, failure.code, deps.now());
    deps.metrics.sends.parked++;
    deps.log.warn("send parked", { psid: row.psid, outboxId: row.id, code: failure.code, reason });
  }
}
