import type { EngineAction, EngineEvent, FlowRef, Session } from "@convo/engine";
import { AI_TOKENS_HANDLE } from "../store/stats";
import type { CounterHit } from "./counters";

/**
 * The tokens a model's answer spent, as a counter of the step that asked (under the handle
 * `$tokens`, beside its outputs), when the session still waited for that answer. An intent
 * trigger's question is counted on the flow it started (the first node the step entered, that
 * flow's trigger, or the default reply's): the session waited at the first intent trigger of
 * all, which says nothing of the flow the tokens were spent for. When no flow started, they stay
 * there, so the month's budget still counts them.
 */
export function aiTokensHit(
  session: Session,
  event: EngineEvent,
  actions: readonly EngineAction[],
  byId: ReadonlyMap<string, FlowRef>,
): CounterHit | undefined {
  if (event.type !== "ai_result" || !event.tokens) return undefined;
  const waiting = session.waiting;
  if (waiting?.kind !== "ai" && waiting?.kind !== "intent_trigger") return undefined;
  if (waiting.requestId !== event.requestId) return undefined;
  const started =
    waiting.kind === "intent_trigger" ? actions.find((a) => a.type === "track") : undefined;
  const { flowId, nodeId } = started ?? waiting;
  return {
    flowId,
    version: byId.get(flowId)?.version ?? 0,
    nodeId,
    handle: AI_TOKENS_HANDLE,
    count: event.tokens,
  };
}
