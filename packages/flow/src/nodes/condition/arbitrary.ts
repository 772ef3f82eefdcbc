import fc from "fast-check";
import { optional } from "../../testing/optional";
import type { NodeArbitrary, Vocabulary } from "../../testing/vocabulary";

const rule = (w: Vocabulary) =>
  fc.oneof(
    fc.record({
      kind: fc.constant("variable" as const),
      name: w.variable,
      op: w.operator,
      value: optional(w.ruleValue),
    }),
    fc.record({
      kind: fc.constant("contact" as const),
      field: w.field,
      op: w.operator,
      value: optional(w.ruleValue),
    }),
    fc.record({
      kind: fc.constant("tag" as const),
      tag: w.tag,
      op: fc.constantFrom("has" as const, "has_not" as const),
    }),
  );

export const conditionArbitrary: NodeArbitrary<"condition"> = (w) =>
  fc.record({
    label: w.label,
    branches: w.list(
      fc.record({
        id: w.id,
        label: w.label,
        match: fc.constantFrom("all" as const, "any" as const),
        rules: fc.array(rule(w), { maxLength: 3 }),
      }),
      3,
    ),
  });
