import { z } from "zod";
import { ACCESS } from "../../accounts/access";
import { ApiSection } from "../openapi/route-spec";
import { ContactEvents, ErrorBody } from "../schemas";

/** The events API (integrations, with a scoped API key or the admin token). */
export const eventsApi = new ApiSection("/events", "events");
/** Events out: the brand's endpoints and their deliveries (owner or `webhooks:write`). */
export const eventsOutApi = new ApiSection("/webhooks", "events out");

const eventId = z.object({ id: z.string().meta({ description: "The event's id (`evt_…`)." }) });
const endpointId = z.object({
  id: z.string().meta({ description: "The endpoint's id (`we_…`)." }),
});
const contactId = z.object({
  id: z.string().meta({ description: "The contact's id (its PSID)." }),
});
const keyErrors = {
  401: { description: "No API key, or not a valid one.", schema: ErrorBody },
  403: { description: "The key lacks the scope.", schema: ErrorBody },
};
const loose = (description: string) => ({ description, schema: z.looseObject({}) });

export const eventSpecs = {
  post: eventsApi.route({
    method: "post",
    path: "/",
    access: ACCESS.eventsWrite,
    summary: "Post an event for a contact (Idempotency-Key: the same key answers the same id)",
    responses: {
      202: loose('Accepted: `{ id, status: "queued" }`.'),
      400: { description: "Not valid, with the JSON path of each problem.", schema: ErrorBody },
      404: { description: "`unknown_contact`.", schema: ErrorBody },
      413: { description: "Over 1 MB.", schema: ErrorBody },
      422: { description: "`no_flow_for_event`.", schema: ErrorBody },
      ...keyErrors,
    },
  }),
  batch: eventsApi.route({
    method: "post",
    path: "/batch",
    access: ACCESS.eventsWrite,
    summary: "Post up to 1,000 events, each with its own key and result",
    responses: {
      200: loose("`{ results: [...] }`, in order."),
      400: {
        description: "Not valid, or `batch_too_large` (over 1,000 events).",
        schema: ErrorBody,
      },
      413: { description: "Over 1 MB.", schema: ErrorBody },
      ...keyErrors,
    },
  }),
  get: eventsApi.route({
    method: "get",
    path: "/:id",
    access: ACCESS.eventsRead,
    summary: "What became of an event: queued, sent, skipped (why) or failed (Meta's error)",
    params: eventId,
    responses: {
      200: loose("The event."),
      404: { description: "No such event.", schema: ErrorBody },
      ...keyErrors,
    },
  }),
};

export const eventsOutSpecs = {
  create: eventsOutApi.route({
    method: "post",
    path: "/endpoints",
    access: ACCESS.webhooks,
    summary: "Add an endpoint (https, public); its signing secret is answered once",
    responses: {
      201: loose("The endpoint, with `secret`."),
      400: { description: "Refused URL.", schema: ErrorBody },
      ...keyErrors,
    },
  }),
  list: eventsOutApi.route({
    method: "get",
    path: "/endpoints",
    access: ACCESS.webhooks,
    summary: "The endpoints (without their secrets)",
    responses: { 200: loose("`{ endpoints }`."), ...keyErrors },
  }),
  remove: eventsOutApi.route({
    method: "delete",
    path: "/endpoints/:id",
    access: ACCESS.webhooks,
    summary: "Remove an endpoint and its pending deliveries",
    params: endpointId,
    responses: {
      204: { description: "Removed." },
      404: { description: "No such endpoint.", schema: ErrorBody },
      ...keyErrors,
    },
  }),
  deliveries: eventsOutApi.route({
    method: "get",
    path: "/deliveries",
    access: ACCESS.webhooks,
    summary: "Deliveries, newest first, with their attempts",
    responses: { 200: loose("`{ deliveries }`."), ...keyErrors },
  }),
};

/** Under `/api/contacts`: who a contact is for the brand, and the events it received. */
export function contactIdSpecs(api: ApiSection) {
  const notFound = { description: "No such contact.", schema: ErrorBody };
  return {
    externalIds: api.route({
      method: "get",
      path: "/:id/external-ids",
      access: ACCESS.contactsRead,
      summary: "A contact's external ids (orders, customer numbers) and user_refs",
      params: contactId,
      responses: { 200: loose("`{ externalIds }`."), 404: notFound },
    }),
    link: api.route({
      method: "post",
      path: "/:id/external-ids",
      access: ACCESS.owner,
      summary: "Link an external id to a contact (one contact, many ids)",
      params: contactId,
      responses: {
        201: loose("`{ externalId }`."),
        400: { description: "Not valid.", schema: ErrorBody },
        404: notFound,
      },
    }),
    events: api.route({
      method: "get",
      path: "/:id/events",
      access: ACCESS.contactsRead,
      summary: "The brand events a contact received, newest first, with what was sent",
      params: contactId,
      responses: {
        200: { description: "`{ events }`, newest first (at most 100).", schema: ContactEvents },
        404: notFound,
      },
    }),
  };
}
