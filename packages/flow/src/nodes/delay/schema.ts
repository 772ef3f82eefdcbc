import { z } from "zod";
import { labelSchema } from "../../common";

export const delayUnitSchema = z.enum(["seconds", "minutes", "hours", "days"]);

/** The ranges of the delay's number fields, for the editor's form (the schema wants above 0). */
export const DELAY_LIMITS = {
  amount: { min: 0 },
} as const;

export const delayDataSchema = z.strictObject({
  label: labelSchema,
  amount: z.number().positive("must be more than zero"),
  unit: delayUnitSchema,
});
