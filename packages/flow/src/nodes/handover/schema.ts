import { z } from "zod";
import { labelSchema, textSchema } from "../../common";

export const handoverDataSchema = z.strictObject({
  label: labelSchema,
  /** Told to the contact as the conversation passes to a person. */
  message: textSchema.optional(),
  /** The bot resumes by itself after this many hours without a human reply (default: never). */
  resumeAfterHours: z.number().positive().max(720).optional(),
});
