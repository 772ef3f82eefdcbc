import type { NodeLintContext } from "../../lint/context";
import type { NodeOfType } from "../../node-types";

export function lintInput(
  node: NodeOfType<"input">,
  nodeIndex: number,
  { problems, channel }: NodeLintContext,
): void {
  const { name, limits } = channel;
  const { question, validation } = node.data;
  if (question.trim() === "") {
    problems.onNode(
      nodeIndex,
      node,
      "text-empty",
      "error",
      "data.question",
      "The question is empty.",
    );
  } else if (question.length > limits.text) {
    problems.onNode(
      nodeIndex,
      node,
      "text-too-long",
      "error",
      "data.question",
      `A text can be ${limits.text} characters long; this one is ${question.length}.`,
      { length: question.length, max: limits.text },
    );
  }
  if (validation.kind === "choice") {
    // Choices are offered as quick replies, so quick-reply limits apply.
    if (validation.choices.length === 0) {
      problems.onNode(
        nodeIndex,
        node,
        "choices-empty",
        "error",
        "data.validation.choices",
        "Add at least one choice.",
      );
    } else if (validation.choices.length > limits.quickReplies) {
      problems.onNode(
        nodeIndex,
        node,
        "too-many-quick-replies",
        "error",
        "data.validation.choices",
        `${name} shows at most ${limits.quickReplies} choices; this has ${validation.choices.length}.`,
        { count: validation.choices.length, max: limits.quickReplies },
      );
    }
    validation.choices.forEach((choice, i) => {
      if (choice.title.length > limits.quickReplyTitle) {
        problems.onNode(
          nodeIndex,
          node,
          "quick-reply-title-too-long",
          "error",
          `data.validation.choices[${i}].title`,
          `The choice "${choice.title}" is ${choice.title.length} characters; ${name} allows ${limits.quickReplyTitle}.`,
          { length: choice.title.length, max: limits.quickReplyTitle },
        );
      }
    });
  }
  if (
    validation.kind === "number" &&
    validation.min !== undefined &&
    validation.max !== undefined
  ) {
    if (validation.min > validation.max) {
      problems.onNode(
        nodeIndex,
        node,
        "range-inverted",
        "error",
        "data.validation",
        "The smallest accepted number is larger than the largest.",
      );
    }
  }
}
