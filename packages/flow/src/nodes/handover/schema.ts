import { z } from "zod";
import { labelSchema, shortTextSchema, textSchema } from "../../common";

/** The Page Inbox's app id: passing the thread to it hands the conversation to the Page's people. */
export const PAGE_INBOX_APP_ID = "263902037430900";

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
  /**
   * Besides pausing the bot, pass thread control (Handover Protocol) to this app: the Page Inbox
   * (`263902037430900`) or a help desk's app id. It gets the reason, the flow and the variables.
   */
  passToAppId: z
    .string()
    .regex(/^\d{1,20}$/, "must be a Facebook app id (digits)")
    .optional(),
  /** Why the conversation is handed over, told to the app in the thread control's metadata. */
  reason: shortTextSchema.optional(),
});
