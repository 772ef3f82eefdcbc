import fc from "fast-check";
import type { NodeArbitrary } from "../../testing/vocabulary";
import { delayUnitSchema } from "./schema";

export const delayArbitrary: NodeArbitrary<"delay"> = (w) =>
  fc.record({
    label: w.label,
    amount: fc.integer({ min: 1, max: 100 }),
    unit: fc.constantFrom(...delayUnitSchema.options),
  });
