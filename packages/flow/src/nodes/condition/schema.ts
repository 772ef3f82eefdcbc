import { z } from "zod";
import { idSchema, labelSchema, nameSchema, shortTextSchema } from "../../common";

export const valueOperatorSchema = z.enum([
  "equals",
  "not_equals",
  "contains",
  "not_contains",
  "starts_with",
  "greater_than",
  "less_than",
  "is_set",
  "is_empty",
  "matches",
]);

export const variableRuleSchema = z.strictObject({
  kind: z.literal("variable"),
  name: nameSchema,
  op: valueOperatorSchema,
  /** A template; unused by `is_set` and `is_empty`. */
  value: shortTextSchema.optional(),
});

export const contactRuleSchema = z.strictObject({
  kind: z.literal("contact"),
  field: nameSchema,
  op: valueOperatorSchema,
  value: shortTextSchema.optional(),
});

export const tagRuleSchema = z.strictObject({
  kind: z.literal("tag"),
  tag: shortTextSchema,
  op: z.enum(["has", "has_not"]),
});

export const ruleSchema = z.discriminatedUnion("kind", [
  variableRuleSchema,
  contactRuleSchema,
  tagRuleSchema,
]);

export const branchSchema = z.strictObject({
  id: idSchema,
  label: labelSchema,
  match: z.enum(["all", "any"]),
  rules: z.array(ruleSchema).max(50),
});

export const conditionDataSchema = z.strictObject({
  label: labelSchema,
  branches: z.array(branchSchema).max(50),
});
