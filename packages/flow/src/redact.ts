import { findCredentials, redactRequest, replaceCredentials } from "./nodes/action/credentials";
import type { Flow } from "./schema";

/**
 * A copy of the flow safe to hand out: every credential typed in clear into an HTTP step (its
 * address, header values, body) or into a set-variable step is emptied, found by the name it sits
 * under (`X-Shop-Key`, `?sig=`, `"password":`) and by its shape (`sk_live_…`, a JWT, `user:pass@`).
 * `{{secrets.NAME}}` references are kept. Exports go through it, so no secret leaves the runtime.
 */
export function redactSecrets(flow: Flow): { flow: Flow; redacted: string[] } {
  const redacted: string[] = [];
  const nodes = flow.nodes.map((node, n) => {
    if (node.type !== "action") return node;
    let changed = false;
    const steps = node.data.steps.map((step, s) => {
      const at = `nodes[${n}].data.steps[${s}]`;
      if (step.kind === "set_variable") {
        const found = findCredentials({ kind: "variable", name: step.variable }, step.value);
        if (found.length === 0) return step;
        changed = true;
        redacted.push(`${at}.value`);
        return { ...step, value: replaceCredentials(step.value, found, () => "") };
      }
      if (step.kind !== "http") return step;
      const { request, changed: fields } = redactRequest(step);
      if (fields.length === 0) return step;
      changed = true;
      for (const field of fields) redacted.push(`${at}.${field}`);
      return request;
    });
    return changed ? { ...node, data: { ...node.data, steps } } : node;
  });
  return { flow: redacted.length === 0 ? flow : { ...flow, nodes }, redacted };
}

export {
  type Credential,
  type CredentialField,
  findCredentials,
  redactRequest,
  replaceCredentials,
} from "./nodes/action/credentials";
