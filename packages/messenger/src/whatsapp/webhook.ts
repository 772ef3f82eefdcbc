import { z } from "zod";
import { hashKey, keepable } from "../webhook/dedupe";
import type { ParseResult } from "../webhook/parse";
import type { EventBase, InboundAttachment, InboundEvent, InboundPayload } from "../webhook/types";

/**
 * WhatsApp Cloud API webhook bodies (Webhooks reference, `messages` field):
 * `{ object: "whatsapp_business_account", entry: [{ id: WABA_ID, changes: [{ field: "messages",
 * value: { messaging_product, metadata: { display_phone_number, phone_number_id }, contacts:
 * [{ profile: { name }, wa_id }], messages: [...], statuses: [...] } }] }] }`. Lenient: unknown
 * keys are stripped; only what Convo reads is required.
 */
const envelopeSchema = z.object({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(z.unknown()),
});
const entrySchema = z.object({ id: z.string().min(1), changes: z.array(z.unknown()) });
const changeSchema = z.object({
  field: z.string(),
  value: z.object({
    metadata: z.object({ phone_number_id: z.string().min(1) }),
    contacts: z
      .array(
        z.object({
          wa_id: z.string(),
          profile: z.object({ name: z.string() }).partial().optional(),
        }),
      )
      .optional()
      .catch(undefined),
    messages: z.array(z.unknown()).optional(),
    statuses: z.array(z.unknown()).optional(),
  }),
});
const seconds = z.union([
  z
    .string()
    .regex(/^\d{1,12}$/)
    .transform(Number),
  z.number().finite(),
]);
const messageSchema = z.object({
  from: z.string().min(1),
  id: z.string().min(1),
  timestamp: seconds,
  type: z.string(),
  context: z.object({ id: z.string().optional() }).optional().catch(undefined),
});
const mediaSchema = z.object({
  id: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
});
const statusSchema = z.object({
  id: z.string().min(1),
  status: z.enum(["sent", "delivered", "read", "failed"]),
  timestamp: seconds,
  recipient_id: z.string().min(1),
  biz_opaque_callback_data: z.string().optional(),
  errors: z
    .array(
      z.object({
        code: z.number(),
        title: z.string().optional(),
        message: z.string().optional(),
        error_data: z.object({ details: z.string().optional() }).optional(),
      }),
    )
    .optional()
    .catch(undefined),
});

export interface WhatsAppParseOptions {
  /** This runtime's business phone number: a change for another one is kept, never answered. */
  phoneNumberId?: string;
}

/**
 * Turns a WhatsApp webhook body into normalised events (`platform: "whatsapp"`, `psid` the
 * customer's `wa_id`), in order. Never throws: a body that is not WhatsApp's is an error (answer
 * 400); anything not understood is an `unknown` event kept whole. Messages dedupe on their
 * `wamid`, statuses on their `wamid` and status.
 */
export function parseWhatsAppWebhook(
  body: unknown,
  options: WhatsAppParseOptions = {},
): ParseResult {
  try {
    return parseEnvelope(body, options);
  } catch {
    return { ok: false, error: "unreadable webhook body" };
  }
}

function parseEnvelope(body: unknown, options: WhatsAppParseOptions): ParseResult {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) {
    return {
      ok: false,
      error:
        'not a WhatsApp webhook: expected { object: "whatsapp_business_account", entry: [...] }',
    };
  }
  const events: InboundEvent[] = [];
  for (const rawEntry of envelope.data.entry) {
    const entry = entrySchema.safeParse(rawEntry);
    if (!entry.success) {
      events.push(unknown("", rawEntry, "entry without an account id and changes"));
      continue;
    }
    for (const rawChange of entry.data.changes) {
      const change = changeSchema.safeParse(rawChange);
      if (!change.success || change.data.field !== "messages") {
        events.push(unknown(entry.data.id, rawChange, "not a messages change"));
        continue;
      }
      const { value } = change.data;
      const phone = value.metadata.phone_number_id;
      if (options.phoneNumberId !== undefined && phone !== options.phoneNumberId) {
        events.push(
          unknown(
            phone,
            rawChange,
            `change for phone number ${phone}, not ${options.phoneNumberId}`,
          ),
        );
        continue;
      }
      const names = new Map((value.contacts ?? []).map((c) => [c.wa_id, c.profile?.name]));
      for (const raw of value.messages ?? []) events.push(parseMessage(phone, raw, names));
      for (const raw of value.statuses ?? []) events.push(parseStatus(phone, raw));
    }
  }
  return { ok: true, events };
}

