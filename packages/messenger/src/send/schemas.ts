import { utf8Length } from "@convo/flow";
import { z } from "zod";
import { MESSENGER_LIMITS, MESSENGER_METADATA_LIMIT } from "../messenger/limits";
import { MESSENGER_WINDOW, type MessageTag } from "../messenger/window";
import { isHttpUrl } from "./url";

/**
 * Send API request bodies as the Messenger Platform reference documents them, limits included.
 * The emulator validates every call with these; the renderer's output is tested against them.
 * Strict: an unknown key is refused, so a misspelt field (`quick_reply` for `quick_replies`) fails
 * in tests against the emulator instead of being silently ignored in production.
 */

export { isHttpUrl };

export const httpUrlSchema = z.string().refine(isHttpUrl, "must be an http(s) URL");

export const payloadSchema = z
  .string()
  .refine(
    (value) => utf8Length(value) <= MESSENGER_LIMITS.payload,
    `must be at most ${MESSENGER_LIMITS.payload} bytes`,
  );

const buttonTitle = z.string().min(1).max(MESSENGER_LIMITS.buttonTitle);

export const buttonSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("postback"),
    title: buttonTitle,
    payload: payloadSchema.min(1),
  }),
  z.strictObject({
    type: z.literal("web_url"),
    title: buttonTitle,
    url: httpUrlSchema,
    webview_height_ratio: z.enum(["compact", "tall", "full"]).optional(),
  }),
  z.strictObject({
    type: z.literal("phone_number"),
    title: buttonTitle,
    // Meta wants the number in the payload with a leading "+" and the country code.
    payload: z.string().regex(/^\+[1-9]\d{5,14}$/, "must be +<country code><number>"),
  }),
]);

export const quickReplySchema = z.discriminatedUnion("content_type", [
  z.strictObject({
    content_type: z.literal("text"),
    title: z.string().min(1).max(MESSENGER_LIMITS.quickReplyTitle),
    payload: payloadSchema.min(1),
    image_url: httpUrlSchema.optional(),
  }),
  z.strictObject({ content_type: z.literal("user_email") }),
  z.strictObject({ content_type: z.literal("user_phone_number") }),
]);

const buttons = z.array(buttonSchema).min(1).max(MESSENGER_LIMITS.buttons);

export const genericElementSchema = z.strictObject({
  title: z.string().min(1).max(MESSENGER_LIMITS.cardTitle),
  subtitle: z.string().max(MESSENGER_LIMITS.cardSubtitle).optional(),
  image_url: httpUrlSchema.optional(),
  default_action: z
    .strictObject({
      type: z.literal("web_url"),
      url: httpUrlSchema,
      webview_height_ratio: z.enum(["compact", "tall", "full"]).optional(),
    })
    .optional(),
  buttons: buttons.optional(),
});

export const templatePayloadSchema = z.discriminatedUnion("template_type", [
  z.strictObject({
    template_type: z.literal("button"),
    text: z.string().min(1).max(MESSENGER_LIMITS.buttonTemplateText),
    buttons,
  }),
  z.strictObject({
    template_type: z.literal("generic"),
    elements: z.array(genericElementSchema).min(1).max(MESSENGER_LIMITS.cards),
    image_aspect_ratio: z.enum(["horizontal", "square"]).optional(),
  }),
]);

const mediaPayload = z.union([
  z.strictObject({ url: httpUrlSchema, is_reusable: z.boolean().optional() }),
  z.strictObject({ attachment_id: z.string().min(1) }),
]);

export const attachmentSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("image"), payload: mediaPayload }),
  z.strictObject({ type: z.literal("video"), payload: mediaPayload }),
  z.strictObject({ type: z.literal("audio"), payload: mediaPayload }),
  z.strictObject({ type: z.literal("file"), payload: mediaPayload }),
  z.strictObject({ type: z.literal("template"), payload: templatePayloadSchema }),
]);

export const outgoingMessageSchema = z
  .strictObject({
    text: z.string().min(1).max(MESSENGER_LIMITS.text).optional(),
    attachment: attachmentSchema.optional(),
    quick_replies: z.array(quickReplySchema).min(1).max(MESSENGER_LIMITS.quickReplies).optional(),
    metadata: z.string().max(MESSENGER_METADATA_LIMIT).optional(),
  })
  .refine((m) => (m.text === undefined) !== (m.attachment === undefined), {
    message: "must have exactly one of text or attachment",
  });

