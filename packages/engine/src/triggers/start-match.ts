import { type EngineEvent, eventVariables } from "@convo/flow";
import { IGNORE, type Next, type Run } from "../run";
import type { FlowRef } from "../types";
import { askIntentTriggers } from "./intent-trigger";
import { defaultReply, matchEvent, matchTrigger } from "./match-trigger";

/**
 * Starts whichever flow the event triggers; the default reply only when `withDefault`. Free
 * text nothing else took asks the model about the intent triggers before the default reply.
 */
export function startMatch(run: Run, event: EngineEvent, withDefault: boolean): Next {
  const freeText = event.type === "message" && run.incoming.trim() !== "";
  let match = matchTrigger(run.flows, event, { withDefault: withDefault && !freeText });
  if (!match && freeText) {
    const asked = askIntentTriggers(run, run.incoming);
    if (asked) return asked;
    if (withDefault) match = defaultReply(run.flows);
  }
  if (!match) return IGNORE;
  const ref = run.flowRef(match.flowId) as FlowRef;
  // An m.me link whose ref starts with a declared prefix: the rest is the contact's external id.
  if (match.externalId !== undefined) run.emit({ type: "remember", externalId: match.externalId });
  if (match.publicReply !== undefined && event.type === "comment") {
    // Answered in public under the comment, beside the private reply the flow's first message is.
    const text = run.render(ref.flow, match.publicReply).trim();
    if (text !== "") run.emit({ type: "comment_reply", commentId: event.commentId, text });
  }
  return { kind: "go", ref, nodeId: match.nodeId };
}

/**
 * Starts the flow whose `event` trigger has the event's name, with its data as `{{event.*}}`
 * (the data of an earlier event of that flow is cleared first). Nothing listening: ignored (the
 * events API refuses such events before they reach a contact).
 */
export function startEvent(run: Run, event: Extract<EngineEvent, { type: "event" }>): Next {
  const match = matchEvent(run.flows, event.name);
  if (!match) return IGNORE;
  const ref = run.flowRef(match.flowId) as FlowRef;
  for (const name of Object.keys(run.session.variables[ref.flow.id] ?? {})) {
    if (name.startsWith(EVENT_PREFIX)) run.deleteVariable(ref.flow.id, name);
  }
  for (const [key, value] of Object.entries(eventVariables(event.data))) {
    run.setVariable(ref.flow.id, EVENT_PREFIX + key, value);
  }
  return { kind: "go", ref, nodeId: match.nodeId };
}

/** Where an event's data is kept among the flow's variables (`{{event.x}}` reads `event.x`). */
export const EVENT_PREFIX = "event.";
