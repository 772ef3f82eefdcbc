import { z } from "zod";
import { idSchema, labelSchema } from "../../common";

export const variantSchema = z.strictObject({
  id: idSchema,
  label: labelSchema,
  weight: z.int().min(0).max(1000),
});

export const randomizerDataSchema = z.strictObject({
  label: labelSchema,
  variants: z.array(variantSchema).max(20),
  /** A contact keeps the variant drawn the first time (default true). */
  sticky: z.boolean().optional(),
});
