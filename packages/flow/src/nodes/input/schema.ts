import { z } from "zod";
import { idSchema, labelSchema, nameSchema, shortTextSchema, textSchema } from "../../common";
import { translationsSchema } from "../../translations/schema";

export const choiceSchema = z.strictObject({
  id: idSchema,
  title: shortTextSchema,
  /** Stored into the variable; the title when absent. */
  value: shortTextSchema.optional(),
  translations: translationsSchema({ title: shortTextSchema }),
});

/** The ranges of the question's number fields, for the schema and the editor's form. */
export const INPUT_LIMITS = {
  /** Times the question is asked again before `invalid`. */
  retryLimit: { min: 0, max: 10 },
  /** Seconds without an answer before `timeout`: at most a week. */
  timeoutSeconds: { min: 1, max: 7 * 24 * 3600 },
  /** Characters a text answer must have at least, and at most. */
  minLength: { min: 0 },
  maxLength: { min: 1 },
} as const;

export const validationSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("text"),
    minLength: z.int().min(INPUT_LIMITS.minLength.min).optional(),
    maxLength: z.int().min(INPUT_LIMITS.maxLength.min).optional(),
  }),
  z.strictObject({
    kind: z.literal("number"),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal("email") }),
  z.strictObject({ kind: z.literal("phone") }),
  z.strictObject({ kind: z.literal("date") }),
  z.strictObject({ kind: z.literal("choice"), choices: z.array(choiceSchema).max(50) }),
]);

export const inputDataSchema = z.strictObject({
  label: labelSchema,
  question: textSchema,
  variable: nameSchema,
  validation: validationSchema,
  /** Sent when the answer is not valid; a default sentence when absent. */
  retryText: textSchema.optional(),
  /** How many times the question is asked again before taking `invalid` (default 2). */
  retryLimit: z.int().min(INPUT_LIMITS.retryLimit.min).max(INPUT_LIMITS.retryLimit.max).optional(),
  /** Without an answer in this many seconds, take `timeout`. */
  timeoutSeconds: z
    .int()
    .min(INPUT_LIMITS.timeoutSeconds.min)
    .max(INPUT_LIMITS.timeoutSeconds.max)
    .optional(),
  /** For email and phone questions: offer Messenger's one-tap quick reply with the contact's own. */
  offerContactQuickReply: z.boolean().optional(),
  /** The question and the retry text in the flow's other languages. */
  translations: translationsSchema({ question: textSchema, retryText: textSchema }),
});
