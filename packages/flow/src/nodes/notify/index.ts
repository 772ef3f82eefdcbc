import { ERROR, nextOutput } from "../../handles";
import { nodeKind } from "../../kind";
import { redactRequest } from "../action/credentials";
import { lintNotify } from "./lint";
import { NOTIFY_LIMITS, notifyDataSchema } from "./schema";

/**
 * Tells the team: posts a JSON message (the text, who the contact is, chosen variables and a link
 * to the conversation in live chat) to an incoming webhook. `error` when it is not delivered.
 */
export const notifyKind = nodeKind({
  type: "notify",
  role: "step",
  data: notifyDataSchema,
  outputs: () => [nextOutput(), { id: ERROR, kind: "error", label: "Error", path: "" }],
  lint: lintNotify,
  texts(node, out) {
    out.push({ path: "data.url", text: node.data.url });
    out.push({ path: "data.text", text: node.data.text });
  },
  variables(node, uses) {
    node.data.variables?.forEach((name, i) => {
      uses.read(name, `data.variables[${i}]`);
    });
  },
  create: () => ({ url: "", text: "{{contact.first_name}} would like a word with the team." }),
  // The address only: the text is sent as the contact's data, never with secrets filled in.
  secretPlaces: /^data\.url$/,
  redact(node, redacted) {
    const { request, changed } = redactRequest({ url: node.data.url });
    if (changed.length === 0) return undefined;
    redacted("data.url");
    return { ...node.data, url: request.url };
  },
  limits: NOTIFY_LIMITS,
});
