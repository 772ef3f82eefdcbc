import { Hono } from "hono";
import { z } from "zod";
import type { Deps } from "../deps";
import {
  type EventRequest,
  eventRequestSchema,
  type PreparedEvent,
  prepareEvent,
} from "../pipeline/brand-events";
import { type BrandEventRow, SKIP_REASON_TEXT, type SkipReason } from "../store/events";
import { ApiError, notFound, readBody } from "./errors";
import { on } from "./openapi/route-spec";
import { BODY_LIMITS } from "./read-capped";
import { eventSpecs } from "./specs/events";

/** Events in one batch at most. */
export const MAX_BATCH = 1_000;

const keySchema = z.string().min(1).max(255);
const batchSchema = z.strictObject({
  events: z.array(eventRequestSchema.extend({ idempotencyKey: keySchema.optional() })).min(1),
});

/** What `GET /api/events/:id` answers. */
function eventJson(row: BrandEventRow) {
  return {
    id: row.id,
    event: row.name,
    contact: row.contact,
    status: row.status,
    ...skipReasonJson(row.reason),
    ...(row.error === null ? {} : { error: row.error }),
    messageIds: row.messageIds,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

const failureJson = (p: Extract<PreparedEvent, { ok: false }>) => ({
  error: { code: p.code, message: p.message, ...(p.issues ? { issues: p.issues } : {}) },
});

/**
 * The events API (DESIGN.md, "Brand-initiated updates"): the brand's shop or booking system posts
 * an event for a contact; the flow listening to it runs for them. Accepted events are durable
 * before the 202 (in the inbox, in one transaction with the event's row).
 */
export function eventRoutes(deps: Deps) {
  const app = new Hono();
  on(app, eventSpecs.batch, async (c) => {
    const body = await readBody(c, batchSchema, BODY_LIMITS.medium);
    if (body.events.length > MAX_BATCH) {
      // Its own code, so an integration splits the batch rather than hunting for a bad field.
      throw new ApiError(
        400,
        "batch_too_large",
        `A batch takes at most ${MAX_BATCH} events; this one has ${body.events.length}.`,
        { issues: [{ path: "events", message: `at most ${MAX_BATCH} events in one batch` }] },
      );
    }
    const { refs } = await deps.publishedFlows();
    const prepared = await Promise.all(
      body.events.map((e, i) => {
        const { idempotencyKey, ...request } = e;
        return prepareEvent(deps, refs, request, idempotencyKey, `events[${i}]`);
      }),
    );
    const ok = prepared.flatMap((p) => (p.ok ? [p] : []));
    const accepted = await deps.store.events.accept(ok, deps.now());
    let next = 0;
    const results = prepared.map((p) => {
      if (!p.ok) return { status: p.status, ...failureJson(p) };
      const { row } = accepted[next++] as (typeof accepted)[number];
      return { status: 202, id: row.id, state: row.status };
    });
    for (const { row, created } of accepted) if (created) deps.wake.inbox(row.psid);
    return c.json({ results }, 200);
  });
  on(app, eventSpecs.post, async (c) => {
    const key = c.req.header("idempotency-key");
    if (key !== undefined && !keySchema.safeParse(key).success) {
      throw new ApiError(400, "invalid_idempotency_key", "Idempotency-Key is 1 to 255 characters.");
    }
    const request: EventRequest = await readBody(c, eventRequestSchema, BODY_LIMITS.medium);
    const { refs } = await deps.publishedFlows();
    const prepared = await prepareEvent(deps, refs, request, key);
    if (!prepared.ok) return c.json(failureJson(prepared), prepared.status);
    const [accepted] = await deps.store.events.accept([prepared], deps.now());
    const { row, created } = accepted as NonNullable<typeof accepted>;
    if (created) deps.wake.inbox(row.psid);
    return c.json({ id: row.id, status: row.status }, 202);
  });
  on(app, eventSpecs.get, async (c) => {
    const row = await deps.store.events.get(c.req.param("id"));
    if (!row) throw notFound(`The event ${c.req.param("id")}`);
    return c.json(eventJson(row));
  });
  return app;
}

/** A skip reason as a code and in English; a sentence stored by an older version is both. */
export function skipReasonJson(reason: string | null): { reason?: string; reasonText?: string } {
  if (reason === null) return {};
  const text = Object.hasOwn(SKIP_REASON_TEXT, reason)
    ? SKIP_REASON_TEXT[reason as SkipReason]
    : reason;
  return { reason, reasonText: text };
}
