import type { NodeLintContext } from "../../lint/context";
import type { NodeOfType } from "../../node-types";

/** Warns when a handle of an AI step leads nowhere: the customer would get no answer there. */
export function lintAiHandles(
  node: NodeOfType<"ai_answer" | "intent">,
  nodeIndex: number,
  { flow, problems }: NodeLintContext,
  handles: readonly { id: string; message: string }[],
): void {
  for (const handle of handles) {
    const used = flow.edges.some(
      (e) => e.source === node.id && (e.sourceHandle ?? "next") === handle.id,
    );
    if (used) continue;
    problems.onNode(nodeIndex, node, "ai-leads-nowhere", "warning", "", handle.message, {
      handle: handle.id,
    });
  }
}

export function lintAiAnswer(
  node: NodeOfType<"ai_answer">,
  nodeIndex: number,
  context: NodeLintContext,
): void {
  const { problems } = context;
  const { entries, text } = node.data;
  if (entries.length === 0 && (text ?? "").trim() === "") {
    problems.onNode(
      nodeIndex,
      node,
      "ai-knowledge-empty",
      "error",
      "data.entries",
      "The knowledge base is empty: paste the FAQ or the text the answers come from.",
    );
  }
  entries.forEach((entry, i) => {
    if (entry.question.trim() !== "" && entry.answer.trim() !== "") return;
    problems.onNode(
      nodeIndex,
      node,
      "ai-entry-empty",
      "error",
      `data.entries[${i}]`,
      "A question of the FAQ has no question or no answer.",
    );
  });
  lintAiHandles(node, nodeIndex, context, [
    {
      id: "unsure",
      message: "When the model does not know, the customer gets no answer.",
    },
    {
      id: "error",
      message: "When the model fails, the customer gets no answer.",
    },
  ]);
}
