import type { NodeOfType } from "@convo/flow";
import { capText, ENGINE_LIMITS } from "../limits";
import { IGNORE, type Next, type Run } from "../run";
import type { EngineAction, FlowRef } from "../types";
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
  const action: Extract<EngineAction, { type: "handover" }> = { type: "handover" };
  if (hours !== undefined) action.resumeAt = run.context.now + hours * 3_600_000;
  if (node.data.passToAppId !== undefined) {
    action.passTo = { appId: node.data.passToAppId, metadata: handoverMetadata(run, ref, node) };
  }
  run.emit(action);
  return run.wait({ kind: "handover", flowId: flow.id, nodeId: node.id });
}

/** Meta's limit on thread control metadata. */
const METADATA_LIMIT = 1000;

/**
 * What the help desk is told: `{ reason, flow, variables }` as JSON, within Meta's 1,000
 * characters (variables are left out, longest first, until it fits). Secrets never are variables.
 */
function handoverMetadata(run: Run, ref: FlowRef, node: NodeOfType<"handover">): string {
  const reason = node.data.reason === undefined ? "" : run.render(ref.flow, node.data.reason);
  const variables: Record<string, string> = { ...run.session.variables[ref.flow.id] };
  const text = () => JSON.stringify({ reason: capText(reason, 300), flow: ref.flow.id, variables });
  let out = text();
  const names = Object.keys(variables).sort(
    (a, b) => (variables[b]?.length ?? 0) - (variables[a]?.length ?? 0),
  );
  for (const name of names) {
    if (out.length <= METADATA_LIMIT) break;
    delete variables[name];
    out = text();
  }
  return out;
}

export const handoverNode: EngineNodeKind<"handover"> = {
  visit: runHandover,
  waits: "handover",
  // While a person has the conversation, the bot stays silent until it is handed back.
  resume: (run, { ref, node }, arrival) =>
    arrival.kind === "resume" ? run.leave(ref, node.id, "next") : IGNORE,
};
