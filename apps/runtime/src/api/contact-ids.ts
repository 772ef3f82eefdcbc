import { Hono } from "hono";
import { z } from "zod";
import type { Deps } from "../deps";
import type { BrandEventRow } from "../store/events";
import { notFound, readBody } from "./errors";
import { skipReasonJson } from "./events";
import { on } from "./openapi/route-spec";
import { contactIdRouteSpecs as specs } from "./specs/contacts";

const linkSchema = z.strictObject({ externalId: z.string().trim().min(1).max(200) });

const eventLine = (e: BrandEventRow) => ({
  id: e.id,
  event: e.name,
  status: e.status,
  ...skipReasonJson(e.reason),
  ...(e.error === null ? {} : { error: e.error }),
  messageIds: e.messageIds,
  createdAt: new Date(e.createdAt).toISOString(),
});

/**
 * Who a contact is for the brand, under `/api/contacts/:id`: its external ids (listed, and linked
 * by the API: one contact may have many), and the brand events it received with what was sent.
 */
export function contactIdRoutes(deps: Deps) {
  const app = new Hono();
  const mustExist = async (psid: string) => {
    if (!(await deps.store.contacts.get(psid))) throw notFound(`The contact ${psid}`);
  };
  on(app, specs.externalIds, async (c) => {
    const psid = c.req.param("id");
    await mustExist(psid);
    const rows = await deps.store.externalIds.ofContact(psid);
    return c.json({
      externalIds: rows.map((r) => ({
        kind: r.kind,
        value: r.value,
        linkedAt: new Date(r.linkedAt).toISOString(),
      })),
    });
  });
  on(app, specs.link, async (c) => {
    const psid = c.req.param("id");
    await mustExist(psid);
    const { externalId } = await readBody(c, linkSchema);
    await deps.store.externalIds.link(psid, "external", externalId, deps.now());
    return c.json({ externalId }, 201);
  });
  on(app, specs.events, async (c) => {
    const psid = c.req.param("id");
    await mustExist(psid);
    return c.json({ events: (await deps.store.events.ofContact(psid, 100)).map(eventLine) });
  });
  return app;
}
