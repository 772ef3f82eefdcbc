import { z } from "zod";

/** A language a flow speaks: an ISO 639 code in lower case (`fr`, `en`, `de`). */
export const LANGUAGE_PATTERN = /^[a-z]{2,3}$/;

export const languageSchema = z
  .string()
  .regex(LANGUAGE_PATTERN, "must be a language code of 2 or 3 lower-case letters, like fr or en")
  .describe("A language code: 2 or 3 lower-case letters (ISO 639), like fr or en.");

/** The flow's languages, the first being the default one its main fields are written in. */
export const languagesSchema = z
  .array(languageSchema)
  .min(1, "needs at least one language")
  .max(30)
  .refine((list) => new Set(list).size === list.length, "names a language twice");

/**
 * The `translations` of an object holding customer-facing texts: per language (not the default),
 * the fields given in that language. A field left out falls back to the default text.
 *
 * @example translationsSchema({ title: shortTextSchema }) // { en: { title: "Track my order" } }
 */
export function translationsSchema<F extends Record<string, z.ZodType>>(fields: F) {
  return z.record(languageSchema, z.strictObject(fields).partial()).optional();
}