function parseMessage(
  phone: string,
  raw: unknown,
  names: Map<string, string | undefined>,
): InboundEvent {
  const message = messageSchema.safeParse(raw);
  if (!message.success) return unknown(phone, raw, "not a message object");
  const { from, id, timestamp, type, context } = message.data;
  const fields = raw as Record<string, unknown>;
  const payload = readMessage(type, fields[type], id, context?.id);
  const name = names.get(from);
  const base: EventBase = {
    platform: "whatsapp",
    pageId: phone,
    psid: from,
    timestamp: timestamp * 1000,
    channel: "messaging",
    dedupeKey: `wamid:${id}`,
    ...(name ? { contactName: name } : {}),
  };
  if (payload.kind === "unknown") return { ...base, ...payload, raw: keepable(raw) };
  return { ...base, ...payload } as InboundEvent;
}

const textSchema = z.object({ body: z.string() });
const interactiveSchema = z.object({
  type: z.enum(["button_reply", "list_reply"]),
  button_reply: z.object({ id: z.string(), title: z.string() }).optional(),
  list_reply: z.object({ id: z.string(), title: z.string() }).optional(),
});
const buttonSchema = z.object({ text: z.string(), payload: z.string() });
const locationSchema = z.object({
  latitude: z.number(),
  longitude: z.number(),
  name: z.string().optional(),
});
const reactionSchema = z.object({ message_id: z.string().min(1), emoji: z.string().optional() });
const MEDIA: Record<string, InboundAttachment["type"]> = {
  image: "image",
  video: "video",
  audio: "audio",
  document: "file",
  sticker: "sticker",
};

function readMessage(type: string, value: unknown, mid: string, replyTo?: string): InboundPayload {
  const reply = replyTo === undefined ? {} : { replyTo };
  const bad = (): InboundPayload => ({
    kind: "unknown",
    raw: value,
    reason: `unreadable ${type} message`,
  });
  if (type === "text") {
    const text = textSchema.safeParse(value);
    return text.success ? { kind: "text", mid, text: text.data.body, ...reply } : bad();
  }
  if (type === "interactive") {
    const i = interactiveSchema.safeParse(value);
    const choice = i.success ? (i.data.button_reply ?? i.data.list_reply) : undefined;
    return choice
      ? { kind: "quick_reply", mid, text: choice.title, payload: choice.id, ...reply }
      : bad();
  }
  if (type === "button") {
    // A template's quick-reply button.
    const b = buttonSchema.safeParse(value);
    return b.success
      ? { kind: "quick_reply", mid, text: b.data.text, payload: b.data.payload, ...reply }
      : bad();
  }
  if (type === "location") {
    const l = locationSchema.safeParse(value);
    if (!l.success) return bad();
    const { latitude: lat, longitude: long, name } = l.data;
    return {
      kind: "attachments",
      mid,
      attachments: [
        { type: "location", coordinates: { lat, long }, ...(name ? { title: name } : {}) },
      ],
      ...reply,
    };
  }
  if (type === "reaction") {
    const r = reactionSchema.safeParse(value);
    if (!r.success) return bad();
    const emoji = r.data.emoji ?? "";
    return emoji === ""
      ? { kind: "reaction", action: "unreact", mid: r.data.message_id }
      : { kind: "reaction", action: "react", mid: r.data.message_id, emoji };
  }
  const media = MEDIA[type];
  if (media !== undefined) {
    const m = mediaSchema.safeParse(value);
    if (!m.success) return bad();
    const attachment: InboundAttachment = {
      type: media,
      ...(m.data.id ? { mediaId: m.data.id } : {}),
      ...(m.data.filename ? { title: m.data.filename } : {}),
    };
    return {
      kind: "attachments",
      mid,
      attachments: [attachment],
      ...(m.data.caption ? { text: m.data.caption } : {}),
      ...reply,
    };
  }
  return { kind: "unknown", raw: value, reason: `message type ${type}` };
}

function parseStatus(phone: string, raw: unknown): InboundEvent {
  const parsed = statusSchema.safeParse(raw);
  if (!parsed.success) return unknown(phone, raw, "not a status object");
  const s = parsed.data;
  const errors = s.errors?.map((e) => ({
    code: e.code,
    ...(e.title ? { title: e.title } : {}),
    ...(e.message ? { message: e.message } : {}),
    ...(e.error_data?.details ? { details: e.error_data.details } : {}),
  }));
  return {
    platform: "whatsapp",
    pageId: phone,
    psid: s.recipient_id,
    timestamp: s.timestamp * 1000,
    channel: "messaging",
    dedupeKey: `wamid:${s.id}:${s.status}`,
    kind: "status",
    mid: s.id,
    status: s.status,
    ...(s.biz_opaque_callback_data ? { metadata: s.biz_opaque_callback_data } : {}),
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

function unknown(account: string, raw: unknown, reason: string): InboundEvent {
  return {
    platform: "whatsapp",
    pageId: account,
    psid: null,
    timestamp: 0,
    channel: "messaging",
    dedupeKey: hashKey(account, raw),
    kind: "unknown",
    raw: keepable(raw),
    reason,
  };
}
