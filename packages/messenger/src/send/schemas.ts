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

/** What a URL button or a card's default action may add (Messenger Extensions, the webview). */
const webviewOptions = {
  webview_height_ratio: z.enum(["compact", "tall", "full"]).optional(),
  messenger_extensions: z.boolean().optional(),
  /** Opened where Messenger Extensions are not supported; only with them. */
  fallback_url: httpUrlSchema.optional(),
  webview_share_button: z.literal("hide").optional(),
};

export const httpsUrlSchema = z
  .string()
  .refine((value) => value.startsWith("https://") && isHttpUrl(value), "must be an https URL");

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
    ...webviewOptions,
  }),
  // Account linking: Messenger titles these buttons itself ("Log In", "Log Out").
  z.strictObject({ type: z.literal("account_link"), url: httpsUrlSchema }),
  z.strictObject({ type: z.literal("account_unlink") }),
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
    .strictObject({ type: z.literal("web_url"), url: httpUrlSchema, ...webviewOptions })
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
    sharable: z.boolean().optional(),
  }),
  mediaTemplateSchema(),
  receiptTemplateSchema(),
]);

/**
 * The media template: one image or video, by `attachment_id` (uploaded) or by its Facebook URL
 * (Meta takes no other URL here), with an optional button.
 */
function mediaTemplateSchema() {
  const facebookUrl = z
    .string()
    .refine(
      (value) => /^https:\/\/([a-z0-9-]+\.)*facebook\.com\//i.test(value),
      "must be a Facebook URL (upload other media for an attachment_id)",
    );
  const element = z
    .strictObject({
      media_type: z.enum(["image", "video"]),
      attachment_id: z.string().min(1).optional(),
      url: facebookUrl.optional(),
      buttons: z.array(buttonSchema).min(1).max(1).optional(),
    })
    .refine((e) => (e.attachment_id === undefined) !== (e.url === undefined), {
      message: "must have exactly one of attachment_id or url",
    });
  return z.strictObject({
    template_type: z.literal("media"),
    elements: z.array(element).min(1).max(1),
    sharable: z.boolean().optional(),
  });
}

/** The receipt template: an order confirmation, as the Messenger Platform reference lists it. */
function receiptTemplateSchema() {
  const amount = z.number();
  return z.strictObject({
    template_type: z.literal("receipt"),
    sharable: z.boolean().optional(),
    recipient_name: z.string().min(1),
    merchant_name: z.string().optional(),
    order_number: z.string().min(1),
    currency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 currency code"),
    payment_method: z.string().min(1),
    timestamp: z.string().regex(/^\d+$/, "must be seconds since the epoch").optional(),
    order_url: httpUrlSchema.optional(),
    elements: z
      .array(
        z.strictObject({
          title: z.string().min(1),
          subtitle: z.string().optional(),
          quantity: z.number().int().optional(),
          price: amount,
          currency: z
            .string()
            .regex(/^[A-Z]{3}$/)
            .optional(),
          image_url: httpUrlSchema.optional(),
        }),
      )
      .max(100)
      .optional(),
    address: z
      .strictObject({
        street_1: z.string().min(1),
        street_2: z.string().optional(),
        city: z.string().min(1),
        postal_code: z.string().min(1),
        state: z.string().min(1),
        country: z.string().min(1),
      })
      .optional(),
    summary: z.strictObject({
      subtotal: amount.optional(),
      shipping_cost: amount.optional(),
      total_tax: amount.optional(),
      total_cost: amount,
    }),
    adjustments: z.array(z.strictObject({ name: z.string().min(1), amount })).optional(),
  });
}

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

const iceBreaker = z.object({ question: z.string().min(1).max(80), payload: payloadSchema.min(1) });

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
  // Two shapes: per locale (`[{ locale, call_to_actions }]`), and the older one Meta still takes
  // (`[{ question, payload }]`, up to 4).
  ice_breakers: z
    .union([
      z
        .array(
          z.object({
            locale: z.string().min(1).optional(),
            call_to_actions: z.array(iceBreaker).min(1).max(4),
          }),
        )
        .min(1),
      z.array(iceBreaker).min(1).max(4),
    ])
    .optional(),
  /** Domains the webview and the plugins may open, https only, up to 50. */
  whitelisted_domains: z.array(httpsUrlSchema).min(1).max(50).optional(),
});

export type MessengerProfile = z.infer<typeof messengerProfileSchema>;
export const MESSENGER_PROFILE_FIELDS = [
  "get_started",
  "greeting",
  "persistent_menu",
  "ice_breakers",
  "whitelisted_domains",
] as const;
export type MessengerProfileField = (typeof MESSENGER_PROFILE_FIELDS)[number];

export const threadControlSchema = z.object({
  recipient: z.object({ id: z.string().min(1) }),
  target_app_id: z.union([z.string().min(1), z.number()]).optional(),
  metadata: z.string().max(MESSENGER_METADATA_LIMIT).optional(),
});
