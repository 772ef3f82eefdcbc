import { NO_REDACT, NO_VARIABLES, nodeKind } from "../../kind";
import { lintMessage } from "./lint";
import { messageOutputs } from "./outputs";
import { MESSAGE_LIMITS, messageDataSchema } from "./schema";
import { messageTexts } from "./texts";

export { messageWaits, postbackButtons } from "./outputs";

/** Bubbles (text, media, cards, typing pauses) with buttons and quick replies to tap. */
export const messageKind = nodeKind({
  type: "message",
  role: "step",
  data: messageDataSchema,
  outputs: messageOutputs,
  lint: lintMessage,
  texts: messageTexts,
  variables: NO_VARIABLES,
  create: (freshId) => ({ content: [{ id: freshId("text"), kind: "text", text: "" }] }),
  secretPlaces: null,
  redact: NO_REDACT,
  limits: MESSAGE_LIMITS,
});
