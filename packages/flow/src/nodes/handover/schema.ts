import { z } from "zod";
import { labelSchema, textSchema } from "../../common";

/** The ranges of the hand-over's number fields, for the schema and the editor's form. */
export const HANDOVER_LIMITS = {
  /** Hours without a human reply before the bot resumes by itself: at most 30 days. */
  resumeAfterHours: { min: 0, max: 720 },
} as const;

export const handoverDataSchema = z.strictObject({
  label: labelSchema,
  /** Told to the contact as the conversation passes to a person. */
  message: textSchema.optional(),
  /** The bot resumes by itself after this many hours without a human reply (default: never). */
  resumeAfterHours: z.number().positive().max(HANDOVER_LIMITS.resumeAfterHours.max).optional(),
});
