import fc from "fast-check";
import { optional } from "../../testing/optional";
import type { NodeArbitrary } from "../../testing/vocabulary";

export const noteArbitrary: NodeArbitrary<"note"> = (w) =>
  fc.record({
    text: w.text,
    color: optional(fc.constantFrom("yellow" as const, "blue" as const)),
    width: optional(fc.integer({ min: 1, max: 500 })),
    height: optional(fc.integer({ min: 1, max: 500 })),
  });
