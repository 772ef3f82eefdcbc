import type { NodeLintContext } from "../../lint/context";
import type { NodeOfType } from "../../node-types";
import type { Trigger } from "../../types";

export type IntentTrigger = Extract<Trigger, { kind: "intent" }>;

/** An intent trigger needs a name and example phrases: without them the model cannot tell it. */
export function lintIntentTrigger(
  node: NodeOfType<"trigger">,
  nodeIndex: number,
  at: string,
  trigger: IntentTrigger,
  problems: NodeLintContext["problems"],
): void {
  if (trigger.name.trim() === "") {
    problems.onNode(
      nodeIndex,
      node,
      "intent-name-empty",
      "error",
      `${at}.name`,
      "An intent has no name.",
    );
  }
  if (!trigger.examples.some((example) => example.trim() !== "")) {
    problems.onNode(
      nodeIndex,
      node,
      "intent-no-examples",
      "error",
      `${at}.examples`,
      `The intent "${trigger.name}" has no example phrases: give a few, in French and English.`,
      { intent: trigger.name },
    );
  }
}
