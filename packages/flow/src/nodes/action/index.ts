import { assertNever, ERROR, nextOutput } from "../../handles";
import { nodeKind } from "../../kind";
import { findCredentials, redactRequest, redactSamples, replaceCredentials } from "./credentials";
import { lintAction } from "./lint";
import { ACTION_LIMITS, actionDataSchema } from "./schema";

/**
 * Steps run in order: set a variable or a contact field, add or remove a tag, remember an external
 * id, set the contact's language, call an HTTP API.
 */
export const actionKind = nodeKind({
  type: "action",
  role: "step",
  data: actionDataSchema,
  outputs: (node) =>
    node.data.steps.some((s) => s.kind === "http")
      ? [nextOutput(), { id: ERROR, kind: "error", label: "Error", path: "" }]
      : [nextOutput()],
  lint: lintAction,
  texts(node, out) {
    node.data.steps.forEach((step, i) => {
      const at = `data.steps[${i}]`;
      switch (step.kind) {
        case "set_variable":
        case "set_field":
          out.push({ path: `${at}.value`, text: step.value });
          break;
        case "add_tag":
        case "remove_tag":
          out.push({ path: `${at}.tag`, text: step.tag });
          break;
        case "remember":
          out.push({ path: `${at}.externalId`, text: step.externalId });
          break;
        case "set_language":
          break;
        case "http":
          out.push({ path: `${at}.url`, text: step.url });
          step.headers?.forEach((h, j) => {
            out.push({ path: `${at}.headers[${j}].value`, text: h.value });
          });
          if (step.body !== undefined) out.push({ path: `${at}.body`, text: step.body });
          break;
        default:
          assertNever(step);
      }
    });
  },
  variables(node, uses) {
    node.data.steps.forEach((step, s) => {
      if (step.kind === "set_variable") {
        uses.write(step.variable, `data.steps[${s}].variable`);
      } else if (step.kind === "http") {
        step.responseMapping?.forEach((m, j) => {
          uses.write(m.variable, `data.steps[${s}].responseMapping[${j}].variable`);
        });
        if (step.statusVariable !== undefined) {
          uses.write(step.statusVariable, `data.steps[${s}].statusVariable`);
        }
      }
    });
  },
  create: () => ({ steps: [{ kind: "add_tag", tag: "lead" }] }),
  // An HTTP step's address, header values and body.
  secretPlaces: /^data\.steps\[\d+\]\.(?:url|body|headers\[\d+\]\.value)$/,
  redact(node, redacted) {
    let changed = false;
    const steps = node.data.steps.map((step, s) => {
      const at = `data.steps[${s}]`;
      if (step.kind === "set_variable") {
        const found = findCredentials({ kind: "variable", name: step.variable }, step.value);
        if (found.length === 0) return step;
        changed = true;
        redacted(`${at}.value`);
        return { ...step, value: replaceCredentials(step.value, found, () => "") };
      }
      if (step.kind !== "http") return step;
      const { request, changed: fields } = redactRequest(step);
      const samples = redactSamples(request.samples);
      if (fields.length === 0 && samples.changed.length === 0) return step;
      changed = true;
      for (const field of fields) redacted(`${at}.${field}`);
      for (const key of samples.changed) redacted(`${at}.samples.${key}`);
      return samples.changed.length === 0 ? request : { ...request, samples: samples.samples };
    });
    return changed ? { ...node.data, steps } : undefined;
  },
  limits: ACTION_LIMITS,
});
