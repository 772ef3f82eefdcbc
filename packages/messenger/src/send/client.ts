import { createHmac } from "node:crypto";
import { GRAPH_API_VERSION } from "../graph-version";
import { classifyGraphFailure, GraphError, networkFailure } from "./graph-error";
import type { MessengerProfile, MessengerProfileField, SendBody, SenderAction } from "./schemas";

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface RateLimitNotice {
  code: number | undefined;
  /** The attempt that was refused (1 for the first). */
  attempt: number;
  /** How long the client now waits before its next call to this Page. */
  delayMs: number;
  /** Until when (ms since the epoch) the Page is slowed down. */
  slowedUntil: number;
}

/**
 * How the client reaches the Graph API: one call, answered with its status and text. It must give
 * up after `timeoutMs`, rejecting with an error named `TimeoutError` (as `AbortSignal.timeout`
 * does). The default is `fetch`; the runtime passes a leaner one over node:http, the sandbox one
 * that calls the in-process emulator.
 */
export type GraphFetch = (
  url: string,
  init: { method: string; timeoutMs: number; headers?: Record<string, string>; body?: string },
) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

/** `fetch` as a `GraphFetch`. */
export const fetchGraph: GraphFetch = (url, { timeoutMs, ...init }) =>
  globalThis.fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });

const isTimeout = (error: unknown) => (error as { name?: unknown } | null)?.name === "TimeoutError";

export interface SendApiClientOptions {
  /** `https://graph.facebook.com`, or the emulator's URL. */
  baseUrl: string;
  /** Graph API version; `GRAPH_API_VERSION` by default. */
  version?: string;
  pageToken: string;
  appSecret: string;
  /** Another fetch-compatible dispatcher (a proxy agent, the runtime's in-process emulator). */
  fetch?: GraphFetch;
  retry?: Partial<RetryPolicy>;
  /**
   * Backoff after a rate-limit answer: longer than for transient errors, because Meta counts the
   * Page's calls over a sliding window. Defaults: 2 s base, 60 s cap.
   */
  rateLimit?: { baseDelayMs?: number; maxDelayMs?: number };
  /** Per attempt; 10 s by default. */
  timeoutMs?: number;
  /** Told each time Meta rate-limits the Page, so the caller can slow its own sending down. */
  onRateLimit?: (notice: RateLimitNotice) => void;
  sleep?: (ms: number) => Promise<void>;
  /** 0..1, for the jitter; `Math.random` by default. */
  random?: () => number;
  now?: () => number;
}

export interface SendResult {
  messageId: string;
  recipientId: string;
}

export interface UserProfileAnswer {
  id: string;
  /** Instagram's (User Profile API for IGSIDs), which has no first and last name. */
  name?: string;
  /** Instagram's: the account's handle. */
  username?: string;
  first_name?: string;
  last_name?: string;
  profile_pic?: string;
  locale?: string;
  timezone?: number;
}

/** One app installed on the Page, as `GET /{page-id}/subscribed_apps` lists it. */
export interface SubscribedApp {
  id: string;
  name?: string;
  /** The webhook fields the app gets for this Page (`messages`, `message_echoes`, …). */
  subscribed_fields: string[];
}

/** Messenger's fields of a PSID; Instagram's of an IGSID are `name`, `username`, `profile_pic`. */
export type ProfileField =
  | "first_name"
  | "last_name"
  | "profile_pic"
  | "locale"
  | "timezone"
  | "name"
  | "username";

/** Whether, and until when, this Page's calls are slowed down after rate-limit answers. */
export interface PaceState {
  slowedUntil: number;
  /** Rate-limit answers in a row; a success resets it. */
  consecutiveRateLimits: number;
}

/** A Graph node's id and name: the Page (`GET /me`) or the app (`GET /app`) a token belongs to. */
export interface GraphNode {
  id: string;
  name?: string;
}

