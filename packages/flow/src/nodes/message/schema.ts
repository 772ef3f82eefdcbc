import { z } from "zod";
import { idSchema, labelSchema, shortTextSchema, textSchema } from "../../common";
import { translationsSchema } from "../../translations/schema";

/** A button's title in the flow's other languages. */
const titleTranslations = translationsSchema({ title: shortTextSchema });

export const postbackButtonSchema = z.strictObject({
  id: idSchema,
  kind: z.literal("postback"),
  title: shortTextSchema,
  translations: titleTranslations,
});

export const urlButtonSchema = z.strictObject({
  id: idSchema,
  kind: z.literal("url"),
  title: shortTextSchema,
  translations: titleTranslations,
  url: shortTextSchema,
  webviewHeight: z.enum(["compact", "tall", "full"]).optional(),
});

export const callButtonSchema = z.strictObject({
  id: idSchema,
  kind: z.literal("call"),
  title: shortTextSchema,
  translations: titleTranslations,
  phone: shortTextSchema,
});

export const buttonSchema = z.discriminatedUnion("kind", [
  postbackButtonSchema,
  urlButtonSchema,
  callButtonSchema,
]);

export const quickReplySchema = z.strictObject({
  id: idSchema,
  title: shortTextSchema,
  imageUrl: shortTextSchema.optional(),
  translations: titleTranslations,
});

export const textBlockSchema = z.strictObject({
  id: idSchema,
  kind: z.literal("text"),
  text: textSchema,
  buttons: z.array(buttonSchema).max(50).optional(),
  translations: translationsSchema({ text: textSchema }),
});

const mediaBlock = <K extends string>(kind: K) =>
  z.strictObject({ id: idSchema, kind: z.literal(kind), url: shortTextSchema });

export const imageBlockSchema = mediaBlock("image");
export const videoBlockSchema = mediaBlock("video");
export const audioBlockSchema = mediaBlock("audio");
export const fileBlockSchema = mediaBlock("file");

export const cardSchema = z.strictObject({
  id: idSchema,
  title: shortTextSchema,
  subtitle: shortTextSchema.optional(),
  imageUrl: shortTextSchema.optional(),
  /** Opened when the card itself is tapped. */
  url: shortTextSchema.optional(),
  buttons: z.array(buttonSchema).max(50).optional(),
  translations: translationsSchema({ title: shortTextSchema, subtitle: shortTextSchema }),
});

export const cardsBlockSchema = z.strictObject({
  id: idSchema,
  kind: z.literal("cards"),
  imageAspectRatio: z.enum(["horizontal", "square"]).optional(),
  cards: z.array(cardSchema).max(100),
});

/** The ranges of the message's number fields, for the schema and the editor's form. */
export const MESSAGE_LIMITS = {
  /** A typing pause, in seconds. */
  typingSeconds: { min: 0, max: 20 },
} as const;

/** Shows the typing indicator for a moment before the next block. */
export const typingBlockSchema = z.strictObject({
  id: idSchema,
  kind: z.literal("typing"),
  seconds: z
    .number()
    .min(MESSAGE_LIMITS.typingSeconds.min)
    .max(
      MESSAGE_LIMITS.typingSeconds.max,
      `must be at most ${MESSAGE_LIMITS.typingSeconds.max} seconds`,
    ),
});

export const contentBlockSchema = z.discriminatedUnion("kind", [
  textBlockSchema,
  imageBlockSchema,
  videoBlockSchema,
  audioBlockSchema,
  fileBlockSchema,
  cardsBlockSchema,
  typingBlockSchema,
]);

const whatsappLanguageSchema = z
  .string()
  .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, "must be a language code like en_US or fr");

/**
 * WhatsApp outside its 24-hour window takes only an approved template: the one this step sends
 * instead of its first message there (its later ones are skipped, the reason recorded). Its
 * body's `{{1}}`, `{{2}}`… are `parameters`, each templated text (`{{order.number}}`).
 */
/** How WhatsApp Manager names a template: the editor checks a name as it is typed with it. */
export const WHATSAPP_TEMPLATE_NAME = /^[a-z0-9_]+$/;

export const whatsappTemplateSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(512)
    .regex(
      WHATSAPP_TEMPLATE_NAME,
      "must be lowercase letters, digits and _, as WhatsApp names templates",
    ),
  /** WhatsApp's language code of the approved translation: `en_US`, `fr`. */
  language: whatsappLanguageSchema,
  parameters: z.array(shortTextSchema).max(20).optional(),
  /**
   * In the flow's other languages, the approved translation of the template to send instead and,
   * where a parameter is words rather than a variable, its parameters in that language
   * (`{ fr: { language: "fr", parameters: ["demain"] } }`): a French contact gets the French one.
   */
  translations: translationsSchema({
    language: whatsappLanguageSchema,
    parameters: z.array(shortTextSchema).max(20),
  }),
});

/**
 * How the step's messages go: `standard` (a reply inside the 24-hour window) or with a Messenger
 * message tag, used only outside the window (the runtime decides at send time). `HUMAN_AGENT` is
 * for people in live chat, not for steps.
 */
export const SEND_AS = [
  "standard",
  "POST_PURCHASE_UPDATE",
  "CONFIRMED_EVENT_UPDATE",
  "ACCOUNT_UPDATE",
] as const;
export const sendAsSchema = z.enum(SEND_AS);

export const messageDataSchema = z.strictObject({
  label: labelSchema,
  sendAs: sendAsSchema.optional(),
  content: z.array(contentBlockSchema).max(50),
  /** Offered under the last block sent; each one is an output of the node. */
  quickReplies: z.array(quickReplySchema).max(50).optional(),
  whatsappTemplate: whatsappTemplateSchema.optional(),
});
