import { z } from "zod";
import { flowIdSchema, idSchema, labelSchema } from "../../common";

export const gotoDataSchema = z.strictObject({
  label: labelSchema,
  flowId: flowIdSchema,
  /** Where to enter the other flow; its trigger's `next` when absent. */
  nodeId: idSchema.optional(),
});
