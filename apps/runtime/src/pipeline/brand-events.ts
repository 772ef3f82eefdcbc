import { randomBytes } from "node:crypto";
import type { FlowRef } from "@convo/engine";
import {
  checkEventData,
  EVENT_NAME_PATTERN,
  type EventField,
  eventTriggers,
  eventVariables,
} from "@convo/flow";
import { USER_REF_RECIPIENT } from "@convo/messenger";
import { z } from "zod";
import type { Deps } from "../deps";
import type { ErrorCode } from "../error-codes";
import { contactKey } from "../graph-api/contact-address";
import type { NewBrandEvent } from "../store/events";
import type { NewInboxEvent } from "../store/inbox";

/** Where a contact known only by the checkbox plugin's `user_ref` waits for its PSID. */
export const USER_REF_PREFIX = USER_REF_RECIPIENT;

const idText = z.string().min(1).max(200);

/** How the brand names a contact: its channel id, one of its own ids, or a checkbox `user_ref`. */
export const eventContactSchema = z.union([
  z.strictObject({
    channel: z.enum(["messenger", "instagram", "whatsapp"]).default("messenger"),
    id: idText,
  }),
  z.strictObject({ externalId: idText }),
  z.strictObject({ userRef: idText }),
]);

/** One event as the brand posts it (`POST /api/events`, or an item of a batch). */
export const eventRequestSchema = z.strictObject({
  event: z.string().regex(EVENT_NAME_PATTERN, "must be an event name like order.shipped"),
  contact: eventContactSchema,
  data: z.record(z.string(), z.unknown()).optional(),
});
export type EventRequest = z.infer<typeof eventRequestSchema>;

export type PreparedEvent =
  | { ok: true; event: NewBrandEvent; inbox: NewInboxEvent }
  | {
      ok: false;
      status: 400 | 404 | 422;
      code: ErrorCode;
      message: string;
      issues?: { path: string; message: string }[];
    };

/** The fields an event's trigger declares, in the first published flow that listens to it. */
export function listenerOf(refs: readonly FlowRef[], name: string): EventField[] | undefined {
  for (const ref of refs) {
    for (const { trigger } of eventTriggers(ref.flow)) {
      if (trigger.event === name) return trigger.fields;
    }
  }
  return undefined;
}

/**
 * Checks one posted event and finds its contact: 422 when no published flow listens to it, 400
 * with JSON paths when its data does not fit the trigger's fields, 404 when nobody has the id.
 * A `userRef` nobody has yet is queued for its placeholder contact (the customer has no PSID
 * before answering). `at` prefixes the paths (`events[3]` in a batch).
 */
export async function prepareEvent(
  deps: Deps,
  refs: readonly FlowRef[],
  request: EventRequest,
  idempotencyKey: string | undefined,
  at = "",
): Promise<PreparedEvent> {
  const fields = listenerOf(refs, request.event);
  if (!fields) {
    return {
      ok: false,
      status: 422,
      code: "no_flow_for_event",
      message: `No published flow starts on the event "${request.event}".`,
    };
  }
  const issues = checkEventData(fields, request.data, at === "" ? "data" : `${at}.data`);
  if (issues.length > 0) {
    return {
      ok: false,
      status: 400,
      code: "invalid_data",
      message: "The event's data does not fit the fields its trigger declares.",
      issues,
    };
  }
  const psid = await contactOf(deps, request.contact);
  if (psid === undefined) {
    return {
      ok: false,
      status: 404,
      code: "unknown_contact",
      message: "No contact has that id.",
    };
  }
  const id = `evt_${randomBytes(12).toString("hex")}`;
  const data = (request.data ?? {}) as Record<string, string | number | boolean>;
  const event: NewBrandEvent = {
    id,
    idempotencyKey: idempotencyKey ?? id,
    name: request.event,
    contact: request.contact as Record<string, string>,
    psid,
    data,
  };
  const inbox: NewInboxEvent = {
    dedupeKey: `event:${id}`,
    psid,
    kind: "event",
    event: {
      source: "runtime",
      event: { type: "event", name: request.event, data: eventVariables(data) },
      brandEventId: id,
    },
    actionable: true,
  };
  return { ok: true, event, inbox };
}

async function contactOf(
  deps: Deps,
  contact: EventRequest["contact"],
): Promise<string | undefined> {
  const { contacts, externalIds } = deps.store;
  if ("id" in contact) {
    const key = contactKey(contact.channel, contact.id);
    return (await contacts.get(key)) ? key : undefined;
  }
  if ("externalId" in contact) return externalIds.find("external", contact.externalId);
  const linked = await externalIds.find("user_ref", contact.userRef);
  if (linked !== undefined) return linked;
  const placeholder = USER_REF_PREFIX + contact.userRef;
  await externalIds.link(placeholder, "user_ref", contact.userRef, deps.now());
  return placeholder;
}
