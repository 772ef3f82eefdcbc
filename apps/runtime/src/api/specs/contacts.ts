import { z } from "zod";
import { ACCESS } from "../../accounts/access";
import { textQuery, wholeQuery } from "../openapi/queries";
import { ApiSection } from "../openapi/route-spec";
import { Accepted, Contact, ContactList, ErrorBody, Transcript } from "../schemas";
import { contactIdSpecs } from "./events";

export const contactsApi = new ApiSection("/contacts", "contacts");
/** Declared with the section, so the document has them whatever is imported first. */
export const contactIdRouteSpecs = contactIdSpecs(contactsApi);

export const pauseBody = z.strictObject({
  minutes: z
    .number()
    .positive()
    .max(525_600)
    .optional()
    .meta({ description: "Resume by itself after this long; absent: until resumed." }),
});
export const messageBody = z.strictObject({ text: z.string().trim().min(1).max(2000) });

export const listQuery = z.object({
  limit: wholeQuery(500, "At most this many contacts (50 by default, 500 at most)."),
  search: textQuery("Part of a name, the id or a field value."),
  tag: textQuery("Only contacts with this tag."),
  paused: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === "" ? undefined : v === "true" || v === "1"))
    .meta({
      description: "`true` (or `1`): only paused contacts; anything else: only the others.",
    }),
  before: wholeQuery(Number.MAX_SAFE_INTEGER, "The `next` of the previous page."),
});
export const transcriptQuery = z.object({
  limit: wholeQuery(1000, "At most this many messages (100 by default, 1,000 at most)."),
  before: wholeQuery(Number.MAX_SAFE_INTEGER, "Messages older than this message id."),
});

const id = z.object({ id: z.string().meta({ description: "The contact's id (its PSID)." }) });
const notFound = { description: "No such contact.", schema: ErrorBody };

export const contactSpecs = {
  list: contactsApi.route({
    method: "get",
    path: "/",
    access: ACCESS.contactsRead,
    summary: "Contacts, most recently active first",
    query: listQuery,
    responses: { 200: { description: "A page of contacts.", schema: ContactList } },
  }),
  get: contactsApi.route({
    method: "get",
    path: "/:id",
    access: ACCESS.contactsRead,
    summary: "A contact",
    params: id,
    responses: { 200: { description: "The contact.", schema: Contact }, 404: notFound },
  }),
  transcript: contactsApi.route({
    method: "get",
    path: "/:id/transcript",
    access: ACCESS.contactsRead,
    summary: "A contact's conversation, newest first",
    params: id,
    query: transcriptQuery,
    responses: { 200: { description: "The messages.", schema: Transcript }, 404: notFound },
  }),
  pause: contactsApi.route({
    method: "post",
    path: "/:id/pause",
    access: ACCESS.liveChat,
    summary: "Pause the bot for a contact (a person answers)",
    params: id,
    body: pauseBody,
    responses: { 200: { description: "The contact.", schema: Contact }, 404: notFound },
  }),
  resume: contactsApi.route({
    method: "post",
    path: "/:id/resume",
    access: ACCESS.liveChat,
    summary: "Give the contact back to the bot",
    params: id,
    responses: { 200: { description: "The contact.", schema: Contact }, 404: notFound },
  }),
  message: contactsApi.route({
    method: "post",
    path: "/:id/messages",
    access: ACCESS.liveChat,
    summary: "Send a person's reply to the contact",
    params: id,
    body: messageBody,
    responses: {
      202: { description: "Queued: the outbox row's id.", schema: Accepted },
      404: notFound,
    },
  }),
  export: contactsApi.route({
    method: "get",
    path: "/:id/export",
    access: ACCESS.owner,
    summary: "Everything stored about a contact (an access request), credentials emptied",
    params: id,
    responses: {
      200: {
        description: "An attachment `contact-<id>.json`.",
        schema: z.object({ exportedAt: z.iso.datetime() }).catchall(z.unknown()),
      },
      404: notFound,
    },
  }),
  erase: contactsApi.route({
    method: "delete",
    path: "/:id",
    access: ACCESS.owner,
    summary: "Erase a contact and everything about them",
    params: id,
    responses: { 204: { description: "Erased." }, 404: notFound },
  }),
};
