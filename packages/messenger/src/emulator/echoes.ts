import { Agent, type ClientRequest, request } from "node:http";
import type { OutgoingMessage } from "../send/schemas";
import { signBody } from "../webhook/verify";

/** Where and how the emulator echoes the Page's messages, as Meta does for `message_echoes`. */
export interface EchoOptions {
  /** The app's webhook over plain HTTP, e.g. `http://127.0.0.1:8080/webhooks/messenger`. */
  webhookUrl: string;
  /** Signs each POST (`X-Hub-Signature-256` over the exact bytes), as Meta does. */
  appSecret: string;
  /** The app that sent the messages, echoed as `app_id` (a JSON number when it is one, like Meta). */
  appId: string;
  /** How long an echo is retried while the webhook is down or refusing. 5 minutes by default. */
  retryForMs?: number;
}

/** One message the Send API accepted, to be echoed. */
export interface SentMessage {
  recipientId: string;
  /** The `message_id` the Send API answered: the echo's `mid`. */
  mid: string;
  message: OutgoingMessage;
  /** Milliseconds since the epoch when it was sent: the echo's `timestamp`. */
  at: number;
}

/** Echoes that become ready this close together share one POST. */
const BATCH_WINDOW_MS = 5;
/** Meta batches up to about a hundred messaging items per POST. */
const MAX_PER_POST = 100;
const FIRST_RETRY_MS = 100;
const LONGEST_RETRY_MS = 5_000;
const DEFAULT_RETRY_FOR_MS = 5 * 60_000;
/** A webhook silent for this long counts as a failed delivery. */
const POST_TIMEOUT_MS = 10_000;

interface Pending {
  at: number;
  item: Record<string, unknown>;
}

/**
 * Delivers echoes to the app's webhook in send order, one POST at a time, batching those that
 * queue up meanwhile. A failed POST (refused connection, non-2xx, timeout) is retried, whole and
 * in order, with a doubling backoff; echoes older than `retryForMs` are then given up. Timers are
 * unref'd: pending echoes never keep a process alive. POSTs go over node:http with one kept-alive
 * connection: `fetch` cost about a millisecond a POST here, a real share of the emulator under load.
 */
export class EchoDelivery {
  #options: EchoOptions;
  readonly #pageId: string;
  readonly #object: "page" | "instagram";
  readonly #queue: Pending[] = [];
  readonly #agent = new Agent({ keepAlive: true, maxSockets: 1 });
  #inFlight: ClientRequest | undefined;
  #timer: NodeJS.Timeout | undefined;
  #sending = false;
  #failures = 0;
  #closed = false;
  #idle: (() => void)[] = [];

  /** `pageId` is the sender: the Page, or the Instagram account (`object: "instagram"`). */
  constructor(options: EchoOptions, pageId: string, object: "page" | "instagram" = "page") {
    this.#options = checked(options);
    this.#pageId = pageId;
    this.#object = object;
  }

  /** New target or secret; echoes still pending go there, in order. */
  configure(options: EchoOptions): void {
    this.#options = checked(options);
  }

  push(sent: SentMessage): void {
    if (this.#closed) return;
    this.#queue.push({ at: sent.at, item: this.#toItem(sent) });
    if (!this.#sending && this.#timer === undefined) this.#schedule(BATCH_WINDOW_MS);
  }

  /** Resolves once every echo queued so far is delivered or given up, or delivery is closed. */
  flush(): Promise<void> {
    if (this.#closed || (this.#queue.length === 0 && !this.#sending)) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** Stops at once: the POST in flight is abandoned, pending echoes are dropped. */
  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#inFlight?.destroy();
    this.#agent.destroy();
    this.#queue.length = 0;
    this.#settle();
  }

  #schedule(ms: number): void {
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#send();
    }, ms);
    this.#timer.unref();
  }

  async #send(): Promise<void> {
    this.#sending = true;
    const batch = this.#queue.slice(0, MAX_PER_POST);
    const delivered = await this.#post(batch);
    this.#sending = false;
    if (this.#closed) return;
    if (delivered) {
      this.#queue.splice(0, batch.length);
      this.#failures = 0;
    } else {
      this.#failures += 1;
      this.#dropExpired();
    }
    if (this.#queue.length === 0) {
      this.#settle();
      return;
    }
    // What queued during the POST has waited long enough; a failure waits out its backoff.
    this.#schedule(
      delivered ? 0 : Math.min(FIRST_RETRY_MS * 2 ** (this.#failures - 1), LONGEST_RETRY_MS),
    );
  }

  #post(batch: Pending[]): Promise<boolean> {
    const { webhookUrl, appSecret } = this.#options;
    const bytes = Buffer.from(
      JSON.stringify({
        object: this.#object,
        entry: [{ id: this.#pageId, time: Date.now(), messaging: batch.map((p) => p.item) }],
      }),
      "utf8",
    );
    return new Promise((resolve) => {
      const post = request(webhookUrl, {
        method: "POST",
        agent: this.#agent,
        headers: {
          "content-type": "application/json",
          "content-length": bytes.length,
          "x-hub-signature-256": signBody(bytes, appSecret),
        },
      });
      this.#inFlight = post;
      const settle = (delivered: boolean) => {
        this.#inFlight = undefined;
        resolve(delivered);
      };
      post.setTimeout(POST_TIMEOUT_MS, () => post.destroy(new Error("webhook timed out")));
      post.once("error", () => settle(false));
      post.once("response", (response) => {
        const status = response.statusCode ?? 0;
        // Read to the end so the connection is reused.
        response.resume();
        response.once("end", () => settle(status >= 200 && status < 300));
        response.once("error", () => settle(false));
      });
      post.end(bytes);
    });
  }

  #dropExpired(): void {
    const oldest = Date.now() - (this.#options.retryForMs ?? DEFAULT_RETRY_FOR_MS);
    let expired = 0;
    while (expired < this.#queue.length && (this.#queue[expired] as Pending).at < oldest) {
      expired += 1;
    }
    this.#queue.splice(0, expired);
  }

  #settle(): void {
    const waiting = this.#idle;
    this.#idle = [];
    for (const resolve of waiting) resolve();
  }

  #toItem(sent: SentMessage): Record<string, unknown> {
    const { message } = sent;
    const { appId } = this.#options;
    return {
      sender: { id: this.#pageId },
      recipient: { id: sent.recipientId },
      timestamp: sent.at,
      message: {
        is_echo: true,
        app_id: asJsonId(appId),
        ...(message.metadata === undefined ? {} : { metadata: message.metadata }),
        mid: sent.mid,
        ...(message.text === undefined ? {} : { text: message.text }),
        ...(message.attachment === undefined
          ? {}
          : {
              attachments: [{ type: message.attachment.type, payload: message.attachment.payload }],
            }),
      },
    };
  }
}

function checked(options: EchoOptions): EchoOptions {
  if (new URL(options.webhookUrl).protocol !== "http:") {
    throw new TypeError(
      "echoes.webhookUrl must be an http:// URL (the emulator stays on loopback)",
    );
  }
  return options;
}

/** Meta sends ids such as `app_id` as JSON numbers; one too large for a double stays a string. */
function asJsonId(id: string): number | string {
  return /^\d+$/.test(id) && Number.isSafeInteger(Number(id)) ? Number(id) : id;
}
