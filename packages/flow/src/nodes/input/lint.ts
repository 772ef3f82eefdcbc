import { MESSENGER_LIMITS } from "../../limits";
import type { ProblemList } from "../../lint/context";
import type { NodeOfType } from "../../schema";

export function lintInput(
  node: NodeOfType<"input">,
  nodeIndex: number,
  problems: ProblemList,
): void {
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
  } else if (question.length > MESSENGER_LIMITS.text) {
    problems.onNode(
      nodeIndex,
      node,
      "text-too-long",
      "error",
      "data.question",
      `A text can be ${MESSENGER_LIMITS.text} characters long; this one is ${question.length}.`,
      { length: question.length, max: MESSENGER_LIMITS.text },
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
    } else if (validation.choices.length > MESSENGER_LIMITS.quickReplies) {
      problems.onNode(
        nodeIndex,
        node,
        "too-many-quick-replies",
        "error",
        "data.validation.choices",
        `Messenger shows at most ${MESSENGER_LIMITS.quickReplies} choices; this has ${validation.choices.length}.`,
        { count: validation.choices.length, max: MESSENGER_LIMITS.quickReplies },
      );
    }
    validation.choices.forEach((choice, i) => {
      if (choice.title.length > MESSENGER_LIMITS.quickReplyTitle) {
        problems.onNode(
          nodeIndex,
          node,
          "quick-reply-title-too-long",
          "error",
          `data.validation.choices[${i}].title`,
          `The choice "${choice.title}" is ${choice.title.length} characters; Messenger allows ${MESSENGER_LIMITS.quickReplyTitle}.`,
          { length: choice.title.length, max: MESSENGER_LIMITS.quickReplyTitle },
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
