import type { z } from "zod";
import { hashKey } from "./dedupe";
import {
  appRolesSchema,
  type attachmentSchema,
  deliverySchema,
  entrySchema,
  envelopeSchema,
  itemSchema,
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
import type { EventBase, InboundAttachment, InboundEvent, InboundPayload, Referral } from "./types";

export interface ParseOptions {
  /** Convo's Facebook app id: echoes carrying it are Convo's own sends. */
  appId?: string;
}

export type ParseResult = { ok: true; events: InboundEvent[] } | { ok: false; error: string };

/**
 * Prefix of the `metadata` Convo puts on every message it sends (see `renderSend`). Meta echoes it
 * back, which tells Convo's own sends from a human's reply in the Page Inbox even without an app id.
 */
export const CONVO_METADATA_PREFIX = "convo";

/**
 * Turns a webhook POST body into normalised events, in order: every entry, then every item of its
 * `messaging` and `standby` arrays. Never throws: a body that is not a Messenger webhook is an
 * error (answer 400); an item that is not understood becomes an `unknown` event with its raw JSON.
 */
export function parseWebhook(body: unknown, options: ParseOptions = {}): ParseResult {
  try {
    return parseEnvelope(body, options);
  } catch (error) {
    // Unreachable for JSON input; a guard for exotic objects (getters that throw, proxies).
    return { ok: false, error: `unreadable webhook body: ${String(error)}` };
  }
}

function parseEnvelope(body: unknown, options: ParseOptions): ParseResult {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) {
    return {
      ok: false,
      error: 'not a Messenger webhook: expected { object: "page" | "instagram", entry: [...] }',
    };
  }
  const platform = envelope.data.object;
  const events: InboundEvent[] = [];
  for (const rawEntry of envelope.data.entry) {
    const entry = entrySchema.safeParse(rawEntry);
    if (!entry.success) {
      events.push(unknownEvent(platform, "", 0, "messaging", rawEntry, "entry without a page id"));
      continue;
    }
    const { id: pageId, time = 0, messaging, standby } = entry.data;
    if (!messaging && !standby) {
      // Feed `changes` and other fields Convo does not subscribe to: kept, not dropped.
      events.push(
        unknownEvent(platform, pageId, time, "messaging", rawEntry, "entry without messaging"),
      );
      continue;
    }
    for (const item of messaging ?? []) {
      events.push(parseItem({ platform, pageId, time, channel: "messaging" }, item, options));
    }
    for (const item of standby ?? []) {
      events.push(parseItem({ platform, pageId, time, channel: "standby" }, item, options));
    }
  }
  return { ok: true, events };
}

interface Place {
  platform: EventBase["platform"];
  pageId: string;
  time: number;
  channel: EventBase["channel"];
}

function parseItem(place: Place, raw: unknown, options: ParseOptions): InboundEvent {
  const item = itemSchema.safeParse(raw);
  if (!item.success || typeof raw !== "object" || raw === null) {
    return unknownEvent(
      place.platform,
      place.pageId,
      place.time,
      place.channel,
      raw,
      "not an event object",
    );
  }
  const fields = raw as Record<string, unknown>;
  const sender = item.data.sender?.id ?? null;
  const recipient = item.data.recipient?.id ?? null;
  const payload = readPayload(fields, options);
  const isEcho = payload.kind === "echo";
  const base: EventBase = {
    platform: place.platform,
    pageId: place.pageId,
    // For echoes the Page is the sender and the contact the recipient.
    psid: isEcho ? recipient : sender,
    timestamp: item.data.timestamp ?? place.time,
    channel: place.channel,
    dedupeKey: "",
  };
  base.dedupeKey = dedupeKeyOf(payload) ?? hashKey(place.pageId, raw);
  return { ...base, ...payload } as InboundEvent;
}

/** Message ids are unique per message; reactions and deliveries only point at other messages. */
function dedupeKeyOf(payload: InboundPayload): string | undefined {
  switch (payload.kind) {
    case "text":
    case "quick_reply":
    case "attachments":
    case "echo":
      return `mid:${payload.mid}`;
    case "postback":
      return payload.mid ? `mid:${payload.mid}` : undefined;
    default:
      return undefined;
  }
}

type Reader = (
  value: unknown,
  fields: Record<string, unknown>,
  options: ParseOptions,
) => InboundPayload;

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
];

function readPayload(fields: Record<string, unknown>, options: ParseOptions): InboundPayload {
  for (const [field, reader] of READERS) {
    if (fields[field] === undefined) continue;
    const payload = reader(fields[field], fields, options);
    // An unknown event keeps the whole item, not only the field that could not be read.
    return payload.kind === "unknown" ? { ...payload, raw: fields } : payload;
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
): InboundPayload {
  const parsed = messageSchema.safeParse(value);
  if (!parsed.success) return { kind: "unknown", raw: fields, reason: "malformed message" };
  const message = parsed.data;
  const replyTo = message.reply_to?.mid;
  const attachments = message.attachments?.map((a) => toAttachment(a, message.sticker_id));
  if (message.is_echo) {
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

function unknownEvent(
  platform: EventBase["platform"],
  pageId: string,
  time: number,
  channel: EventBase["channel"],
  raw: unknown,
  reason: string,
): InboundEvent {
  return {
    platform,
    pageId,
    psid: null,
    timestamp: time,
    channel,
    dedupeKey: hashKey(pageId, raw),
    kind: "unknown",
    raw,
    reason,
  };
}

/** `{ [key]: value }` when the value is present, else nothing (exactOptionalPropertyTypes-friendly). */
function optional<K extends string, V>(key: K, value: V | undefined | null): { [P in K]?: V } {
  return value === undefined || value === null ? {} : ({ [key]: value } as { [P in K]: V });
}
