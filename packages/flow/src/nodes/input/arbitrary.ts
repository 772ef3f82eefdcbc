import fc from "fast-check";
import { optional } from "../../testing/optional";
import type { NodeArbitrary } from "../../testing/vocabulary";
import { INPUT_LIMITS } from "./schema";

export const inputArbitrary: NodeArbitrary<"input"> = (w) =>
  fc.record({
    label: w.label,
    question: w.text,
    variable: w.variable,
    validation: fc.oneof(
      fc.record({
        kind: fc.constant("text" as const),
        minLength: optional(fc.nat(5)),
        maxLength: optional(fc.integer({ min: 1, max: 50 })),
      }),
      fc.record({
        kind: fc.constant("number" as const),
        min: optional(fc.integer()),
        max: optional(fc.integer()),
        integer: optional(fc.boolean()),
      }),
      fc.constantFrom(
        { kind: "email" as const },
        { kind: "phone" as const },
        { kind: "date" as const },
      ),
      fc.record({
        kind: fc.constant("choice" as const),
        choices: w.list(fc.record({ id: w.id, title: w.title, value: optional(w.text) }), 3),
      }),
    ),
    retryText: optional(w.text),
    retryLimit: optional(fc.integer(INPUT_LIMITS.retryLimit)),
    timeoutSeconds: optional(fc.integer({ min: INPUT_LIMITS.timeoutSeconds.min, max: 3600 })),
    offerContactQuickReply: optional(fc.boolean()),
  });
