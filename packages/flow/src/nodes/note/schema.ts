import { z } from "zod";
import { textSchema } from "../../common";

export const noteDataSchema = z.strictObject({
  text: textSchema,
  color: z.enum(["yellow", "blue", "green", "pink", "grey"]).optional(),
  width: z.number().positive().optional(),
  height: z.number().positive().optional(),
});
