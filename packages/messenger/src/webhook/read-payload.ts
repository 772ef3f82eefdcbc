import type { z } from "zod";
import { CONVO_METADATA_PREFIX } from "./metadata";
import type { ParseOptions } from "./parse";
import {
  appRolesSchema,
  type attachmentSchema,
  deliverySchema,
  messageSchema,
  optinSchema,
  passThreadSchema,
  policyEnforcementSchema,
  postbackSchema,
  reactionSchema,
  readSchema,
  referralSchema,
  requestThreadSchema,
  takeThreadSchema,
} from "./schemas";
import type { InboundAttachment, InboundPayload, Referral } from "./types";

type Reader = (
  value: unknown,
  fields: Record<string, unknown>,
  options: ParseOptions,
  fromPage: boolean,
) => InboundPayload;

/** Kinds only a customer sends: from the Page itself they are not a customer's. */
const CUSTOMER_KINDS = new Set<InboundPayload["kind"]>([
  "postback",
  "referral",
  "optin",
  "reaction",
]);

/** An echo flag in any shape it arrives in: `true`, `"true"`, `1`. */
function flagged(value: unknown): boolean {
  return value === true || value === 1 || value === "true" || value === "1";
}

/** Which field of an item says what it is, in the order they are looked for. */
const READERS: [string, Reader][] = [
  ["message", readMessage],
  ["postback", (value) => read(postbackSchema, value, "postback", toPostback)],
  [
    "referral",
    (value) =>
      read(referralSchema, value, "referral", (r) => ({
        kind: "referral",
        referral: toReferral(r),
      })),
  ],
  ["optin", (value) => read(optinSchema, value, "optin", toOptin)],
  [
    "delivery",
    (value) =>
      read(deliverySchema, value, "delivery", (d) => ({
        kind: "delivery",
        mids: d.mids ?? [],
        watermark: d.watermark,
      })),
  ],
  [
    "read",
    (value) =>
      read(readSchema, value, "read", (r) => ({
        kind: "read",
        ...optional("watermark", r.watermark),
        ...optional("mid", r.mid),
      })),
  ],
  ["reaction", (value) => read(reactionSchema, value, "reaction", toReaction)],
  [
    "pass_thread_control",
    (value) => read(passThreadSchema, value, "pass_thread_control", toPassThread),
  ],
  [
    "take_thread_control",
    (value) => read(takeThreadSchema, value, "take_thread_control", toTakeThread),
  ],
  [
    "request_thread_control",
    (value) => read(requestThreadSchema, value, "request_thread_control", toRequestThread),
  ],
  [
    "app_roles",
    (value) => read(appRolesSchema, value, "app_roles", (roles) => ({ kind: "app_roles", roles })),
  ],
  [
    "policy_enforcement",
    (value) => read(policyEnforcementSchema, value, "policy_enforcement", toPolicy),
  ],
  // Older samples (and some frameworks' fixtures) spell it with a hyphen: the same event.
  [
    "policy-enforcement",
    (value) => read(policyEnforcementSchema, value, "policy-enforcement", toPolicy),
  ],
];

/**
 * What one `messaging` or `standby` item says, read from the field that names its kind. A field
 * that is present but malformed gives an `unknown` payload holding the whole item. What the Page
 * itself sent is never a customer's: a message is its echo, a postback or referral is unknown.
 */
export function readPayload(
  fields: Record<string, unknown>,
  options: ParseOptions,
  /** The Page (or Instagram account) itself is the item's sender. */
  fromPage = false,
): InboundPayload {
  for (const [field, reader] of READERS) {
    if (fields[field] === undefined) continue;
    const payload = reader(fields[field], fields, options, fromPage);
    // An unknown event keeps the whole item, not only the field that could not be read.
    if (payload.kind === "unknown") return { ...payload, raw: fields };
    if (fromPage && CUSTOMER_KINDS.has(payload.kind)) {
      return { kind: "unknown", raw: fields, reason: `${field} sent by the Page itself` };
    }
    return payload;
  }
  return { kind: "unknown", raw: fields, reason: "no known event field" };
}

function read<S extends z.ZodType>(
  schema: S,
  value: unknown,
  field: string,
  toPayload: (data: z.output<S>) => InboundPayload,
): InboundPayload {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    return { kind: "unknown", raw: { [field]: value }, reason: `malformed ${field}` };
  return toPayload(parsed.data);
}

