import { nextOutput } from "../../handles";
import { NO_LINT, NO_REDACT, NO_VARIABLES, nodeKind } from "../../kind";
import { HANDOVER_LIMITS, handoverDataSchema } from "./schema";

/** Passes the conversation to a person: the bot stays silent until it is handed back. */
export const handoverKind = nodeKind({
  type: "handover",
  role: "step",
  data: handoverDataSchema,
  outputs: () => [nextOutput()],
  lint: NO_LINT,
  texts(node, out) {
    if (node.data.message !== undefined)
      out.push({ path: "data.message", text: node.data.message });
  },
  variables: NO_VARIABLES,
  create: () => ({}),
  secretPlaces: null,
  redact: NO_REDACT,
  limits: HANDOVER_LIMITS,
});
