import { z } from "zod";
import { textSchema } from "../../common";

/** The ranges the editor's form offers for a note's size, in canvas pixels. */
export const NOTE_LIMITS = {
  width: { min: 80 },
  height: { min: 40 },
} as const;

export const noteDataSchema = z.strictObject({
  text: textSchema,
  color: z.enum(["yellow", "blue", "green", "pink", "grey"]).optional(),
  width: z.number().positive().optional(),
  height: z.number().positive().optional(),
});
