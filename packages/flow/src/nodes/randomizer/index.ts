import { NO_REDACT, NO_TEXTS, NO_VARIABLES, nodeKind } from "../../kind";
import { lintRandomizer } from "./lint";
import { RANDOMIZER_LIMITS, randomizerDataSchema } from "./schema";

/** A split test: each contact goes down one variant, drawn by weight. */
export const randomizerKind = nodeKind({
  type: "randomizer",
  role: "step",
  data: randomizerDataSchema,
  outputs: (node) =>
    node.data.variants.map((variant, i) => ({
      id: variant.id,
      kind: "variant",
      label: variant.label ?? `Variant ${String.fromCharCode(65 + (i % 26))}`,
      path: `data.variants[${i}]`,
    })),
  lint: lintRandomizer,
  texts: NO_TEXTS,
  variables: NO_VARIABLES,
  create: (freshId) => ({
    variants: [
      { id: freshId("variant"), weight: 50 },
      { id: freshId("variant"), weight: 50 },
    ],
  }),
  secretPlaces: null,
  redact: NO_REDACT,
  limits: RANDOMIZER_LIMITS,
});
