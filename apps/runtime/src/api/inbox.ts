import { type InboundEvent, unknownKind } from "@convo/messenger";
import { Hono } from "hono";
import type { Deps } from "../deps";
import type { RecordedEvent } from "../store/inbox";
import { notFound } from "./errors";
import { on } from "./openapi/route-spec";
import { inboxSpecs as spec } from "./specs/operations";

/** How many unknown events the operator's list shows. */
const UNKNOWN_LISTED = 500;

type Unknown = Extract<InboundEvent, { kind: "unknown" }>;

function unknownEntry(row: RecordedEvent) {
  const event = row.event.event as unknown as Unknown;
  return {
    id: row.id,
    kind: unknownKind(event),
    reason: typeof event.reason === "string" ? event.reason : "",
    contactId: row.psid,
    standby: row.kind.startsWith("standby:"),
    at: new Date(row.receivedAt).toISOString(),
    raw: event.raw ?? null,
  };
}

/**
 * What an operator reads of the inbox: events whose step failed (a bug in a flow or in Convo),
 * listed with their error and retried by hand; webhook events Convo did not understand, with
 * their JSON; and Meta's last policy action on the Page.
 */
export function inboxRoutes(deps: Deps) {
  const app = new Hono();
  on(app, spec.failed, async (c) => {
    const rows = await deps.store.inbox.failed();
    return c.json({
      failed: rows.map((row) => ({
        id: row.id,
        contactId: row.psid,
        kind: row.kind,
        error: row.error,
        attempts: row.attempts,
        at: new Date(row.receivedAt).toISOString(),
      })),
    });
  });
  on(app, spec.retry, async (c) => {
    const id = Number(c.req.param("id"));
    const found = Number.isSafeInteger(id) ? await deps.store.inbox.retryFailed(id) : undefined;
    if (!found) throw notFound(`The failed event ${c.req.param("id")}`);
    deps.wake.inbox(found.psid);
    return c.json({ id }, 202);
  });
  on(app, spec.unknown, async (c) => {
    const rows = await deps.store.inbox.recorded(["unknown", "standby:unknown"], UNKNOWN_LISTED);
    return c.json({ unknown: rows.map(unknownEntry) });
  });
  on(app, spec.policy, async (c) => {
    const [row] = await deps.store.inbox.recorded(["policy_enforcement"], 1);
    const event = row?.event.event as { action?: unknown; reason?: unknown } | undefined;
    return c.json({
      latest:
        row && event
          ? {
              action: String(event.action),
              reason: typeof event.reason === "string" ? event.reason : null,
              at: new Date(row.receivedAt).toISOString(),
            }
          : null,
    });
  });
  return app;
}
