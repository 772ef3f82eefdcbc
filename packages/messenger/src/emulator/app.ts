import { createHash, randomBytes } from "node:crypto";
import { Hono } from "hono";
import { PatternRouter } from "hono/router/pattern-router";
import { type MessengerProfile, sendBodySchema } from "../send/schemas";
import { createAccessCheck } from "./access";
import {
  type Answer,
  badParameter,
  bodyOf,
  type EmulatorEnv,
  fail,
  reply,
  respond,
} from "./answer";
import { type CommentReply, commentReplyRoute } from "./comment-replies";
import { EchoDelivery, type EchoOptions } from "./echoes";
import {
  type FaultCode,
  faultResponse,
  type GraphFailure,
  graphError,
  unsupportedGet,
} from "./errors";
import { FaultInjector, type FaultPlan } from "./faults";
import { answerFields, EMULATOR_APP_ID, EMULATOR_PAGE_ID } from "./identity";
import { messengerProfileRoutes } from "./messenger-profile";
import { type EmulatedPlatform, MESSENGER_PLATFORM, type UserProfile } from "./platform";
import { NO_BODY, parseJson, readBody } from "./read-body";
import { SendRateWindow } from "./send-rate";
import { threadControlRoutes } from "./thread-control";
import { truncateAsMeta } from "./truncate";
import { userProfileRoute } from "./user-profile";

export type { EmulatorEnv } from "./answer";
export type { CommentReply } from "./comment-replies";
export { EMULATOR_APP_ID, EMULATOR_PAGE_ID } from "./identity";
export type { EmulatedPlatform, UserProfile } from "./platform";

export interface GraphEmulatorOptions {
  /** When set, every call must carry `appsecret_proof` = HMAC-SHA256(access_token, appSecret). */
  appSecret?: string;
  /** When set, every call must carry this `access_token`; otherwise any non-empty token passes. */
  pageToken?: string;
  /**
   * The Page the emulator plays (`GET /me`), or the Instagram account: the sender of its echoes.
   * `EMULATOR_PAGE_ID` by default.
   */
  pageId?: string;
  /** Messenger (the default) or Instagram: profile fields, send rules, the echoes' `object`. */
  platform?: EmulatedPlatform;
  /** The Page's name, answered by `GET /me`. */
  pageName?: string;
  /**
   * The app the token belongs to, answered by `GET /app` and listed by
   * `GET /{page-id}/subscribed_apps`. `EMULATOR_APP_ID` by default.
   */
  appId?: string;
  latencyMs?: number;
  faults?: FaultPlan;
  /**
   * The Page's Send API rate, as Meta documents it ("300 calls per second per Facebook Page for
   * messages that contain text, links, reactions, and stickers"; 10 for audio or video). Beyond
   * it, over a rolling second, a call answers error 613. Unlimited when absent.
   */
  sendRate?: SendRate;
  /** Echo every message the Send API accepts to the app's webhook, as Meta does (see below). */
  echoes?: EchoOptions;
  /**
   * The webhook fields the Page is subscribed to, as `subscribed_apps` answers them. By default
   * the messaging fields, with `message_echoes` while echoes are on.
   */
  subscribedFields?: readonly string[];
}

export interface SendRate {
  /** Send API calls per second (Meta: 300). */
  perSecond: number;
  /** Calls per second for audio and video messages (Meta: 10). */
  mediaPerSecond?: number;
}

/** One call the emulator answered, for tests and the runtime's sandbox view to read. */
export interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** Milliseconds since the epoch when the call arrived. */
  at: number;
  status: number;
  response: unknown;
  /** What the emulator changed as Meta would (a title cut to its limit), in Meta's words. */
  warnings?: string[];
}

export interface GraphEmulator {
  /** The Hono app: serve it, or mount it in-process (`app.route("/graph", emulator.app)`). */
  app: Hono<EmulatorEnv>;
  /** Every call so far, oldest first. */
  readonly calls: RecordedCall[];
  /** Forget the recorded calls. */
  clear(): void;
  /** Back to a healthy Graph: no calls, no faults (planned or scripted), no latency, good token. */
  reset(): void;
  setFaults(plan: FaultPlan): void;
  /** Fail exactly the next `count` calls with `code`, then behave again. */
  failNext(count: number, code: FaultCode): void;
  setLatency(ms: number): void;
  /** While true, every call answers 190 (invalid OAuth access token). */
  setBadToken(bad: boolean): void;
  /** The Page's Send API rate (`undefined`: unlimited); beyond it calls answer 613. */
  setSendRate(rate: SendRate | undefined): void;
  /** How many Send API calls were refused with 613 for the rate. */
  rateLimitedCalls(): number;
  /** The public replies taken under comments, oldest first. */
  readonly commentReplies: CommentReply[];
  /** PSID → profile answered by `GET /{version}/{psid}`; set and read freely. */
  profiles: Map<string, UserProfile>;
  /**
   * Comment id → the commenter's PSID (IGSID on Instagram), answered as `recipient_id` to the
   * private reply sent to `{ comment_id }`: a Page's feed names the commenter by another id, and
   * this is how the Page learns the one its messages use. A comment not set here answers an id
   * of its own, the same on every call.
   */
  commenters: Map<string, string>;
  /** The Messenger Profile as the calls so far left it. */
  messengerProfile(): MessengerProfile;
  /** Be told of each call as it is answered (the sandbox view streams them). */
  onCall(listener: (call: RecordedCall) => void): () => void;
  /** Start, retarget (pending echoes follow, in order) or, with `null`, stop message echoes. */
  setEchoes(options: EchoOptions | null): void;
  /**
   * The fields `GET /{page-id}/subscribed_apps` lists for the app; `undefined` goes back to the
   * default (the messaging fields, `message_echoes` while echoes are on).
   */
  setSubscribedFields(fields: readonly string[] | undefined): void;
  /** Resolves once every echo queued so far is delivered or given up. */
  flushEchoes(): Promise<void>;
  /** Stops echo delivery at once, dropping what is pending; no timer is left behind. */
  close(): Promise<void>;
}

