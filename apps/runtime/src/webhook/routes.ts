import { IncomingMessage } from "node:http";
import type { ChallengeQuery, ChallengeResult, ParseResult } from "@convo/messenger";
import { type Context, Hono } from "hono";
import type { Deps } from "../deps";
import { errorJson } from "../error-json";
import { requestLog } from "../request-log";
import { toInboxEvent } from "./inbox-event";
import { noteEvents } from "./notable-events";

/** Meta's bodies are small; anything larger than this is not a webhook. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

/** Reads at most `limit` bytes of the body; undefined when it is larger. */
async function readCapped(c: Context, limit: number): Promise<Uint8Array | undefined> {
  const declared = c.req.header("content-length");
  if (declared !== undefined && (!/^\d+$/.test(declared) || Number(declared) > limit)) {
    return undefined;
  }
  // Served by @hono/node-server: read Node's stream itself, which skips the web-stream copy a
  // Request body costs (a third of the webhook's CPU under load).
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming instanceof IncomingMessage) return readNode(incoming, limit);
  return readWeb(c.req.raw.body, limit);
}

function readNode(incoming: IncomingMessage, limit: number): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        incoming.off("data", onData);
        // Drain the rest unread, so the 413 can still be written on this connection.
        incoming.resume();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    incoming.on("data", onData);
    incoming.once("end", () => {
      if (size <= limit)
        resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    });
    incoming.once("error", reject);
  });
}

async function readWeb(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<Uint8Array | undefined> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** One webhook route: how its bodies are checked and read (Messenger and Instagram, WhatsApp). */
export interface WebhookSource {
  verifyChallenge(query: ChallengeQuery, verifyToken: string): ChallengeResult;
  verifySignature(raw: Uint8Array, header: string | undefined, appSecret: string): boolean;
  /** Read when each body arrives, so ids learned at start apply. */
  parse(body: unknown): ParseResult;
  appSecret: string;
  verifyToken: string;
}

/** Messenger's route: Page and Instagram bodies, each checked against its own account. */
export function messengerSource(deps: Deps): WebhookSource {
  const { webhook } = deps.channel;
  return {
    verifyChallenge: webhook.verifyChallenge,
    verifySignature: webhook.verifySignature,
    parse: (body) => {
      const { pageId, appId } = deps.identity;
      const instagram = deps.config.instagramAccountId;
      const accounts = {
        ...(pageId === undefined ? {} : { page: pageId }),
        ...(instagram === undefined ? {} : { instagram }),
      };
      return webhook.parse(body, { ...(appId === undefined ? {} : { appId }), accounts });
    },
    appSecret: deps.appSecret,
    verifyToken: deps.verifyToken,
  };
}

/**
 * A channel's webhook route. The POST only verifies, parses and stores: everything else happens
 * in the workers, so Meta gets its 200 fast and nothing acknowledged can be lost. Entries for
 * another account are stored as unknown events, never answered.
 */
export function webhookRoutes(deps: Deps, source: WebhookSource = messengerSource(deps)) {
  const app = new Hono();

  app.get("/", (c) => {
    const result = source.verifyChallenge(c.req.query(), source.verifyToken);
    return result.ok
      ? c.text(result.challenge)
      : c.json(errorJson("forbidden", "The verify token does not match."), 403);
  });

  app.post("/", async (c) => {
    const raw = await readCapped(c, MAX_WEBHOOK_BYTES);
    if (!raw) return c.json(errorJson("too_large", "The body is larger than 1 MB."), 413);
    if (!source.verifySignature(raw, c.req.header("x-hub-signature-256"), source.appSecret)) {
      return c.json(errorJson("bad_signature", "X-Hub-Signature-256 does not match."), 403);
    }
    let body: unknown;
    try {
      body = JSON.parse(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString("utf8"));
    } catch {
      return c.json(errorJson("invalid_json", "The body is not valid JSON."), 400);
    }
    const parsed = source.parse(body);
    if (!parsed.ok) return c.json(errorJson("invalid_webhook", parsed.error), 400);
    const events = parsed.events.map(toInboxEvent);
    const inserted = await deps.store.inbox.insert(events, deps.now());
    deps.metrics.eventsReceived += inserted;
    deps.metrics.eventsDuplicate += events.length - inserted;
    if (inserted > 0) {
      for (const e of events) if (e.actionable && e.psid) deps.wake.inbox(e.psid);
    }
    noteEvents(parsed.events, deps.metrics, () => requestLog(c, deps.log));
    return c.text("EVENT_RECEIVED");
  });

  return app;
}
