import { IGNORE } from "../run";
import { onIntentTrigger } from "../triggers/intent-trigger";
import type { EngineNodeKind } from "./kind";

/**
 * A contact entering the flow here goes straight on: matching happened before. A session waits
 * here while the model says which intent trigger free text means.
 */
export const triggerNode: EngineNodeKind<"trigger"> = {
  visit: (run, ref, node) => run.leave(ref, node.id, "next"),
  waits: "intent_trigger",
  resume(run, { waiting }, arrival) {
    if (waiting?.kind !== "intent_trigger") return undefined;
    if (arrival.kind === "ai_result") {
      if (arrival.event.requestId !== waiting.requestId) return IGNORE;
      return onIntentTrigger(run, waiting, arrival.event);
    }
    // Text while the model thinks waits for its answer, unless the answer is overdue.
    if (arrival.kind === "text" && run.context.now <= waiting.deadline) return IGNORE;
    if (arrival.kind === "text") run.session.waiting = undefined;
    return undefined;
  },
};
