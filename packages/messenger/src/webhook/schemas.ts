import { z } from "zod";

/**
 * Raw shapes of the Messenger Platform webhook reference. Lenient on purpose: Meta adds fields
 * without notice, so unknown keys are stripped, never rejected. Only what Convo reads is required.
 */

/** Ids arrive as strings, app ids sometimes as numbers. */
export const idSchema = z.union([z.string().min(1), z.number().transform((n) => String(n))]);

/** Meta documents numbers; some references show strings. Both are accepted. */
export const timeSchema = z.union([
  z.number().finite(),
  z
    .string()
    .regex(/^\d{1,16}$/)
    .transform(Number),
]);

const party = z.object({ id: idSchema.optional(), user_ref: z.string().optional() });

export const envelopeSchema = z.object({
  object: z.enum(["page", "instagram"]),
  entry: z.array(z.unknown()),
});

export const entrySchema = z.object({
  id: idSchema,
  // A garbled time must not cost the entry its events: fall back to the items' own timestamps.
  time: timeSchema.optional().catch(undefined),
  messaging: z.array(z.unknown()).optional(),
  standby: z.array(z.unknown()).optional(),
  changes: z.array(z.unknown()).optional(),
});

export const itemSchema = z.object({
  sender: party.optional(),
  recipient: party.optional(),
  timestamp: timeSchema.optional().catch(undefined),
});

const url = z.string();

export const attachmentSchema = z.object({
  type: z.string(),
  payload: z
    .object({
      url: url.optional(),
      sticker_id: idSchema.optional(),
      title: z.string().optional(),
      coordinates: z.object({ lat: z.number(), long: z.number() }).optional(),
    })
    .nullish(),
  title: z.string().optional(),
  url: url.optional(),
});

export const messageSchema = z.object({
  mid: z.string().min(1),
  text: z.string().optional(),
  quick_reply: z.object({ payload: z.string() }).optional(),
  reply_to: z.object({ mid: z.string() }).optional(),
  attachments: z.array(attachmentSchema).optional(),
  sticker_id: idSchema.optional(),
  // Meta sends a boolean; captured samples carry "true", 1 or null too: read, never refused.
  is_echo: z.unknown().optional(),
  app_id: idSchema.nullish(),
  metadata: z.string().optional(),
});

export const referralSchema = z.object({
  ref: z.string().optional(),
  source: z.string().optional(),
  type: z.string().optional(),
  ad_id: idSchema.optional(),
});

export const postbackSchema = z.object({
  mid: z.string().optional(),
  title: z.string().optional(),
  payload: z.string(),
  referral: referralSchema.optional(),
});

export const optinSchema = z.object({
  ref: z.string().optional(),
  user_ref: z.string().optional(),
  type: z.string().optional(),
  payload: z.string().optional(),
  notification_messages_token: z.string().optional(),
  notification_messages_status: z.string().optional(),
});

export const deliverySchema = z.object({
  mids: z.array(z.string()).optional(),
  watermark: timeSchema,
});

/** Messenger reads carry a watermark; Instagram reads name the message read instead. */
export const readSchema = z
  .object({ watermark: timeSchema.optional(), mid: z.string().min(1).optional() })
  .refine((read) => read.watermark !== undefined || read.mid !== undefined);

export const reactionSchema = z.object({
  action: z.enum(["react", "unreact"]),
  mid: z.string().min(1),
  emoji: z.string().optional(),
  reaction: z.string().optional(),
});

export const passThreadSchema = z.object({
  new_owner_app_id: idSchema,
  previous_owner_app_id: idSchema.nullish(),
  metadata: z.string().optional(),
});

export const takeThreadSchema = z.object({
  previous_owner_app_id: idSchema.nullish(),
  new_owner_app_id: idSchema.optional(),
  metadata: z.string().optional(),
});

export const requestThreadSchema = z.object({
  requested_owner_app_id: idSchema,
  metadata: z.string().optional(),
});

export const appRolesSchema = z.record(z.string(), z.array(z.string()));

export const policyEnforcementSchema = z.object({
  action: z.string(),
  reason: z.string().optional(),
});