export interface SendApiClient {
  sendMessage(body: SendBody): Promise<SendResult>;
  /** The Page the token belongs to (`GET /me?fields=id,name`). */
  getPage(): Promise<GraphNode>;
  /** The app the token belongs to (`GET /app`). */
  getApp(): Promise<GraphNode>;
  sendAction(psid: string, action: SenderAction): Promise<{ recipientId: string }>;
  getProfile(psid: string, fields?: readonly ProfileField[]): Promise<UserProfileAnswer>;
  /**
   * A public reply under a comment, `message` in the query as Meta's samples give it:
   * `POST /{comment-id}/comments` on a Page (Graph API, Comment) or `POST /{ig-comment-id}/replies`
   * on Instagram (IG Comment Replies). Answers the new comment's `id`.
   */
  replyToComment(
    commentId: string,
    message: string,
    edge?: "comments" | "replies",
  ): Promise<{ id: string }>;
  getMessengerProfile(fields: readonly MessengerProfileField[]): Promise<MessengerProfile>;
  /** The apps installed on the Page (`me`, the token's Page, by default) and their fields. */
  getSubscribedApps(pageId?: string): Promise<SubscribedApp[]>;
  setMessengerProfile(profile: MessengerProfile): Promise<void>;
  deleteMessengerProfile(fields: readonly MessengerProfileField[]): Promise<void>;
  passThreadControl(psid: string, targetAppId: string, metadata?: string): Promise<void>;
  takeThreadControl(psid: string, metadata?: string): Promise<void>;
  pace(): PaceState;
}

const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 8_000 };
const DEFAULT_PROFILE_FIELDS: readonly ProfileField[] = [
  "first_name",
  "last_name",
  "profile_pic",
  "locale",
  "timezone",
];

/**
 * The Graph API calls Convo makes for one Page, over `fetch`, with `access_token` and
 * `appsecret_proof` on every call. Failures throw a `GraphError` whose `category` says what to do;
 * transient and rate-limit failures are retried here first. A network error after the request
 * left can mean Meta got it: a retried message may then arrive twice (the Send API has no
 * idempotency key), which Convo accepts over losing it.
 *
 * @example
 * const graph = createSendApiClient({ baseUrl: "https://graph.facebook.com", pageToken, appSecret });
 * const { messageId } = await graph.sendMessage(rendered.body);
 */
