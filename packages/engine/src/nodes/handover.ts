import type { NodeOfType } from "@convo/flow";
import { capText, ENGINE_LIMITS } from "../limits";
import { IGNORE, type Next, type Run } from "../run";
import type { FlowRef } from "../types";
import type { EngineNodeKind } from "./kind";

/** Tells the contact a person takes over, pauses the bot, and waits for `resume`. */
function runHandover(run: Run, ref: FlowRef, node: NodeOfType<"handover">): Next {
  const { flow } = ref;
  if (node.data.message !== undefined) {
    const text = capText(run.render(flow, node.data.message), ENGINE_LIMITS.outgoingText);
    if (text.trim() !== "") {
      run.emit({ type: "send", message: { kind: "text", text }, nodeId: node.id, flowId: flow.id });
    }
  }
  const hours = node.data.resumeAfterHours;
  run.emit(
    hours === undefined
      ? { type: "handover" }
      : { type: "handover", resumeAt: run.context.now + hours * 3_600_000 },
  );
  return run.wait({ kind: "handover", flowId: flow.id, nodeId: node.id });
}

export const handoverNode: EngineNodeKind<"handover"> = {
  visit: runHandover,
  waits: "handover",
  // While a person has the conversation, the bot stays silent until it is handed back.
  resume: (run, { ref, node }, arrival) =>
    arrival.kind === "resume" ? run.leave(ref, node.id, "next") : IGNORE,
};