function readMessage(
  value: unknown,
  fields: Record<string, unknown>,
  options: ParseOptions,
  fromPage: boolean,
): InboundPayload {
  const parsed = messageSchema.safeParse(value);
  if (!parsed.success) return { kind: "unknown", raw: fields, reason: "malformed message" };
  const message = parsed.data;
  const replyTo = message.reply_to?.mid;
  const attachments = message.attachments?.map((a) => toAttachment(a, message.sticker_id));
  // What the Page itself sent is an echo, whatever its flag says: never a customer's message.
  if (flagged(message.is_echo) || fromPage) {
    const appId = message.app_id ?? undefined;
    const ours =
      (options.appId !== undefined && appId === options.appId) ||
      (message.metadata?.startsWith(CONVO_METADATA_PREFIX) ?? false);
    return {
      kind: "echo",
      mid: message.mid,
      ...optional("text", message.text),
      ...optional("attachments", attachments),
      ...optional("appId", appId),
      ...optional("metadata", message.metadata),
      fromPageInbox: !ours,
    };
  }
  const reply = optional("replyTo", replyTo);
  if (message.quick_reply) {
    return {
      kind: "quick_reply",
      mid: message.mid,
      text: message.text ?? "",
      payload: message.quick_reply.payload,
      ...reply,
    };
  }
  if (attachments && attachments.length > 0) {
    return {
      kind: "attachments",
      mid: message.mid,
      attachments,
      ...optional("text", message.text),
      ...reply,
    };
  }
  if (message.text !== undefined)
    return { kind: "text", mid: message.mid, text: message.text, ...reply };
  return { kind: "unknown", raw: fields, reason: "message without text or attachments" };
}

const MEDIA = new Set(["image", "video", "audio", "file", "location", "fallback"]);

function toAttachment(
  raw: z.output<typeof attachmentSchema>,
  stickerId: string | undefined,
): InboundAttachment {
  const payload = raw.payload ?? undefined;
  const url = payload?.url ?? raw.url;
  const title = payload?.title ?? raw.title;
  const sticker = payload?.sticker_id ?? (raw.type === "image" ? stickerId : undefined);
  const type: InboundAttachment["type"] = sticker
    ? "sticker"
    : MEDIA.has(raw.type)
      ? (raw.type as InboundAttachment["type"])
      : "fallback";
  return {
    type,
    ...optional("url", url),
    ...optional("stickerId", sticker),
    ...optional("coordinates", payload?.coordinates),
    ...optional("title", title),
  };
}

function toReferral(raw: z.output<typeof referralSchema>): Referral {
  return {
    ...optional("ref", raw.ref),
    ...optional("source", raw.source),
    ...optional("type", raw.type),
    ...optional("adId", raw.ad_id),
  };
}

function toPostback(raw: z.output<typeof postbackSchema>): InboundPayload {
  return {
    kind: "postback",
    payload: raw.payload,
    ...optional("mid", raw.mid),
    ...optional("title", raw.title),
    ...optional("referral", raw.referral && toReferral(raw.referral)),
  };
}

function toOptin(raw: z.output<typeof optinSchema>): InboundPayload {
  return {
    kind: "optin",
    ...optional("ref", raw.ref),
    ...optional("userRef", raw.user_ref),
    ...optional("optinType", raw.type),
    ...optional("payload", raw.payload),
    ...optional("notificationMessagesToken", raw.notification_messages_token),
    ...optional("notificationMessagesStatus", raw.notification_messages_status),
  };
}

function toReaction(raw: z.output<typeof reactionSchema>): InboundPayload {
  return {
    kind: "reaction",
    action: raw.action,
    mid: raw.mid,
    ...optional("emoji", raw.emoji),
    ...optional("reaction", raw.reaction),
  };
}

function toPassThread(raw: z.output<typeof passThreadSchema>): InboundPayload {
  return {
    kind: "pass_thread_control",
    newOwnerAppId: raw.new_owner_app_id,
    previousOwnerAppId: raw.previous_owner_app_id ?? null,
    ...optional("metadata", raw.metadata),
  };
}

function toTakeThread(raw: z.output<typeof takeThreadSchema>): InboundPayload {
  return {
    kind: "take_thread_control",
    previousOwnerAppId: raw.previous_owner_app_id ?? null,
    ...optional("newOwnerAppId", raw.new_owner_app_id),
    ...optional("metadata", raw.metadata),
  };
}

function toRequestThread(raw: z.output<typeof requestThreadSchema>): InboundPayload {
  return {
    kind: "request_thread_control",
    requestedOwnerAppId: raw.requested_owner_app_id,
    ...optional("metadata", raw.metadata),
  };
}

function toPolicy(raw: z.output<typeof policyEnforcementSchema>): InboundPayload {
  return { kind: "policy_enforcement", action: raw.action, ...optional("reason", raw.reason) };
}

/** `{ [key]: value }` when the value is present, else nothing (exactOptionalPropertyTypes-friendly). */
function optional<K extends string, V>(key: K, value: V | undefined | null): { [P in K]?: V } {
  return value === undefined || value === null ? {} : ({ [key]: value } as { [P in K]: V });
}
