import { z } from "zod";
import { idSchema, labelSchema, shortTextSchema } from "../../common";
import { AI_ANSWER_LIMITS } from "../ai-answer/schema";

/** The ranges of the intent step's fields, for the schema and the editor's form. */
export const INTENT_LIMITS = {
  intents: { max: 20 },
  /** Example phrases per intent (French and English). */
  examples: { max: 20 },
  /** The model's confidence (0 to 1) below which the text goes out on `else`. */
  minConfidence: { min: 0, max: 1 },
  timeoutMs: AI_ANSWER_LIMITS.timeoutMs,
} as const;

export const DEFAULT_MIN_CONFIDENCE = 0.6;

export const intentSchema = z.strictObject({
  /** The handle the text goes out on; also what the model answers. */
  id: idSchema,
  /** What the marketer calls it ("Track an order"). */
  name: z.string().max(80, "is too long (over 80 characters)"),
  examples: z.array(shortTextSchema).max(INTENT_LIMITS.examples.max),
});

export const intentDataSchema = z.strictObject({
  label: labelSchema,
  /** What is classified, a template; the message the contact just sent when unset. */
  question: shortTextSchema.optional(),
  intents: z.array(intentSchema).min(1).max(INTENT_LIMITS.intents.max),
  minConfidence: z
    .number()
    .min(INTENT_LIMITS.minConfidence.min)
    .max(INTENT_LIMITS.minConfidence.max)
    .optional(),
  timeoutMs: z.int().min(INTENT_LIMITS.timeoutMs.min).max(INTENT_LIMITS.timeoutMs.max).optional(),
});
