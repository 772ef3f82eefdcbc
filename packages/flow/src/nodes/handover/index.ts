import { nextOutput } from "../../handles";
import { NO_LINT, NO_REDACT, NO_VARIABLES, nodeKind } from "../../kind";
import { HANDOVER_LIMITS, handoverDataSchema } from "./schema";

/**
 * Passes the conversation to a person (or, with `passToAppId`, to a help desk's app through the
 * Handover Protocol): the bot stays silent until it is handed back.
 */
export const handoverKind = nodeKind({
  type: "handover",
  role: "step",
  data: handoverDataSchema,
  outputs: () => [nextOutput()],
  lint: NO_LINT,
  texts(node, out) {
    if (node.data.message !== undefined)
      out.push({ path: "data.message", text: node.data.message });
    if (node.data.reason !== undefined) out.push({ path: "data.reason", text: node.data.reason });
  },
  variables: NO_VARIABLES,
  create: () => ({}),
  secretPlaces: null,
  redact: NO_REDACT,
  limits: HANDOVER_LIMITS,
});
