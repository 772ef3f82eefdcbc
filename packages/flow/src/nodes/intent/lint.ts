import type { NodeLintContext } from "../../lint/context";
import type { NodeOfType } from "../../node-types";
import { lintAiHandles } from "../ai-answer/lint";

export function lintIntent(
  node: NodeOfType<"intent">,
  nodeIndex: number,
  context: NodeLintContext,
): void {
  const { problems } = context;
  node.data.intents.forEach((intent, i) => {
    if (intent.name.trim() === "") {
      problems.onNode(
        nodeIndex,
        node,
        "intent-name-empty",
        "error",
        `data.intents[${i}].name`,
        "An intent has no name.",
      );
    }
    if (!intent.examples.some((example) => example.trim() !== "")) {
      problems.onNode(
        nodeIndex,
        node,
        "intent-no-examples",
        "error",
        `data.intents[${i}].examples`,
        `The intent "${intent.name}" has no example phrases: give a few, in French and English.`,
        { intent: intent.name },
      );
    }
  });
  lintAiHandles(node, nodeIndex, context, [
    {
      id: "else",
      message: "When no intent fits, the customer gets no answer.",
    },
  ]);
}
