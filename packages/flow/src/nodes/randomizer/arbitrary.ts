import fc from "fast-check";
import { optional } from "../../testing/optional";
import type { NodeArbitrary } from "../../testing/vocabulary";

export const randomizerArbitrary: NodeArbitrary<"randomizer"> = (w) =>
  fc.record({
    label: w.label,
    variants: w.list(
      // Weight 0 often, so splits where every variant is closed come up too.
      fc.record({ id: w.id, label: w.label, weight: fc.oneof(fc.constant(0), fc.nat(100)) }),
      3,
    ),
    sticky: optional(fc.boolean()),
  });
