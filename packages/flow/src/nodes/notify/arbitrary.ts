import fc from "fast-check";
import { optional } from "../../testing/optional";
import type { NodeArbitrary } from "../../testing/vocabulary";

export const notifyArbitrary: NodeArbitrary<"notify"> = (w) =>
  fc.record({
    label: w.label,
    url: fc.constantFrom("https://hooks.example.com/team", "{{secrets.TEAM_HOOK}}"),
    text: w.text,
    variables: optional(fc.array(w.variable, { maxLength: 3 })),
    timeoutMs: optional(fc.integer({ min: 100, max: 30_000 })),
  });