export const MESSAGE_TAGS = Object.keys(MESSENGER_WINDOW.tags) as [MessageTag, ...MessageTag[]];
export type { MessageTag };

export const SENDER_ACTIONS = ["typing_on", "typing_off", "mark_seen"] as const;
export type SenderAction = (typeof SENDER_ACTIONS)[number];

export const recipientSchema = z
  .strictObject({
    id: z.string().min(1).optional(),
    user_ref: z.string().min(1).optional(),
    notification_messages_token: z.string().min(1).optional(),
    /** A private reply to a comment. */
    comment_id: z.string().min(1).optional(),
  })
  .refine(
    (r) =>
      [r.id, r.user_ref, r.notification_messages_token, r.comment_id].filter(Boolean).length === 1,
    { message: "must name exactly one of id, user_ref, notification_messages_token, comment_id" },
  );

export const sendBodySchema = z
  .strictObject({
    recipient: recipientSchema,
    messaging_type: z.enum(["RESPONSE", "UPDATE", "MESSAGE_TAG"]).optional(),
    tag: z.enum(MESSAGE_TAGS).optional(),
    message: outgoingMessageSchema.optional(),
    sender_action: z.enum(SENDER_ACTIONS).optional(),
    notification_type: z.enum(["REGULAR", "SILENT_PUSH", "NO_PUSH"]).optional(),
    persona_id: z.string().min(1).optional(),
  })
  .superRefine((body, ctx) => {
    if ((body.message === undefined) === (body.sender_action === undefined)) {
      ctx.addIssue({
        code: "custom",
        message: "must have exactly one of message or sender_action",
      });
    }
    if (body.messaging_type === "MESSAGE_TAG" && body.tag === undefined) {
      ctx.addIssue({ code: "custom", path: ["tag"], message: "is required with MESSAGE_TAG" });
    }
    if (body.tag !== undefined && body.messaging_type !== "MESSAGE_TAG") {
      ctx.addIssue({ code: "custom", path: ["tag"], message: "needs messaging_type MESSAGE_TAG" });
    }
  });

export type SendBody = z.infer<typeof sendBodySchema>;
export type OutgoingMessage = z.infer<typeof outgoingMessageSchema>;
export type SendButton = z.infer<typeof buttonSchema>;
export type SendQuickReply = z.infer<typeof quickReplySchema>;
export type GenericElement = z.infer<typeof genericElementSchema>;

// ───────────────────────── Messenger Profile ─────────────────────────

const menuItem = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("postback"),
    title: z.string().min(1).max(30),
    payload: payloadSchema.min(1),
  }),
  z.object({
    type: z.literal("web_url"),
    title: z.string().min(1).max(30),
    url: httpUrlSchema,
    webview_height_ratio: z.enum(["compact", "tall", "full"]).optional(),
  }),
]);

export const messengerProfileSchema = z.object({
  get_started: z.object({ payload: payloadSchema.min(1) }).optional(),
  greeting: z
    .array(z.object({ locale: z.string().min(1), text: z.string().min(1).max(160) }))
    .min(1)
    .optional(),
  persistent_menu: z
    .array(
      z.object({
        locale: z.string().min(1),
        composer_input_disabled: z.boolean().optional(),
        call_to_actions: z.array(menuItem).min(1).max(20),
      }),
    )
    .min(1)
    .optional(),
  ice_breakers: z
    .array(
      z.object({
        locale: z.string().min(1).optional(),
        call_to_actions: z
          .array(z.object({ question: z.string().min(1).max(80), payload: payloadSchema.min(1) }))
          .min(1)
          .max(4),
      }),
    )
    .min(1)
    .optional(),
});

export type MessengerProfile = z.infer<typeof messengerProfileSchema>;
export const MESSENGER_PROFILE_FIELDS = [
  "get_started",
  "greeting",
  "persistent_menu",
  "ice_breakers",
] as const;
export type MessengerProfileField = (typeof MESSENGER_PROFILE_FIELDS)[number];

export const threadControlSchema = z.object({
  recipient: z.object({ id: z.string().min(1) }),
  target_app_id: z.union([z.string().min(1), z.number()]).optional(),
  metadata: z.string().max(MESSENGER_METADATA_LIMIT).optional(),
});
