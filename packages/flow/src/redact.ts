import { isSecretInQuery, mapQuery, SENSITIVE_HEADER } from "./nodes/action/lint";
import type { Flow } from "./schema";

/**
 * A copy of the flow safe to hand out: credential-looking header values and URL query values
 * (`?api_key=…`, `&access_token=…`, `&key=…`) that are not `{{secrets.…}}` references are
 * emptied. Exports go through it, so no secret leaves the runtime.
 */
export function redactSecrets(flow: Flow): { flow: Flow; redacted: string[] } {
  const redacted: string[] = [];
  const nodes = flow.nodes.map((node, n) => {
    if (node.type !== "action") return node;
    const steps = node.data.steps.map((step, s) => {
      if (step.kind !== "http") return step;
      const url = redactQuery(step.url);
      if (url !== step.url) redacted.push(`nodes[${n}].data.steps[${s}].url`);
      if (!step.headers) return url === step.url ? step : { ...step, url };
      const headers = step.headers.map((header, h) => {
        if (!SENSITIVE_HEADER.test(header.name) || header.value.includes("{{secrets."))
          return header;
        if (header.value === "") return header;
        redacted.push(`nodes[${n}].data.steps[${s}].headers[${h}].value`);
        return { ...header, value: "" };
      });
      return { ...step, url, headers };
    });
    return { ...node, data: { ...node.data, steps } };
  });
  return { flow: { ...flow, nodes }, redacted };
}

function redactQuery(url: string): string {
  return mapQuery(url, (name, value) => (isSecretInQuery(name, value) ? "" : value));
}
