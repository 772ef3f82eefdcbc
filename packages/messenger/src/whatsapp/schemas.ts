import { z } from "zod";
import { isHttpUrl } from "../send/url";
import { WHATSAPP_SHAPES as L } from "./limits";

/**
 * Cloud API `POST /{phone-number-id}/messages` bodies as the Messages API reference documents
 * them, limits included. The emulator validates every call with these; the renderer's output is
 * tested against them. Strict, so a misspelt field fails in tests instead of in production.
 */

const link = z.string().refine(isHttpUrl, "must be an http(s) URL");
const media = z.strictObject({ link, caption: z.string().max(L.caption).optional() });
const document = z.strictObject({
  link,
  caption: z.string().max(L.caption).optional(),
  filename: z.string().min(1).max(240).optional(),
});

const header = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("text"), text: z.string().min(1).max(L.headerText) }),
  z.strictObject({ type: z.literal("image"), image: z.strictObject({ link }) }),
  z.strictObject({ type: z.literal("video"), video: z.strictObject({ link }) }),
  z.strictObject({ type: z.literal("document"), document: z.strictObject({ link }) }),
]);
const body = z.strictObject({ text: z.string().min(1).max(L.interactiveBody) });
const footer = z.strictObject({ text: z.string().min(1).max(L.footerText) });

const replyButton = z.strictObject({
  type: z.literal("reply"),
  reply: z.strictObject({
    id: z.string().min(1).max(L.replyButtonId),
    title: z.string().min(1).max(L.replyButtonTitle),
  }),
});

const listRow = z.strictObject({
  id: z.string().min(1).max(L.listRowId),
  title: z.string().min(1).max(L.listRowTitle),
  description: z.string().max(L.listRowDescription).optional(),
});

const interactive = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("button"),
    header: header.optional(),
    body,
    footer: footer.optional(),
    action: z.strictObject({
      buttons: z
        .array(replyButton)
        .min(1)
        .max(L.replyButtons)
        .refine(
          (buttons) => new Set(buttons.map((b) => b.reply.title)).size === buttons.length,
          "button titles must be unique",
        ),
    }),
  }),
  z.strictObject({
    type: z.literal("list"),
    header: z.strictObject({ type: z.literal("text"), text: z.string().min(1).max(60) }).optional(),
    body,
    footer: footer.optional(),
    action: z.strictObject({
      button: z.string().min(1).max(L.listButton),
      sections: z
        .array(
          z.strictObject({
            title: z.string().min(1).max(L.sectionTitle).optional(),
            rows: z.array(listRow).min(1),
          }),
        )
        .min(1)
        .max(L.listSections)
        .refine(
          (sections) => sections.reduce((n, s) => n + s.rows.length, 0) <= L.listRows,
          `at most ${L.listRows} rows in all sections`,
        ),
    }),
  }),
  z.strictObject({
    type: z.literal("cta_url"),
    header: header.optional(),
    body,
    footer: footer.optional(),
    action: z.strictObject({
      name: z.literal("cta_url"),
      parameters: z.strictObject({
        display_text: z.string().min(1).max(L.ctaDisplayText),
        url: link,
      }),
    }),
  }),
]);

const templateParameter = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("text"), text: z.string().min(1) }),
]);

export const whatsappTemplateSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(512)
    .regex(/^[a-z0-9_]+$/, "must be lowercase letters, digits and _"),
  language: z.strictObject({ code: z.string().min(2).max(15) }),
  components: z
    .array(
      z.strictObject({
        type: z.enum(["header", "body"]),
        parameters: z.array(templateParameter).min(1),
      }),
    )
    .optional(),
});

const common = {
  messaging_product: z.literal("whatsapp"),
  recipient_type: z.literal("individual").optional(),
  to: z.string().regex(/^\+?\d{6,15}$/, "must be a phone number or wa_id"),
  context: z.strictObject({ message_id: z.string().min(1) }).optional(),
  biz_opaque_callback_data: z.string().max(512).optional(),
};

export const whatsappMessageSchema = z.discriminatedUnion("type", [
  z.strictObject({
    ...common,
    type: z.literal("text"),
    text: z.strictObject({
      body: z.string().min(1).max(L.text),
      preview_url: z.boolean().optional(),
    }),
  }),
  z.strictObject({ ...common, type: z.literal("image"), image: media }),
  z.strictObject({ ...common, type: z.literal("video"), video: media }),
  z.strictObject({ ...common, type: z.literal("audio"), audio: z.strictObject({ link }) }),
  z.strictObject({ ...common, type: z.literal("document"), document }),
  z.strictObject({ ...common, type: z.literal("interactive"), interactive }),
  z.strictObject({ ...common, type: z.literal("template"), template: whatsappTemplateSchema }),
]);

/** Marks a message read (and, with `typing_indicator`, shows typing): Cloud API's one status. */
export const whatsappReadSchema = z.strictObject({
  messaging_product: z.literal("whatsapp"),
  status: z.literal("read"),
  message_id: z.string().min(1),
  typing_indicator: z.strictObject({ type: z.literal("text") }).optional(),
});

export type WhatsAppMessage = z.infer<typeof whatsappMessageSchema>;
export type WhatsAppTemplate = z.infer<typeof whatsappTemplateSchema>;
export type WhatsAppInteractive = Extract<WhatsAppMessage, { type: "interactive" }>["interactive"];

/**
 * What WhatsApp's renderer makes of one engine message: the Cloud API bodies to send in order
 * (one for most steps; a card gallery is one message per card).
 */
export interface WhatsAppSend {
  messages: WhatsAppMessage[];
}
