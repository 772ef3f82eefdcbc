import {
  DEFAULT_AI_TIMEOUT_MS,
  DEFAULT_MIN_CONFIDENCE,
  ELSE,
  type EngineEvent,
  type NodeOfType,
} from "@convo/flow";
import type { Next, Run } from "../run";
import type { FlowRef } from "../types";
import { aiQuestion, resumeAi, sendAi } from "./ai-request";
import type { EngineNodeKind } from "./kind";

function visitIntent(run: Run, ref: FlowRef, node: NodeOfType<"intent">): Next {
  const question = aiQuestion(run, ref.flow, node.data.question);
  const intents = node.data.intents
    .map((intent) => ({
      id: intent.id,
      name: intent.name,
      examples: intent.examples.map((e) => e.trim()).filter((e) => e !== ""),
    }))
    .filter((intent) => intent.examples.length > 0);
  // Nothing to classify, or nothing to classify into: the model is not asked.
  if (question === "" || intents.length === 0) return run.leave(ref, node.id, ELSE);
  return sendAi(
    run,
    { flowId: ref.flow.id, nodeId: node.id },
    {
      task: "intent",
      question,
      intents,
      timeoutMs: node.data.timeoutMs ?? DEFAULT_AI_TIMEOUT_MS,
    },
  );
}

/** The intent the model chose, when it is one of the step's and sure enough; else `else`. */
function onIntent(
  run: Run,
  ref: FlowRef,
  node: NodeOfType<"intent">,
  event: Extract<EngineEvent, { type: "ai_result" }>,
): Next {
  const min = node.data.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const chosen = event.ok ? node.data.intents.find((i) => i.id === event.intent) : undefined;
  const confidence = typeof event.confidence === "number" ? event.confidence : 0;
  return run.leave(ref, node.id, chosen && confidence >= min ? chosen.id : ELSE);
}

export const intentNode: EngineNodeKind<"intent"> = {
  visit: visitIntent,
  waits: "ai",
  resume: (run, { ref, node, waiting }, arrival) =>
    resumeAi(run, waiting, arrival, (event) => onIntent(run, ref, node, event)),
};
