import type { Deps } from "../deps";
import type { WebhookDeliveryRow } from "../store/webhooks";
import { performHttp } from "./http-action";
import { WakeableLoop } from "./wakeable-loop";
import { signWebhook } from "./webhook-signature";

const MAX_SLEEP_MS = 1000;
/** Deliveries in flight at once. */
const PARALLEL = 16;
const TIMEOUT_MS = 10_000;
/** A delivery is tried for a day; after that it is given up and listed as failed. */
export const DELIVERY_WINDOW_MS = 24 * 3_600_000;
const MAX_BACKOFF_MS = 3_600_000;

/** The wait before attempt `attempts + 1`: 1 s × 2^n (jittered), at most an hour. */
export function deliveryBackoff(attempts: number, baseMs: number): number {
  const exp = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempts));
  return Math.round(exp / 2 + Math.random() * (exp / 2));
}

/**
 * Events out: each due delivery is POSTed to its endpoint, signed (`X-Convo-Signature`), with its
 * event id in `X-Convo-Event-Id` and in the body. A 2xx delivers it; anything else (an error, a
 * time-out, a private address) tries again with backoff for 24 hours, then gives up.
 */
export class WebhookSender {
  readonly #loop: WakeableLoop;

  constructor(
    private readonly deps: Deps,
    private readonly retryBaseMs = 1000,
  ) {
    this.#loop = new WakeableLoop(
      () => this.#tick(),
      (error) => deps.log.error("webhook sender failed", { error }),
    );
  }

  start(): void {
    this.#loop.start();
  }

  wake(): void {
    this.#loop.wake();
  }

  stop(): Promise<void> {
    return this.#loop.stop();
  }

  async #tick(): Promise<number> {
    const { store } = this.deps;
    const now = this.deps.now();
    const due = await store.webhooks.due(now, PARALLEL * 4);
    if (due.length > 0) {
      const endpoints = new Map((await store.webhooks.endpoints()).map((e) => [e.id, e]));
      for (let i = 0; i < due.length; i += PARALLEL) {
        await Promise.all(
          due.slice(i, i + PARALLEL).map((d) => this.#deliver(d, endpoints.get(d.endpointId)?.url)),
        );
      }
      return 0;
    }
    const next = await store.webhooks.nextDueAt();
    return next === undefined ? MAX_SLEEP_MS : Math.max(1, Math.min(MAX_SLEEP_MS, next - now));
  }

  async #deliver(d: WebhookDeliveryRow, url: string | undefined): Promise<void> {
    const { deps } = this;
    const stored = await deps.store.webhooks.secretOf(d.endpointId);
    const secret = stored && deps.sealer.open(stored, `webhook:${d.endpointId}`);
    if (url === undefined || secret === undefined) {
      await deps.store.webhooks.attemptFailed(d.id, null, "The endpoint was deleted.", null);
      return;
    }
    const eventId = (JSON.parse(d.body) as { id: string }).id;
    const outcome = await performHttp(
      {
        method: "POST",
        url,
        headers: [
          { name: "Content-Type", value: "application/json" },
          { name: "User-Agent", value: "Convo-Webhooks/1" },
          { name: "X-Convo-Event-Id", value: eventId },
          { name: "X-Convo-Event-Type", value: d.type },
          {
            name: "X-Convo-Signature",
            value: signWebhook(secret, d.body, Math.floor(deps.now() / 1000)),
          },
        ],
        body: d.body,
        timeoutMs: TIMEOUT_MS,
      },
      { allowPrivate: deps.config.allowPrivateHttp, secrets: {}, maxBytes: 64 * 1024 },
    );
    const now = deps.now();
    if (outcome.ok) {
      await deps.store.webhooks.delivered(d.id, outcome.status ?? 200, now);
      return;
    }
    const error = outcome.error ?? `HTTP ${outcome.status}`;
    const at = now + deliveryBackoff(d.attempts, this.retryBaseMs);
    const giveUp = at > d.createdAt + DELIVERY_WINDOW_MS;
    await deps.store.webhooks.attemptFailed(
      d.id,
      giveUp ? null : at,
      error,
      outcome.status ?? null,
    );
    if (giveUp) deps.log.warn("webhook delivery given up", { deliveryId: d.id, error });
  }
}
