import type { NodeLintContext } from "../../lint/context";
import type { NodeOfType } from "../../node-types";
import { patternRefusal } from "../../safe-pattern";
import { MAX_PATTERN_LENGTH } from "../../safe-pattern/parse";

export function lintCondition(
  node: NodeOfType<"condition">,
  nodeIndex: number,
  { problems }: NodeLintContext,
): void {
  if (node.data.branches.length === 0) {
    problems.onNode(
      nodeIndex,
      node,
      "branches-empty",
      "warning",
      "data.branches",
      "This condition has no branch, so every contact goes to Else.",
    );
  }
  node.data.branches.forEach((branch, b) => {
    if (branch.rules.length === 0) {
      problems.onNode(
        nodeIndex,
        node,
        "branch-without-rules",
        "warning",
        `data.branches[${b}].rules`,
        `The branch "${branch.label ?? b + 1}" has no rule, so it always matches.`,
      );
    }
    branch.rules.forEach((rule, r) => {
      if (rule.kind === "tag" || rule.op !== "matches") return;
      const at = `data.branches[${b}].rules[${r}].value`;
      const pattern = rule.value ?? "";
      if (pattern.length > MAX_PATTERN_LENGTH) {
        problems.onNode(
          nodeIndex,
          node,
          "pattern-too-long",
          "error",
          at,
          `A pattern can be ${MAX_PATTERN_LENGTH} characters long.`,
        );
        return;
      }
      try {
        new RegExp(pattern, "iu");
      } catch {
        problems.onNode(
          nodeIndex,
          node,
          "pattern-invalid",
          "error",
          at,
          `"${pattern}" is not a valid pattern.`,
        );
        return;
      }
      // Valid JavaScript, but the engine's linear-time matcher will not run it: the rule is false.
      const refusal = patternRefusal(pattern);
      if (refusal !== undefined) {
        problems.onNode(
          nodeIndex,
          node,
          "pattern-refused",
          "warning",
          at,
          `"${pattern}" never matches: ${refusal}.`,
        );
      }
    });
  });
}
