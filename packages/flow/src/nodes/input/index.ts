import { INVALID, type NodeOutput, nextOutput, TIMEOUT } from "../../handles";
import { NO_REDACT, nodeKind } from "../../kind";
import { lintInput } from "./lint";
import { INPUT_LIMITS, inputDataSchema } from "./schema";

/** A question whose answer is validated and stored into a variable. */
export const inputKind = nodeKind({
  type: "input",
  role: "step",
  data: inputDataSchema,
  outputs(node) {
    const outputs: NodeOutput[] = [];
    if (node.data.validation.kind === "choice") {
      node.data.validation.choices.forEach((choice, i) => {
        outputs.push({
          id: choice.id,
          kind: "choice",
          label: choice.title,
          path: `data.validation.choices[${i}]`,
        });
      });
    }
    outputs.push(nextOutput(), { id: INVALID, kind: "invalid", label: "Invalid", path: "" });
    if (node.data.timeoutSeconds !== undefined) {
      outputs.push({ id: TIMEOUT, kind: "timeout", label: "No answer", path: "" });
    }
    return outputs;
  },
  lint: lintInput,
  texts(node, out) {
    out.push({ path: "data.question", text: node.data.question, translatable: true });
    if (node.data.retryText !== undefined) {
      out.push({ path: "data.retryText", text: node.data.retryText, translatable: true });
    }
    if (node.data.validation.kind === "choice") {
      node.data.validation.choices.forEach((c, i) => {
        out.push({
          path: `data.validation.choices[${i}].title`,
          text: c.title,
          translatable: true,
        });
      });
    }
  },
  variables(node, uses) {
    uses.write(node.data.variable, "data.variable");
  },
  create: () => ({ question: "", variable: "answer", validation: { kind: "text" } }),
  secretPlaces: null,
  redact: NO_REDACT,
  limits: INPUT_LIMITS,
});
