import { z } from "zod";
import { labelSchema, nameSchema, shortTextSchema, textSchema } from "../../common";
import { languageSchema } from "../../translations/schema";

export const setVariableStepSchema = z.strictObject({
  kind: z.literal("set_variable"),
  variable: nameSchema,
  /** A template: `{{first_name}} from {{city}}`. */
  value: shortTextSchema,
});

export const addTagStepSchema = z.strictObject({
  kind: z.literal("add_tag"),
  tag: shortTextSchema,
});
export const removeTagStepSchema = z.strictObject({
  kind: z.literal("remove_tag"),
  tag: shortTextSchema,
});

/** Sets a contact field, kept across flows (unlike a flow variable). */
export const setFieldStepSchema = z.strictObject({
  kind: z.literal("set_field"),
  field: nameSchema,
  value: shortTextSchema,
});

/**
 * "Remember this contact as …": links an external id (an order number, a customer id; a template)
 * to the contact, so the brand's events for that id reach them. A contact may have many.
 */
export const rememberStepSchema = z.strictObject({
  kind: z.literal("remember"),
  externalId: shortTextSchema,
});

/**
 * "Set the language": the contact's chosen language from now on (the contact field `language`),
 * which every flow speaking it uses before the channel's locale.
 */
export const setLanguageStepSchema = z.strictObject({
  kind: z.literal("set_language"),
  language: languageSchema,
});

export const httpHeaderSchema = z.strictObject({ name: shortTextSchema, value: shortTextSchema });

export const responseMappingSchema = z.strictObject({
  /** A path into the JSON response: `order.status`, `items[0].name`. */
  path: shortTextSchema,
  variable: nameSchema,
});

/** A sample's key: a template reference that is not a secret. */
export const sampleKeySchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^(?!secrets\.)[^{}|\s]+$/, { message: "must be a variable, not a secret" });

/** The ranges of the action's number fields, for the schema and the editor's form. */
export const ACTION_LIMITS = {
  /** How long an HTTP step waits for the answer, in milliseconds. */
  timeoutMs: { min: 100, max: 30_000 },
} as const;

export const httpStepSchema = z.strictObject({
  kind: z.literal("http"),
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]),
  /** A template; `{{secrets.NAME}}` is filled in by the runtime and never stored in the flow. */
  url: shortTextSchema,
  headers: z.array(httpHeaderSchema).max(30).optional(),
  body: textSchema.optional(),
  timeoutMs: z.int().min(ACTION_LIMITS.timeoutMs.min).max(ACTION_LIMITS.timeoutMs.max).optional(),
  responseMapping: z.array(responseMappingSchema).max(50).optional(),
  /** Stores the HTTP status code. */
  statusVariable: nameSchema.optional(),
  /**
   * The values the editor's "Test request" fills in, keyed as written in the templates
   * (`order_number`, `contact.first_name`). Saved with the flow, so never secrets: a
   * `{{secrets.*}}` key is refused, and exports empty a value that looks like a credential.
   */
  samples: z
    .record(sampleKeySchema, shortTextSchema)
    .refine((s) => Object.keys(s).length <= 50, { message: "has more than 50 samples" })
    .optional(),
});

export const actionStepSchema = z.discriminatedUnion("kind", [
  setVariableStepSchema,
  addTagStepSchema,
  removeTagStepSchema,
  setFieldStepSchema,
  rememberStepSchema,
  setLanguageStepSchema,
  httpStepSchema,
]);

export const actionDataSchema = z.strictObject({
  label: labelSchema,
  steps: z.array(actionStepSchema).max(50),
});
