import { DEFAULT_AI_TIMEOUT_MS, DEFAULT_MIN_CONFIDENCE, type EngineEvent } from "@convo/flow";
import { indexFlow } from "../flow-index";
import { IGNORE, type Next, type Run } from "../run";
import type { FlowRef, Waiting } from "../types";
import { defaultReply } from "./match-trigger";

/** One intent trigger of a live flow, as the model is asked about it. */
interface IntentEntry {
  /** Stable across the model's round trip: `flowId/nodeId/triggerIndex`. */
  id: string;
  name: string;
  examples: string[];
  minConfidence: number;
  ref: FlowRef;
  nodeId: string;
}

/** The intent triggers of the flows that are not paused, in flow order then node order. */
function intentEntries(flows: readonly FlowRef[]): IntentEntry[] {
  const entries: IntentEntry[] = [];
  for (const ref of flows) {
    if (ref.paused) continue;
    for (const node of indexFlow(ref.flow).triggers) {
      node.data.triggers.forEach((trigger, i) => {
        if (trigger.kind !== "intent") return;
        const examples = trigger.examples.map((e) => e.trim()).filter((e) => e !== "");
        if (examples.length === 0) return;
        entries.push({
          id: `${ref.flow.id}/${node.id}/${i}`,
          name: trigger.name,
          examples,
          minConfidence: trigger.minConfidence ?? DEFAULT_MIN_CONFIDENCE,
          ref,
          nodeId: node.id,
        });
      });
    }
  }
  return entries;
}

/**
 * Free text that no postback, ref or keyword trigger took: when a live flow has an intent
 * trigger, the model is asked which one the text means (an `ai` action) and the session waits
 * at that trigger for the answer. `undefined` when no flow has one: the model is not asked.
 */
export function askIntentTriggers(run: Run, text: string): Next | undefined {
  const question = text.trim();
  if (question === "") return undefined;
  const entries = intentEntries(run.flows);
  const first = entries[0];
  if (!first) return undefined;
  const requestId = run.nextId("ai");
  const request = {
    task: "intent" as const,
    question,
    intents: entries.map(({ id, name, examples }) => ({ id, name, examples })),
    timeoutMs: DEFAULT_AI_TIMEOUT_MS,
  };
  run.emit({ type: "ai", requestId, request, nodeId: first.nodeId });
  return run.wait({
    kind: "intent_trigger",
    flowId: first.ref.flow.id,
    nodeId: first.nodeId,
    requestId,
    deadline: run.context.now + request.timeoutMs + 60_000,
    question: run.incoming,
  });
}

/**
 * The model's answer to `askIntentTriggers`: the flow of the intent it chose, when sure enough;
 * else the default reply; else the contact stays idle. The model failing is the default reply
 * too: a trigger has no `error` path, and the customer still gets an answer.
 */
export function onIntentTrigger(
  run: Run,
  waiting: Extract<Waiting, { kind: "intent_trigger" }>,
  event: Extract<EngineEvent, { type: "ai_result" }>,
): Next {
  run.session.waiting = undefined;
  run.incoming = waiting.question;
  const confidence = typeof event.confidence === "number" ? event.confidence : 0;
  const chosen = event.ok
    ? intentEntries(run.flows).find((e) => e.id === event.intent && confidence >= e.minConfidence)
    : undefined;
  if (chosen) return { kind: "go", ref: chosen.ref, nodeId: chosen.nodeId };
  const fallback = defaultReply(run.flows);
  if (!fallback) return IGNORE;
  return { kind: "go", ref: run.flowRef(fallback.flowId) as FlowRef, nodeId: fallback.nodeId };
}
