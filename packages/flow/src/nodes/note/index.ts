import { NO_LINT, NO_REDACT, NO_VARIABLES, nodeKind } from "../../kind";
import { NOTE_LIMITS, noteDataSchema } from "./schema";

/** A sticky note on the canvas: never run, never connected. */
export const noteKind = nodeKind({
  type: "note",
  role: "annotation",
  data: noteDataSchema,
  outputs: () => [],
  lint: NO_LINT,
  texts(node, out) {
    out.push({ path: "data.text", text: node.data.text });
  },
  variables: NO_VARIABLES,
  create: () => ({ text: "", color: "yellow" }),
  secretPlaces: null,
  redact: NO_REDACT,
  limits: NOTE_LIMITS,
});