/**
 * A stand-in for the Graph API parts Convo calls: the Send API, the user profile, the Messenger
 * Profile, thread control and the Page's subscribed webhook fields. It validates bodies against
 * the documented shapes and limits and answers with Meta's error shape, so code that passes here
 * sends what Meta accepts.
 *
 * With `echoes`, it also plays a Page subscribed to `message_echoes`: after each message the Send
 * API accepts (not sender actions, not refused or faulted calls) it POSTs to `webhookUrl`
 * `{ object: "page", entry: [{ id: pageId, time, messaging: [{ sender: { id: pageId },
 * recipient: { id: psid }, timestamp, message: { is_echo: true, app_id, metadata?, mid, text |
 * attachments } }] }] }`, signed with `X-Hub-Signature-256` over the exact bytes. `mid` is the
 * `message_id` the Send API answered and `metadata` the exact string sent. Echoes ready within a few
 * milliseconds share one POST (up to 100 items) and arrive in send order. A refused or non-2xx POST
 * is retried with a backoff from 100 ms doubling to 5 s, for `retryForMs` (5 minutes by default),
 * so a webhook that restarts still gets them. `flushEchoes()` waits for them; `close()` stops.
 *
 * @example
 * const graph = createGraphEmulatorApp({
 *   pageToken: "token",
 *   appSecret: "secret",
 *   echoes: { webhookUrl: "http://127.0.0.1:8080/webhooks/messenger", appSecret: "secret", appId: "1517776481860111" },
 * });
 */
