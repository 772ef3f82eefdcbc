import { z } from "zod";
import { labelSchema, nameSchema, shortTextSchema, textSchema } from "../../common";

/** The ranges of the notification's fields, for the schema and the editor's form. */
export const NOTIFY_LIMITS = {
  /** Flow variables sent beside the message. */
  variables: { max: 20 },
  /** How long the team's endpoint may take to answer, in milliseconds. */
  timeoutMs: { min: 100, max: 30_000 },
} as const;

export const notifyDataSchema = z.strictObject({
  label: labelSchema,
  /**
   * Where the message is posted (a Slack or Teams incoming webhook, the brand's endpoint): an
   * https address, or `{{secrets.NAME}}`, since such an address is often a key itself.
   */
  url: shortTextSchema,
  /** The message to the team, a template. */
  text: textSchema,
  /** The flow variables sent beside the message, by name. */
  variables: z.array(nameSchema).max(NOTIFY_LIMITS.variables.max).optional(),
  timeoutMs: z.int().min(NOTIFY_LIMITS.timeoutMs.min).max(NOTIFY_LIMITS.timeoutMs.max).optional(),
});
