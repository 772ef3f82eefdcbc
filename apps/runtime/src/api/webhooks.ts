import { randomBytes } from "node:crypto";
import { Hono } from "hono";
import { z } from "zod";
import { audit } from "../accounts/audit";
import type { Deps } from "../deps";
import { newWebhookSecret } from "../pipeline/webhook-signature";
import { webhookUrlProblem } from "../pipeline/webhook-url";
import type { WebhookDeliveryRow, WebhookEndpointRow } from "../store/webhooks";
import { OUT_EVENT_TYPES } from "../store/webhooks";
import { ApiError, notFound, readBody } from "./errors";
import { on } from "./openapi/route-spec";
import { eventsOutSpecs } from "./specs/events";

const endpointSchema = z.strictObject({
  url: z.string().max(2000),
  events: z
    .array(z.enum(["*", ...OUT_EVENT_TYPES]))
    .min(1)
    .max(OUT_EVENT_TYPES.length + 1),
});

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const endpointJson = (e: WebhookEndpointRow) => ({
  id: e.id,
  url: e.url,
  events: e.events,
  createdAt: iso(e.createdAt),
});
const deliveryJson = (d: WebhookDeliveryRow) => ({
  id: d.id,
  endpointId: d.endpointId,
  type: d.type,
  eventId: (JSON.parse(d.body) as { id: string }).id,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: d.status === "pending" ? iso(d.nextAttemptAt) : null,
  lastStatus: d.lastStatus,
  lastError: d.lastError,
  createdAt: iso(d.createdAt),
  deliveredAt: iso(d.deliveredAt),
});

/**
 * Events out, managed by the owner (the admin token) or a key with `webhooks:write`: endpoints
 * (the signing secret is shown once, at creation) and the deliveries with their attempts.
 */
export function webhookRoutes(deps: Deps) {
  const app = new Hono();
  on(app, eventsOutSpecs.create, async (c) => {
    const body = await readBody(c, endpointSchema);
    const problem = await webhookUrlProblem(body.url, deps.config.allowPrivateHttp);
    if (problem) {
      throw new ApiError(400, "invalid_url", `The endpoint URL ${problem}.`, {
        issues: [{ path: "url", message: problem }],
      });
    }
    const endpoint = {
      id: `we_${randomBytes(8).toString("hex")}`,
      url: body.url,
      events: [...new Set(body.events)],
      createdAt: deps.now(),
    };
    const secret = newWebhookSecret();
    await deps.store.webhooks.createEndpoint({
      ...endpoint,
      secret: await deps.sealer.seal(secret, `webhook:${endpoint.id}`),
    });
    await audit(deps, c, "webhook.create", endpoint.id, {
      url: endpoint.url,
      events: endpoint.events,
    });
    return c.json({ ...endpointJson(endpoint), secret }, 201);
  });
  on(app, eventsOutSpecs.list, async (c) =>
    c.json({ endpoints: (await deps.store.webhooks.endpoints()).map(endpointJson) }),
  );
  on(app, eventsOutSpecs.remove, async (c) => {
    const id = c.req.param("id");
    if (!(await deps.store.webhooks.deleteEndpoint(id))) throw notFound(`The endpoint ${id}`);
    await audit(deps, c, "webhook.delete", id);
    return c.body(null, 204);
  });
  on(app, eventsOutSpecs.deliveries, async (c) => {
    const limit = Math.min(500, Math.max(1, Number(c.req.query("limit") ?? 100) || 100));
    return c.json({ deliveries: (await deps.store.webhooks.deliveries(limit)).map(deliveryJson) });
  });
  return app;
}
