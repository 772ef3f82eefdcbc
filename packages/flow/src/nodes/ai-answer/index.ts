import { ERROR } from "../../handles";
import { NO_REDACT, nodeKind } from "../../kind";
import { lintAiAnswer } from "./lint";
import { AI_ANSWER_LIMITS, aiAnswerDataSchema } from "./schema";

export const ANSWERED = "answered";
export const UNSURE = "unsure";

/**
 * Answers the contact's question with the brand's model, from the passages of its knowledge base
 * that rank best for it: `answered`, `unsure` (nothing relevant found, or the model does not
 * know) or `error` (no provider, a time-out, a refusal). The host calls the model.
 */
export const aiAnswerKind = nodeKind({
  type: "ai_answer",
  role: "step",
  data: aiAnswerDataSchema,
  outputs: () => [
    { id: ANSWERED, kind: "answered", label: "Answered", path: "" },
    { id: UNSURE, kind: "unsure", label: "Unsure", path: "" },
    { id: ERROR, kind: "error", label: "Error", path: "" },
  ],
  lint: lintAiAnswer,
  texts(node, out) {
    // The knowledge base and the tone are not templates: they go to the model as written.
    if (node.data.question !== undefined) {
      out.push({ path: "data.question", text: node.data.question });
    }
  },
  variables(node, uses) {
    if (node.data.variable !== undefined) uses.write(node.data.variable, "data.variable");
  },
  create: (freshId) => ({
    entries: [
      {
        id: freshId("faq"),
        question: "What are your opening hours?",
        answer: "We are open Monday to Saturday, from 9 am to 7 pm.",
      },
    ],
  }),
  secretPlaces: null,
  redact: NO_REDACT,
  limits: AI_ANSWER_LIMITS,
});
