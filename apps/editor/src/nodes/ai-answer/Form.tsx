import type { NodeOfType } from "@convo/flow";
import { AiAnswerBody } from "./Body";

/** For now the step's summary; its fields come with the editor's AI forms. */
export function AiAnswerForm({ node }: { node: NodeOfType<"ai_answer"> }) {
  return <AiAnswerBody node={node} />;
}
