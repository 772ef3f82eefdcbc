import fc from "fast-check";
import { optional } from "../../testing/optional";
import type { NodeArbitrary } from "../../testing/vocabulary";

export const intentArbitrary: NodeArbitrary<"intent"> = (w) =>
  fc.record({
    label: w.label,
    question: optional(w.text),
    intents: w
      .list(
        fc.record({
          id: w.id,
          name: w.title,
          examples: fc.array(w.text, { minLength: 1, maxLength: 3 }),
        }),
        4,
      )
      .filter((intents) => intents.length > 0),
    minConfidence: optional(fc.double({ min: 0, max: 1, noNaN: true })),
    timeoutMs: optional(fc.integer({ min: 1_000, max: 60_000 })),
  });
