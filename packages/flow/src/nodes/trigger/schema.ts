import { z } from "zod";
import { labelSchema, shortTextSchema } from "../../common";

export const keywordMatchSchema = z.enum(["exact", "contains", "starts_with"]);

export const keywordTriggerSchema = z.strictObject({
  kind: z.literal("keyword"),
  match: keywordMatchSchema,
  keywords: z.array(shortTextSchema).max(100),
});

/** An m.me link or ad with `?ref=…`. */
export const refTriggerSchema = z.strictObject({ kind: z.literal("ref"), ref: shortTextSchema });

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
 * the one private reply Meta allows; the rest waits for the person to answer it.
 */
export const commentTriggerSchema = z.strictObject({
  kind: z.literal("comment"),
  keywords: z.array(shortTextSchema).max(100),
  posts: z.array(shortTextSchema).max(100).optional(),
});

export const triggerSchema = z.discriminatedUnion("kind", [
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
