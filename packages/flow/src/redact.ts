import { SENSITIVE_HEADER } from "./nodes/action/lint";
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

/** Query parameters that carry credentials: the header names, and Google-style `key`. */
const SENSITIVE_PARAM = (name: string) => SENSITIVE_HEADER.test(name) || /^key$/i.test(name);

function redactQuery(url: string): string {
  const query = url.indexOf("?");
  if (query === -1) return url;
  const rest = url
    .slice(query)
    .replace(/([?&])([^=&#]*)=([^&#]*)/g, (whole, sep, name, value) =>
      value !== "" && !value.includes("{{secrets.") && SENSITIVE_PARAM(name)
        ? `${sep}${name}=`
        : whole,
    );
  return url.slice(0, query) + rest;
}
