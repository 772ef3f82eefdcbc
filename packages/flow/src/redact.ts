import type { FlowNode } from "./node-types";
import { kindOf } from "./nodes";
import type { Flow } from "./schema";

/**
 * A copy of the flow safe to hand out: every credential typed in clear into an HTTP step (its
 * address, header values, body) or into a set-variable step is emptied, found by the name it sits
 * under (`X-Shop-Key`, `?sig=`, `"password":`) and by its shape (`sk_live_…`, a JWT, `user:pass@`).
 * `{{secrets.NAME}}` references are kept. Exports go through it, so no secret leaves the runtime.
 */
export function redactSecrets(flow: Flow): { flow: Flow; redacted: string[] } {
  const redacted: string[] = [];
  const nodes = flow.nodes.map((node, n): FlowNode => {
    const data = kindOf(node.type).redact(node, (path) => redacted.push(`nodes[${n}].${path}`));
    return data === undefined ? node : ({ ...node, data } as FlowNode);
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
