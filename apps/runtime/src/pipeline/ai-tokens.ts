import type { EngineEvent, FlowRef, Session } from "@convo/engine";
import { AI_TOKENS_HANDLE } from "../store/stats";
import type { CounterHit } from "./counters";

/**
 * The tokens a model's answer spent, as a counter of the step that asked (under the handle
 * `$tokens`, beside its outputs), when the session still waits for that answer.
 */
export function aiTokensHit(
  session: Session,
  event: EngineEvent,
  byId: ReadonlyMap<string, FlowRef>,
): CounterHit | undefined {
  if (event.type !== "ai_result" || !event.tokens) return undefined;
  const waiting = session.waiting;
  if (waiting?.kind !== "ai" && waiting?.kind !== "intent_trigger") return undefined;
  if (waiting.requestId !== event.requestId) return undefined;
  return {
    flowId: waiting.flowId,
    version: byId.get(waiting.flowId)?.version ?? 0,
    nodeId: waiting.nodeId,
    handle: AI_TOKENS_HANDLE,
    count: event.tokens,
  };
}
