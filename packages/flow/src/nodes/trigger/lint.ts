import type { NodeLintContext } from "../../lint/context";
import { utf8Length } from "../../lint/url";
import type { NodeOfType } from "../../node-types";
import { lintEventTrigger } from "./lint-event";
import { lintIntentTrigger } from "./lint-intent";

export function lintTrigger(
  node: NodeOfType<"trigger">,
  nodeIndex: number,
  { problems, channel }: NodeLintContext,
): void {
  const { limits } = channel;
  if (node.data.triggers.length === 0) {
    problems.onNode(
      nodeIndex,
      node,
      "trigger-empty",
      "error",
      "data.triggers",
      "This start step has no trigger: add a keyword, a link ref, Get Started or the default reply.",
    );
  }
  node.data.triggers.forEach((trigger, i) => {
    const at = `data.triggers[${i}]`;
    switch (trigger.kind) {
      case "keyword":
        if (trigger.keywords.filter((k) => k.trim() !== "").length === 0) {
          problems.onNode(
            nodeIndex,
            node,
            "keywords-empty",
            "error",
            `${at}.keywords`,
            "Add at least one keyword.",
          );
        }
        break;
      case "ref":
        if (trigger.ref.trim() === "") {
          problems.onNode(nodeIndex, node, "ref-empty", "error", `${at}.ref`, "The ref is empty.");
        }
        break;
      case "postback":
        if (trigger.payload.trim() === "") {
          problems.onNode(
            nodeIndex,
            node,
            "payload-empty",
            "error",
            `${at}.payload`,
            "The payload is empty.",
          );
        } else if (utf8Length(trigger.payload) > limits.payload) {
          problems.onNode(
            nodeIndex,
            node,
            "payload-too-long",
            "error",
            `${at}.payload`,
            `A payload can be ${limits.payload} bytes long.`,
            { max: limits.payload },
          );
        }
        break;
      case "event":
        lintEventTrigger(node, nodeIndex, at, trigger, problems);
        break;
      case "intent":
        lintIntentTrigger(node, nodeIndex, at, trigger, problems);
        break;
      case "get_started":
      case "default":
        break;
      case "comment":
        if (trigger.posts?.some((post) => post.trim() === "")) {
          problems.onNode(
            nodeIndex,
            node,
            "comment-post-empty",
            "error",
            `${at}.posts`,
            "A post id is empty: give the post's id, or remove it to answer comments on every post.",
          );
        }
        break;
    }
  });
}
