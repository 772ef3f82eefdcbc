import type { Flow } from "@convo/flow";
import { capText, ENGINE_LIMITS } from "../limits";
import { IGNORE, type Next, type Run } from "../run";
import type { AiRequest, EngineEvent, Waiting } from "../types";
import type { Arrival } from "./kind";

/** The longest question sent to the model, in characters. */
const MAX_QUESTION = 1_000;

/**
 * What an AI step asks about: its `question` template, or the text the contact just sent. A
 * template's values are the contact's data; nothing in them is templated again.
 */
export function aiQuestion(run: Run, flow: Flow, question: string | undefined): string {
  const text =
    question === undefined || question.trim() === "" ? run.incoming : run.render(flow, question);
  return capText(text.trim(), MAX_QUESTION);
}

/** Hands the request to the host (an `ai` action) and waits for its `ai_result`. */
export function sendAi(run: Run, at: { flowId: string; nodeId: string }, request: AiRequest): Next {
  const requestId = run.nextId("ai");
  run.emit({ type: "ai", requestId, request, nodeId: at.nodeId });
  return run.wait({
    kind: "ai",
    ...at,
    requestId,
    // The host gives up at timeoutMs; a minute on top covers its queue.
    deadline: run.context.now + request.timeoutMs + 60_000,
    question: run.incoming,
  });
}

/**
 * What an event does to a session waiting for the model: the answer to its own request goes to
 * `onResult`; another is ignored, and so is the contact's text until the deadline, after which
 * the answer is taken as lost and the text handled as if the session were idle.
 */
export function resumeAi(
  run: Run,
  waiting: Waiting | undefined,
  arrival: Arrival,
  onResult: (event: Extract<EngineEvent, { type: "ai_result" }>) => Next,
): Next | undefined {
  if (waiting?.kind !== "ai") return undefined;
  if (arrival.kind === "ai_result") {
    if (arrival.event.requestId !== waiting.requestId) return IGNORE;
    run.incoming = waiting.question;
    return onResult(arrival.event);
  }
  if (arrival.kind === "text") {
    if (run.context.now > waiting.deadline) {
      run.session.waiting = undefined;
      return undefined;
    }
    return IGNORE;
  }
  return undefined;
}

/** The characters of one text message on the contact's channel. */
export function textLimit(run: Run): number {
  return run.context.limits?.text ?? ENGINE_LIMITS.outgoingText;
}
