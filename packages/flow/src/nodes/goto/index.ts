import { NO_REDACT, NO_TEXTS, NO_VARIABLES, nodeKind } from "../../kind";
import { lintGoto } from "./lint";
import { gotoDataSchema } from "./schema";

/** Goes on in another flow (or elsewhere in this one): it has no outputs of its own. */
export const gotoKind = nodeKind({
  type: "goto",
  role: "step",
  data: gotoDataSchema,
  outputs: () => [],
  lint: lintGoto,
  texts: NO_TEXTS,
  variables: NO_VARIABLES,
  create: () => ({ flowId: "welcome" }),
  secretPlaces: null,
  redact: NO_REDACT,
  limits: {},
});
