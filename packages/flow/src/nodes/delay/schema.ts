import { z } from "zod";
import { labelSchema } from "../../common";

export const delayUnitSchema = z.enum(["seconds", "minutes", "hours", "days"]);

export const delayDataSchema = z.strictObject({
  label: labelSchema,
  amount: z.number().positive("must be more than zero"),
  unit: delayUnitSchema,
});