export function createGraphEmulatorApp(options: GraphEmulatorOptions = {}): GraphEmulator {
  const calls: RecordedCall[] = [];
  const listeners = new Set<(call: RecordedCall) => void>();
  const faults = new FaultInjector();
  if (options.faults) faults.setPlan(options.faults);
  let latencyMs = options.latencyMs ?? 0;
  let badToken = false;
  const rate = new SendRateWindow(options.sendRate);
  let rateLimitedCount = 0;
  const profiles = new Map<string, UserProfile>();
  const platform = options.platform ?? MESSENGER_PLATFORM;
  const commentReplies: CommentReply[] = [];
  const commenters = new Map<string, string>();
  const profile: { current: MessengerProfile } = { current: {} };

  const checkAccess = createAccessCheck(options);
  // Message ids: unique per emulator without a random draw per message.
  const idPrefix = `m_${randomBytes(9).toString("base64url")}`;
  let sent = 0;
  const pageId = options.pageId ?? EMULATOR_PAGE_ID;
  const page = { id: pageId, name: options.pageName ?? "Convo Sandbox Page" };
  let echoes = options.echoes
    ? new EchoDelivery(options.echoes, pageId, platform.object)
    : undefined;
  const appId = options.appId ?? options.echoes?.appId ?? EMULATOR_APP_ID;
  const application = {
    id: appId,
    name: "Convo",
    link: `https://www.facebook.com/games/?app_id=${appId}`,
  };
  let subscribedFields = options.subscribedFields;

  // RegExpRouter cannot hold `/:version/me/…` beside `/:version/:psid`, so Hono would fall back to
  // TrieRouter; PatternRouter matches these few routes about five times faster.
  const app = new Hono<EmulatorEnv>({ router: new PatternRouter() });

  app.use("*", async (c, next) => {
    const at = Date.now();
    const query = c.req.query();
    const body = await readBody(c.req, c.env);
    c.set("body", body);
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const refusal = checkAccess(query, badToken) ?? toFailure(faults.next());
    let answer: Answer | undefined;
    if (refusal) {
      c.res = respond(refusal);
      answer = refusal;
    } else {
      await next();
      answer = c.get("answer");
    }
    const call: RecordedCall = {
      method: c.req.method,
      path: c.req.path,
      query,
      body: body === NO_BODY ? undefined : body,
      at,
      status: c.res.status,
      // Only a host app's own not-found answer (when the emulator is mounted) needs reading back.
      response: answer ? answer.body : parseJson(await c.res.clone().text()),
      ...(c.get("warnings") ? { warnings: c.get("warnings") } : {}),
    };
    calls.push(call);
    for (const listener of listeners) listener(call);
  });

  app.post("/:version/me/messages", (c) => {
    // Where Meta cuts instead of refusing (quick-reply titles), the call is cut and says so.
    const { body: sentBody, warnings } = truncateAsMeta(bodyOf(c));
    if (warnings.length > 0) c.set("warnings", warnings);
    const parsed = sendBodySchema.safeParse(sentBody);
    if (!parsed.success) return fail(c, badParameter(parsed.error));
    const body = parsed.data;
    const refusal = platform.refuseSend?.(body);
    if (refusal) return fail(c, refusal);
    const media = ["audio", "video"].includes(String(body.message?.attachment?.type));
    if (!rate.take(Date.now(), media)) {
      rateLimitedCount++;
      return fail(c, faultResponse(613));
    }
    // Meta answers no recipient_id to a send addressed by user_ref (Send API reference).
    const byUserRef = body.recipient.user_ref !== undefined;
    const commentId = body.recipient.comment_id;
    const recipientId =
      body.recipient.id ??
      (commentId === undefined
        ? randomDigits(16)
        : (commenters.get(commentId) ?? commenterOf(commentId)));
    const who = byUserRef ? {} : { recipient_id: recipientId };
    if (body.sender_action || !body.message) return reply(c, who);
    const messageId = `${idPrefix}${(++sent).toString(36)}`;
    if (!byUserRef) {
      echoes?.push({ recipientId, mid: messageId, message: body.message, at: Date.now() });
    }
    return reply(c, { ...who, message_id: messageId });
  });

  messengerProfileRoutes(app, profile);

  threadControlRoutes(app, appId);

  commentReplyRoute(app, platform.commentReplyEdge, commentReplies);

  // The Page and the app a Page token belongs to: what the runtime reads at start to know which
  // webhook entries are its own. Registered before `/:psid`, which would take "me" for a PSID.
  app.get("/:version/me", (c) => answerFields(c, page, "Page"));
  app.get("/:version/app", (c) => answerFields(c, application, "Application"));

  // Page Subscribed Apps (Graph API reference, page/subscribed_apps): the apps installed on the
  // Page and the webhook fields each is subscribed to. `me` is the Page of the token.
  app.get("/:version/:page/subscribed_apps", (c) => {
    const page = c.req.param("page");
    if (page !== "me" && page !== pageId) {
      return fail(c, unsupportedGet(page));
    }
    const fields = subscribedFields ?? [...MESSAGING_FIELDS, ...(echoes ? ["message_echoes"] : [])];
    return reply(c, {
      data: [
        {
          category: "Business",
          link: `https://www.facebook.com/games/?app_id=${appId}`,
          name: "Convo",
          id: appId,
          subscribed_fields: [...fields],
        },
      ],
    });
  });

  userProfileRoute(app, profiles, platform);

  app.notFound((c) => fail(c, graphError(400, 2500, `Unknown path components: ${c.req.path}`)));

  return {
    app,
    calls,
    commentReplies,
    clear: () => {
      calls.length = 0;
      commentReplies.length = 0;
    },
    reset: () => {
      calls.length = 0;
      commentReplies.length = 0;
      faults.reset();
      latencyMs = 0;
      badToken = false;
      subscribedFields = options.subscribedFields;
    },
    setFaults: (plan) => faults.setPlan(plan),
    failNext: (count, code) => faults.failNext(count, code),
    setLatency: (ms) => {
      latencyMs = Math.max(0, ms);
    },
    setBadToken: (bad) => {
      badToken = bad;
    },
    setSendRate: (r) => rate.set(r),
    rateLimitedCalls: () => rateLimitedCount,
    profiles,
    commenters,
    messengerProfile: () => structuredClone(profile.current),
    onCall: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setEchoes: (echoOptions) => {
      if (echoOptions === null) {
        echoes?.close();
        echoes = undefined;
      } else if (echoes) {
        echoes.configure(echoOptions);
      } else {
        echoes = new EchoDelivery(echoOptions, pageId, platform.object);
      }
    },
    setSubscribedFields: (fields) => {
      subscribedFields = fields;
    },
    flushEchoes: () => echoes?.flush() ?? Promise.resolve(),
    close: async () => {
      echoes?.close();
      echoes = undefined;
    },
  };
}

/** What a Page running Convo is subscribed to, `message_echoes` aside. */
const MESSAGING_FIELDS = [
  "messages",
  "messaging_postbacks",
  "messaging_referrals",
  "messaging_optins",
];

function toFailure(code: FaultCode | undefined): GraphFailure | undefined {
  return code === undefined ? undefined : faultResponse(code);
}

/** A commenter's PSID derived from the comment, so every answer about one comment agrees. */
function commenterOf(commentId: string): string {
  const digest = createHash("sha256").update(commentId).digest();
  let digits = "";
  for (const byte of digest.subarray(0, 16)) digits += String(byte % 10);
  return `9${digits.slice(1)}`;
}

function randomDigits(count: number): string {
  let digits = "";
  for (const byte of randomBytes(count)) digits += String(byte % 10);
  return digits.replace(/^0/, "1");
}
