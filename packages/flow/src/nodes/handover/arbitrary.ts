import fc from "fast-check";
import { optional } from "../../testing/optional";
import type { NodeArbitrary } from "../../testing/vocabulary";

export const handoverArbitrary: NodeArbitrary<"handover"> = (w) =>
  fc.record({
    label: w.label,
    message: optional(w.text),
    resumeAfterHours: optional(fc.integer({ min: 1, max: 48 })),
    passToAppId: optional(fc.constantFrom("263902037430900", "1234567890")),
    reason: optional(w.text),
  });
