import { Hono } from "hono";
import type { Deps } from "../deps";
import { notFound } from "./errors";
import { on } from "./openapi/route-spec";
import { inboxSpecs as spec } from "./specs/operations";

/** Events whose step failed (a bug in a flow or in Convo): listed with their error, retried by hand. */
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
  return app;
}
