import {
  assertNever,
  decodePayload,
  type Flow,
  type FlowNode,
  nodeOutputs,
  type PayloadTarget,
} from "@convo/flow";
import { indexFlow } from "./flow-index";
import { capText, ENGINE_LIMITS } from "./limits";
import { engineNode, NODE_TYPES_OF_WAIT } from "./nodes";
import type { Arrival } from "./nodes/kind";
import { END, IGNORE, type Next, Run } from "./run";
import { readSession } from "./session";
import { defaultReply } from "./triggers/match-trigger";
import { startEvent, startMatch } from "./triggers/start-match";
import type { EngineEvent, FlowRef, Session, StepContext, StepResult, Waiting } from "./types";

/**
 * Runs one event through a contact's conversation. Pure and deterministic: the same flow,
 * session, event and context give the same result, and nothing outside is touched. Whatever
 * needs the world comes back as actions; whatever the world answers comes back as a later event.
 *
 * `flow` is the flow the host considers current (a draft in the simulator); `context.flows` holds
 * the others the contact may reach. Never throws.
 *
 * @example
 * const { session, actions } = step(flow, initialSession(), { type: "message", text: "hi" },
 *   { now: Date.now(), seed: 42, contact: { fields: {}, tags: [] }, version: 3 });
 */
export function step(
  flow: Flow,
  session: Session,
  event: EngineEvent,
  context: StepContext,
): StepResult {
  const run = new Run(flow, readSession(session), context);
  try {
    drive(run, dispatch(run, event));
  } catch (error) {
    // Unreachable for valid flows (the property tests hold that); a last guard for hosts that
    // pass something the types do not allow.
    run.session.waiting = undefined;
    run.emit({
      type: "error",
      code: "internal",
      message: error instanceof Error ? error.message : String(error),
    });
  }
  return { session: run.session, actions: run.actions };
}

/** Visits nodes until one waits, a path ends, or the step limit is reached. */
function drive(run: Run, first: Next): void {
  let next = first;
  while (next.kind === "go") {
    if (++run.visits > ENGINE_LIMITS.nodeVisits) {
      run.error(
        "step_limit",
        `Stopped after ${ENGINE_LIMITS.nodeVisits} steps without waiting for the contact: the flow loops.`,
        next.nodeId,
      );
      run.session.waiting = undefined;
      return;
    }
    const { ref, nodeId } = next;
    const node = run.node(ref, nodeId);
    if (!node) {
      run.error("unknown_node", `The step "${nodeId}" does not exist in "${ref.flow.id}".`, nodeId);
      next = END;
      break;
    }
    run.emit({ type: "track", flowId: ref.flow.id, nodeId });
    next = engineNode(node.type).visit(run, ref, node);
  }
  if (next.kind === "end") {
    run.session.waiting = undefined;
    run.emit({ type: "end" });
  }
}

/** The node a session waits at, when the flow and node still exist and still fit the wait. */
interface Resolved {
  waiting: Waiting;
  ref: FlowRef;
  node: FlowNode;
}

function resolveWaiting(run: Run): Resolved | undefined {
  const waiting = run.session.waiting;
  if (!waiting) return undefined;
  const ref = run.flowRef(waiting.flowId);
  const node = ref ? run.node(ref, waiting.nodeId) : undefined;
  if (!ref || !node || !NODE_TYPES_OF_WAIT.get(waiting.kind)?.has(node.type)) {
    // Stale: the flow was republished without that step. Behave as if idle.
    run.session.waiting = undefined;
    return undefined;
  }
  return { waiting, ref, node };
}

function dispatch(run: Run, event: EngineEvent): Next {
  if (event.type === "start") {
    const ref = run.flowRef(event.flowId);
    if (!ref) {
      run.error("unknown_flow", `There is no flow "${event.flowId}".`);
      return IGNORE;
    }
    if (!indexFlow(ref.flow).nodes.has(event.nodeId)) {
      run.error("unknown_node", `The flow "${event.flowId}" has no step "${event.nodeId}".`);
      return IGNORE;
    }
    return { kind: "go", ref, nodeId: event.nodeId };
  }
  // The brand's event starts its flow whatever the contact was doing (as a `start` does).
  if (event.type === "event") return startEvent(run, event);
  const at = resolveWaiting(run);
  const arrival = arrivalOf(event);
  // What the contact just said: an AI step asks about it unless it says otherwise.
  if (arrival.kind === "text" || arrival.kind === "tap")
    run.incoming = capText(arrival.text, ENGINE_LIMITS.incomingText);
  // The node the session waits at has the first say; then the defaults.
  const resumed = at && resume(run, at.node, at.ref, at.waiting, arrival);
  if (resumed) return resumed;
  switch (arrival.kind) {
    case "text":
      return startMatch(run, arrival.event, true);
    case "tap":
      return onTap(run, arrival.target, arrival.text);
    case "trigger":
      return startMatch(run, arrival.event, at === undefined);
    case "http_result":
    case "ai_result":
    case "timer":
    case "resume":
      return IGNORE;
    default:
      return assertNever(arrival);
  }
}

function resume(
  run: Run,
  node: FlowNode,
  ref: FlowRef,
  waiting: Waiting | undefined,
  arrival: Arrival,
): Next | undefined {
  return engineNode(node.type).resume?.(run, { ref, node, waiting }, arrival);
}

/** What an event is to the node it reaches. */
function arrivalOf(event: Exclude<EngineEvent, { type: "start" | "event" }>): Arrival {
  switch (event.type) {
    case "message":
      return { kind: "text", text: typeof event.text === "string" ? event.text : "", event };
    case "quick_reply":
    case "postback": {
      const target = typeof event.payload === "string" ? decodePayload(event.payload) : undefined;
      const text = event.type === "quick_reply" ? event.text : event.title;
      if (target) return { kind: "tap", target, text: typeof text === "string" ? text : "" };
      if (event.type === "quick_reply") {
        // Not one of ours: Messenger's email and phone quick replies carry the value itself.
        const value = typeof event.text === "string" ? event.text : event.payload;
        return { kind: "text", text: value, event };
      }
      return { kind: "trigger", event };
    }
    case "referral":
    case "comment":
      return { kind: "trigger", event };
    case "http_result":
      return { kind: "http_result", event };
    case "ai_result":
      return { kind: "ai_result", event };
    case "timer":
      return { kind: "timer", timerId: event.timerId };
    case "resume":
      return { kind: "resume" };
    default:
      return assertNever(event);
  }
}

/**
 * A tap on something Convo sent that the node waiting did not take. On an older message it
 * still lands where it was drawn, in the flow's current version, or gets the default reply when
 * that step or handle is gone.
 */
function onTap(run: Run, target: PayloadTarget, text: string): Next {
  const ref = run.flowRef(target.flowId);
  const node = ref ? run.node(ref, target.nodeId) : undefined;
  if (!ref || !node || !isTapHandle(node, target.handle)) {
    const fallback = defaultReply(run.flows);
    if (!fallback) return IGNORE;
    return { kind: "go", ref: run.flowRef(fallback.flowId) as FlowRef, nodeId: fallback.nodeId };
  }
  const arrival: Arrival = { kind: "tap", target, text };
  return resume(run, node, ref, undefined, arrival) ?? run.leave(ref, node.id, target.handle);
}

/** Whether `handle` is something a contact taps on this node (a button, quick reply or choice). */
function isTapHandle(node: FlowNode, handle: string): boolean {
  for (const output of nodeOutputs(node)) {
    if (output.id !== handle) continue;
    return output.kind === "button" || output.kind === "quick_reply" || output.kind === "choice";
  }
  return false;
}
