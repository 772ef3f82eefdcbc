import { NODE_TYPES_OF_WAIT } from "@convo/engine";
import type { Flow } from "@convo/flow";
import { NO_AI_PROVIDER } from "../ai/provider";
import type { Deps } from "../deps";

/** What publishing says will not work as drawn, though the flow is valid. */
export interface PublishWarning {
  code: string;
  message: string;
}

/** A flow with AI steps on a runtime without a provider: each of them takes its error path. */
export function publishWarnings(flow: Flow, deps: Pick<Deps, "ai">): PublishWarning[] {
  const aiSteps = NODE_TYPES_OF_WAIT.get("ai");
  const hasAi = flow.nodes.some(
    (node) =>
      aiSteps?.has(node.type) ||
      (node.type === "trigger" && node.data.triggers.some((t) => t.kind === "intent")),
  );
  if (!hasAi || deps.ai.kind !== "none") return [];
  return [
    {
      code: "ai-no-provider",
      message: `${NO_AI_PROVIDER} The flow's AI steps will take their error path.`,
    },
  ];
}
