import type { NodeLintContext } from "../../lint/context";
import { isHttpUrlOrTemplate } from "../../lint/url";
import type { NodeOfType } from "../../node-types";

/** A literal address must be https (the message names a contact); a template is checked when sent. */
function isHttpsOrTemplate(url: string): boolean {
  const text = url.trim();
  if (text.startsWith("{{")) return true;
  return /^https:\/\//i.test(text) && isHttpUrlOrTemplate(text);
}

export function lintNotify(
  node: NodeOfType<"notify">,
  nodeIndex: number,
  { problems }: NodeLintContext,
): void {
  if (!isHttpsOrTemplate(node.data.url)) {
    problems.onNode(
      nodeIndex,
      node,
      "notify-url-not-https",
      "error",
      "data.url",
      "The team's address must start with https:// (or be a {{secrets.NAME}} reference).",
    );
  }
  if (node.data.text.trim() === "") {
    problems.onNode(
      nodeIndex,
      node,
      "notify-text-empty",
      "error",
      "data.text",
      "The message to the team is empty.",
    );
  }
}
