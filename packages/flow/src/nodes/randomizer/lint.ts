import type { NodeLintContext } from "../../lint/context";
import type { NodeOfType } from "../../node-types";

export function lintRandomizer(
  node: NodeOfType<"randomizer">,
  nodeIndex: number,
  { problems }: NodeLintContext,
): void {
  const { variants } = node.data;
  if (variants.length < 2) {
    problems.onNode(
      nodeIndex,
      node,
      "variants-too-few",
      "warning",
      "data.variants",
      "A split needs at least two variants to compare.",
    );
  }
  if (variants.length > 0 && variants.every((v) => v.weight === 0)) {
    problems.onNode(
      nodeIndex,
      node,
      "weights-zero",
      "error",
      "data.variants",
      "Every variant has weight 0, so no contact can go anywhere.",
    );
  }
}
