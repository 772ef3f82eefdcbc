import { z } from "zod";
import { labelSchema, nameSchema, shortTextSchema } from "../../common";
import { translationsSchema } from "../../translations/schema";

export const keywordMatchSchema = z.enum(["exact", "contains", "starts_with"]);

export const keywordTriggerSchema = z.strictObject({
  kind: z.literal("keyword"),
  match: keywordMatchSchema,
  keywords: z.array(shortTextSchema).max(100),
  /** Keywords in the flow's other languages; any language's keywords start the flow. */
  translations: translationsSchema({ keywords: z.array(shortTextSchema).max(100) }),
});

/**
 * An m.me link or ad with `?ref=…`. With `externalId`, `ref` is a prefix and the rest of the link's
 * ref is the contact's external id for the brand (`order-` in `m.me/<page>?ref=order-A12345`
 * links `A12345`).
 */
export const refTriggerSchema = z.strictObject({
  kind: z.literal("ref"),
  ref: shortTextSchema,
  externalId: z.boolean().optional(),
});

/** A postback with this exact payload: a persistent menu item or an ice breaker. */
export const postbackTriggerSchema = z.strictObject({
  kind: z.literal("postback"),
  payload: shortTextSchema,
});

/** The Get Started button a new contact taps. */
export const getStartedTriggerSchema = z.strictObject({ kind: z.literal("get_started") });

/** The default reply: runs when nothing else matched. */
export const defaultTriggerSchema = z.strictObject({ kind: z.literal("default") });

/**
 * A comment on a Page post or an Instagram post or reel: with one of `keywords` (any comment when
 * there are none), on one of `posts` (every post when absent). The flow's first message goes as
 * the one private reply Meta allows; the rest waits for the person to answer it. With
 * `publicReply`, that text is also answered publicly under the comment (templated like a message).
 */
export const commentTriggerSchema = z.strictObject({
  kind: z.literal("comment"),
  keywords: z.array(shortTextSchema).max(100),
  posts: z.array(shortTextSchema).max(100).optional(),
  publicReply: shortTextSchema.optional(),
});

/** An event name as the brand's systems post it: `order.shipped`, `flight.gate_changed`. */
export const EVENT_NAME_PATTERN = /^[a-z0-9_]+(?:\.[a-z0-9_]+){0,4}$/;

/** The types an event's data field may have. Values arrive in JSON as strings, numbers or booleans. */
export const eventFieldTypeSchema = z.enum(["text", "number", "boolean", "url", "date"]);

/** One field of an event's data: read in the flow as `{{event.<name>}}`. */
export const eventFieldSchema = z.strictObject({
  name: nameSchema,
  type: eventFieldTypeSchema,
  /** An event without it is refused by the events API (400). */
  required: z.boolean().optional(),
});

/** A sample of the data, for the simulator's test event. */
export const eventSampleSchema = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean()]),
);

/** An event the brand's systems post to the events API for one contact (`POST /api/events`). */
export const eventTriggerSchema = z.strictObject({
  kind: z.literal("event"),
  event: z
    .string()
    .regex(EVENT_NAME_PATTERN, "must be lower-case words joined by dots: order.shipped"),
  fields: z.array(eventFieldSchema).max(100),
  sample: eventSampleSchema.optional(),
});

/**
 * Free text whose intent the brand's model recognises from the example phrases (French and
 * English). Ranks after postback, ref and keyword triggers and before the default reply; the
 * model is asked only for text nothing before it matched.
 */
export const intentTriggerSchema = z.strictObject({
  kind: z.literal("intent"),
  /** What the marketer calls it ("Opening hours"); two live flows with one name clash. */
  name: z.string().max(80, "is too long (over 80 characters)"),
  examples: z.array(shortTextSchema).max(20),
  /** The model's confidence (0 to 1) below which the text goes on to the default reply. */
  minConfidence: z.number().min(0).max(1).optional(),
});

export const triggerSchema = z.discriminatedUnion("kind", [
  eventTriggerSchema,
  intentTriggerSchema,
  keywordTriggerSchema,
  refTriggerSchema,
  postbackTriggerSchema,
  getStartedTriggerSchema,
  defaultTriggerSchema,
  commentTriggerSchema,
]);

export const triggerDataSchema = z.strictObject({
  label: labelSchema,
  triggers: z.array(triggerSchema).max(50),
});
