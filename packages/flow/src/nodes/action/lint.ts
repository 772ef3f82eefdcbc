import type { NodeLintContext } from "../../lint/context";
import { isHttpUrlOrTemplate } from "../../lint/url";
import type { NodeOfType } from "../../node-types";

/** Header names whose values are credentials: they belong in `{{secrets.NAME}}`, not in the flow. */
export const SENSITIVE_HEADER = /authorization|api[-_]?key|token|secret|cookie|password/i;

/** Whether a request URL's query parameter holds a credential typed in clear (`?api_key=sk_…`). */
export function isSecretInQuery(name: string, value: string): boolean {
  if (value === "" || value.includes("{{secrets.")) return false;
  return SENSITIVE_HEADER.test(name) || /^key$/i.test(name);
}

/** `url` with each query parameter's value replaced by what `value` returns for it. */
export function mapQuery(url: string, value: (name: string, value: string) => string): string {
  const query = url.indexOf("?");
  if (query === -1) return url;
  const rest = url
    .slice(query)
    .replace(
      /([?&])([^=&#]*)=([^&#]*)/g,
      (_whole, sep: string, name: string, old: string) => `${sep}${name}=${value(name, old)}`,
    );
  return url.slice(0, query) + rest;
}

export function lintAction(
  node: NodeOfType<"action">,
  nodeIndex: number,
  { problems }: NodeLintContext,
): void {
  if (node.data.steps.length === 0) {
    problems.onNode(
      nodeIndex,
      node,
      "steps-empty",
      "warning",
      "data.steps",
      "This action does nothing yet.",
    );
  }
  node.data.steps.forEach((step, i) => {
    const at = `data.steps[${i}]`;
    if ((step.kind === "add_tag" || step.kind === "remove_tag") && step.tag.trim() === "") {
      problems.onNode(nodeIndex, node, "tag-empty", "error", `${at}.tag`, "The tag name is empty.");
    }
    if (step.kind !== "http") return;
    if (step.url.trim() === "" || !isHttpUrlOrTemplate(step.url)) {
      problems.onNode(
        nodeIndex,
        node,
        "url-not-http",
        "error",
        `${at}.url`,
        "The request address must start with http:// or https://.",
      );
    }
    const inQuery: string[] = [];
    mapQuery(step.url, (name, value) => {
      if (isSecretInQuery(name, value)) inQuery.push(name);
      return value;
    });
    if (inQuery.length > 0) {
      problems.onNode(
        nodeIndex,
        node,
        "secret-in-flow",
        "warning",
        `${at}.url`,
        `The address carries ${inQuery.map((n) => `"${n}"`).join(", ")}, which looks like a credential: store it as a secret and write {{secrets.NAME}}, so it is never exported with the flow.`,
      );
    }
    step.headers?.forEach((header, h) => {
      if (
        SENSITIVE_HEADER.test(header.name) &&
        header.value.trim() !== "" &&
        !header.value.includes("{{secrets.")
      ) {
        problems.onNode(
          nodeIndex,
          node,
          "secret-in-flow",
          "warning",
          `${at}.headers[${h}].value`,
          `The header "${header.name}" looks like a credential: store it as a secret and write {{secrets.NAME}}, so it is never exported with the flow.`,
        );
      }
    });
  });
}
