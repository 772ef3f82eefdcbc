import { Hono } from "hono";
import type { Deps } from "../deps";
import { redactOutboxItem } from "./contacts";
import { notFound } from "./errors";
import { on } from "./openapi/route-spec";
import { outboxSpecs as spec } from "./specs/operations";

export function outboxRoutes(deps: Deps) {
  const app = new Hono();
  on(app, spec.parked, async (c) => {
    const rows = await deps.store.outbox.parked();
    return c.json({
      parked: rows.map((row) => ({
        id: row.id,
        contactId: row.psid,
        reason: row.reason,
        code: row.code,
        at: new Date(row.createdAt).toISOString(),
        message: row.item.kind === "message" ? row.item.message : redactOutboxItem(row.item),
      })),
    });
  });
  on(app, spec.retry, async (c) => {
    const id = Number(c.req.param("id"));
    if (!Number.isSafeInteger(id) || !(await deps.store.outbox.retryParked(id, deps.now()))) {
      throw notFound(`The parked message ${c.req.param("id")}`);
    }
    deps.wake.outbox();
    return c.json({ id }, 202);
  });
  return app;
}
