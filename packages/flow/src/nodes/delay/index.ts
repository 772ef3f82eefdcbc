import { nextOutput } from "../../handles";
import { NO_LINT, NO_REDACT, NO_TEXTS, NO_VARIABLES, nodeKind } from "../../kind";
import { DELAY_LIMITS, delayDataSchema } from "./schema";

/** Waits a while (a timer the host keeps), then goes on. */
export const delayKind = nodeKind({
  type: "delay",
  role: "step",
  data: delayDataSchema,
  outputs: () => [nextOutput()],
  lint: NO_LINT,
  texts: NO_TEXTS,
  variables: NO_VARIABLES,
  create: () => ({ amount: 1, unit: "minutes" }),
  secretPlaces: null,
  redact: NO_REDACT,
  limits: DELAY_LIMITS,
});