export function createSendApiClient(options: SendApiClientOptions): SendApiClient {
  const version = options.version ?? GRAPH_API_VERSION;
  const base = `${options.baseUrl.replace(/\/+$/, "")}/${version}`;
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const rateBase = options.rateLimit?.baseDelayMs ?? 2_000;
  const rateMax = options.rateLimit?.maxDelayMs ?? 60_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const doFetch: GraphFetch = options.fetch ?? fetchGraph;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const proof = createHmac("sha256", options.appSecret).update(options.pageToken).digest("hex");
  const pace: PaceState = { slowedUntil: 0, consecutiveRateLimits: 0 };

  // The Send API's URL is the same for every message: built once.
  const credentials = new URLSearchParams({
    access_token: options.pageToken,
    appsecret_proof: proof,
  });
  const fixedUrls = new Map<string, string>();
  function urlOf(path: string, query: Record<string, string>): string {
    const fixed = Object.keys(query).length === 0;
    const known = fixed ? fixedUrls.get(path) : undefined;
    if (known) return known;
    const url = new URL(`${base}/${path}`);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    for (const [key, value] of credentials) url.searchParams.set(key, value);
    const text = url.toString();
    if (fixed) fixedUrls.set(path, text);
    return text;
  }

  async function attempt(
    method: string,
    path: string,
    query: Record<string, string>,
    body: unknown,
  ) {
    const url = urlOf(path, query);
    let response: Awaited<ReturnType<GraphFetch>>;
    try {
      response = await doFetch(url, {
        method,
        timeoutMs,
        ...(body === undefined
          ? {}
          : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw networkFailure(error, isTimeout(error));
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw networkFailure(error, isTimeout(error));
    }
    const parsed = parseJson(text);
    if (!response.ok) throw classifyGraphFailure(response.status, parsed);
    return parsed;
  }

  async function call(method: string, path: string, query: Record<string, string>, body?: unknown) {
    for (let attemptNumber = 1; ; attemptNumber++) {
      const wait = pace.slowedUntil - now();
      if (wait > 0) await sleep(wait);
      try {
        const result = await attempt(method, path, query, body);
        pace.consecutiveRateLimits = 0;
        return result;
      } catch (error) {
        const failure = error instanceof GraphError ? error : networkFailure(error, false);
        failure.attempts = attemptNumber;
        if (!failure.retryable) throw failure;
        if (failure.category === "rate_limited") {
          pace.consecutiveRateLimits += 1;
          // Equal jitter: at least half the window, so a rate-limited Page really slows down.
          const ceiling = Math.min(rateMax, rateBase * 2 ** (pace.consecutiveRateLimits - 1));
          const delayMs = Math.round(ceiling / 2 + random() * (ceiling / 2));
          pace.slowedUntil = now() + delayMs;
          options.onRateLimit?.({
            code: failure.code,
            attempt: attemptNumber,
            delayMs,
            slowedUntil: pace.slowedUntil,
          });
          if (attemptNumber >= retry.maxAttempts) throw failure;
          continue;
        }
        if (attemptNumber >= retry.maxAttempts) throw failure;
        // Full jitter (AWS architecture blog): spreads retries of many contacts apart.
        const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attemptNumber - 1));
        await sleep(Math.round(random() * ceiling));
      }
    }
  }

  return {
    async sendMessage(body) {
      const answer = (await call("POST", "me/messages", {}, body)) as Record<string, unknown>;
      return {
        messageId: String(answer.message_id ?? ""),
        recipientId: String(answer.recipient_id ?? ""),
      };
    },
    async getPage() {
      return readNode(await call("GET", "me", { fields: "id,name" }), "me");
    },
    async getApp() {
      return readNode(await call("GET", "app", { fields: "id,name" }), "app");
    },
    async sendAction(psid, action) {
      const answer = (await call(
        "POST",
        "me/messages",
        {},
        {
          recipient: { id: psid },
          sender_action: action,
        },
      )) as Record<string, unknown>;
      return { recipientId: String(answer.recipient_id ?? psid) };
    },
    async getProfile(psid, fields = DEFAULT_PROFILE_FIELDS) {
      const answer = await call("GET", encodeURIComponent(psid), { fields: fields.join(",") });
      return answer as UserProfileAnswer;
    },
    async replyToComment(commentId, message, edge = "comments") {
      const answer = (await call("POST", `${encodeURIComponent(commentId)}/${edge}`, {
        message,
      })) as { id?: unknown };
      return { id: String(answer.id ?? "") };
    },
    async getMessengerProfile(fields) {
      const answer = (await call("GET", "me/messenger_profile", { fields: fields.join(",") })) as {
        data?: MessengerProfile[];
      };
      return answer.data?.[0] ?? {};
    },
    async getSubscribedApps(pageId = "me") {
      const answer = (await call("GET", `${encodeURIComponent(pageId)}/subscribed_apps`, {})) as {
        data?: { id?: unknown; name?: unknown; subscribed_fields?: unknown }[];
      };
      return (answer?.data ?? []).map((app) => ({
        id: String(app.id ?? ""),
        ...(typeof app.name === "string" ? { name: app.name } : {}),
        subscribed_fields: Array.isArray(app.subscribed_fields)
          ? app.subscribed_fields.filter((f): f is string => typeof f === "string")
          : [],
      }));
    },
    async setMessengerProfile(profile) {
      await call("POST", "me/messenger_profile", {}, profile);
    },
    async deleteMessengerProfile(fields) {
      await call("DELETE", "me/messenger_profile", {}, { fields });
    },
    async passThreadControl(psid, targetAppId, metadata) {
      await call(
        "POST",
        "me/pass_thread_control",
        {},
        {
          recipient: { id: psid },
          target_app_id: targetAppId,
          ...(metadata === undefined ? {} : { metadata }),
        },
      );
    },
    async takeThreadControl(psid, metadata) {
      await call(
        "POST",
        "me/take_thread_control",
        {},
        {
          recipient: { id: psid },
          ...(metadata === undefined ? {} : { metadata }),
        },
      );
    },
    pace: () => ({ ...pace }),
  };
}

function readNode(answer: unknown, path: string): GraphNode {
  const node = answer as { id?: unknown; name?: unknown } | undefined;
  if (typeof node?.id !== "string" || node.id === "") {
    throw new GraphError({
      category: "bad_request",
      message: `GET /${path} answered without an id`,
    });
  }
  return typeof node.name === "string" ? { id: node.id, name: node.name } : { id: node.id };
}

function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
