import type { NodeLintContext, ProblemList } from "../../lint/context";
import { isHttpUrlOrTemplate } from "../../lint/url";
import type { NodeOfType } from "../../node-types";
import { joinPath } from "../../problems";
import {
  type CredentialField,
  contentTypeOf,
  findCredentials,
  redactSamples,
  replaceCredentials,
} from "./credentials";

export function lintAction(
  node: NodeOfType<"action">,
  nodeIndex: number,
  { problems, flow }: NodeLintContext,
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
    if (step.kind === "set_language" && !(flow.languages ?? []).includes(step.language)) {
      problems.onNode(
        nodeIndex,
        node,
        "language-unknown",
        "error",
        `${at}.language`,
        `This flow does not speak "${step.language}"; add it to the flow's languages first.`,
        { language: step.language },
      );
    }
    if (step.kind === "set_variable") {
      const field = { kind: "variable", name: step.variable } as const;
      lintCredentials(node, nodeIndex, problems, `${at}.value`, field, step.value);
    }
    if (step.kind !== "http") return;
    // `https://user:{{secrets.PASSWORD}}@host` is a request with basic auth, the form the
    // secret-in-flow rewrite gives a password typed into the address.
    const withoutUser = step.url.replace(/^(https?:\/\/)[^\s/?#@]*@/i, "$1");
    if (step.url.trim() === "" || !isHttpUrlOrTemplate(withoutUser)) {
      problems.onNode(
        nodeIndex,
        node,
        "url-not-http",
        "error",
        `${at}.url`,
        "The request address must start with http:// or https://.",
      );
    }
    lintCredentials(node, nodeIndex, problems, `${at}.url`, { kind: "url" }, step.url);
    step.headers?.forEach((header, h) => {
      const field = { kind: "header", name: header.name } as const;
      lintCredentials(node, nodeIndex, problems, `${at}.headers[${h}].value`, field, header.value);
    });
    if (step.body !== undefined) {
      const field = { kind: "body", contentType: contentTypeOf(step.headers) } as const;
      lintCredentials(node, nodeIndex, problems, `${at}.body`, field, step.body);
    }
    for (const key of redactSamples(step.samples).changed) {
      problems.onNode(
        nodeIndex,
        node,
        "sample-secret",
        "warning",
        `${at}.samples.${key}`,
        `The test value of "${key}" looks like a credential. Test values are saved with the flow: use a harmless example here, and {{secrets.NAME}} in the request for keys.`,
        { name: key },
      );
    }
  });
}

/**
 * `secret-in-flow`: a credential typed in clear (by the name it sits under or by its shape). The
 * problem carries the rewrite with `{{secrets.NAME}}` in its place, and says which
 * `CONVO_SECRET_NAME` to set, so the key lives on the server and never in the flow or its exports.
 */
function lintCredentials(
  node: NodeOfType<"action">,
  nodeIndex: number,
  problems: ProblemList,
  path: string,
  field: CredentialField,
  text: string,
): void {
  const found = findCredentials(field, text);
  const first = found[0];
  if (!first) return;
  const names = [...new Set(found.map((c) => c.secret))];
  const where =
    field.kind === "url"
      ? "The address"
      : field.kind === "body"
        ? "The body"
        : field.kind === "header"
          ? `The header "${field.name}"`
          : `The value of "${field.name}"`;
  problems.add({
    code: "secret-in-flow",
    severity: "warning",
    path: joinPath(`nodes[${nodeIndex}]`, path),
    nodeId: node.id,
    message: `${where} holds what looks like a credential typed in clear. Store it as a secret: set ${names.map((n) => `CONVO_SECRET_${n}`).join(", ")} on the server (or the secrets page, once people have accounts) and write ${names.map((n) => `{{secrets.${n}}}`).join(", ")} here, so it is never exported with the flow.`,
    params: { secret: first.secret, env: `CONVO_SECRET_${first.secret}` },
    fix: { value: replaceCredentials(text, found, (c) => `{{secrets.${c.secret}}}`) },
  });
}
