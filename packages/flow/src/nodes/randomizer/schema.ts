import { z } from "zod";
import { idSchema, labelSchema } from "../../common";

/** The ranges of the split's fields, for the schema and the editor's form. */
export const RANDOMIZER_LIMITS = {
  /** How many variants a split holds. */
  variants: { max: 20 },
  weight: { min: 0, max: 1000 },
} as const;

export const variantSchema = z.strictObject({
  id: idSchema,
  label: labelSchema,
  weight: z.int().min(RANDOMIZER_LIMITS.weight.min).max(RANDOMIZER_LIMITS.weight.max),
});

export const randomizerDataSchema = z.strictObject({
  label: labelSchema,
  variants: z.array(variantSchema).max(RANDOMIZER_LIMITS.variants.max),
  /** A contact keeps the variant drawn the first time (default true). */
  sticky: z.boolean().optional(),
});
