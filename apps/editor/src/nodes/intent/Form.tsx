import type { NodeOfType } from "@convo/flow";
import { IntentBody } from "./Body";

/** For now the step's summary; its fields come with the editor's AI forms. */
export function IntentForm({ node }: { node: NodeOfType<"intent"> }) {
  return <IntentBody node={node} />;
}
