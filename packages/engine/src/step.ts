import {
  assertNever,
  decodePayload,
  type Flow,
  type FlowNode,
  nodeOutputs,
  type PayloadTarget,
} from "@convo/flow";
import { indexFlow } from "./flow-index";
import { ENGINE_LIMITS } from "./limits";
import { runAction } from "./nodes/action";
import { runCondition } from "./nodes/condition";
import { answerInput, askInput } from "./nodes/input";
import { readPath, valueToText } from "./nodes/json-path";
import { runMessage } from "./nodes/message";
import { runDelay, runHandover, runRandomizer } from "./nodes/wait-nodes";
import { END, IGNORE, type Next, Run } from "./run";
import { readSession } from "./session";
import { defaultReply, matchTrigger } from "./triggers/match-trigger";
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
    const node = indexFlow(ref.flow).nodes.get(nodeId);
    if (!node) {
      run.error("unknown_node", `The step "${nodeId}" does not exist in "${ref.flow.id}".`, nodeId);
      next = END;
      break;
    }
    run.emit({ type: "track", flowId: ref.flow.id, nodeId });
    next = visit(run, ref, node);
  }
  if (next.kind === "end") {
    run.session.waiting = undefined;
    run.emit({ type: "end" });
  }
}

function visit(run: Run, ref: FlowRef, node: FlowNode): Next {
  switch (node.type) {
    case "trigger":
      return run.leave(ref, node.id, "next");
    case "message":
      return runMessage(run, ref, node);
    case "input":
      return askInput(run, ref, node);
    case "condition":
      return runCondition(run, ref, node);
    case "action":
      return runAction(run, ref, node);
    case "delay":
      return runDelay(run, ref, node);
    case "randomizer":
      return runRandomizer(run, ref, node);
    case "handover":
      return runHandover(run, ref, node);
    case "goto":
      return enterFlow(run, node.data.flowId, node.data.nodeId, node.id);
    case "note":
      return END;
    default:
      return assertNever(node);
  }
}

/** Into another flow, at a node or at its first trigger (whose `next` then leads on). */
function enterFlow(run: Run, flowId: string, nodeId: string | undefined, from?: string): Next {
  const ref = run.flowRef(flowId);
  if (!ref) {
    run.error("unknown_flow", `There is no flow "${flowId}" to go to.`, from);
    return END;
  }
  const target = nodeId ?? ref.flow.nodes.find((n) => n.type === "trigger")?.id;
  if (target === undefined || !indexFlow(ref.flow).nodes.has(target)) {
    run.error("unknown_node", `The flow "${flowId}" has no step "${target ?? "trigger"}".`, from);
    return END;
  }
  return { kind: "go", ref, nodeId: target };
}

/** The node a session waits at, when the flow and node still exist and still fit the wait. */
interface Resolved<W extends Waiting = Waiting> {
  waiting: W;
  ref: FlowRef;
  node: FlowNode;
}

const WAIT_NODE_TYPE = {
  tap: "message",
  input: "input",
  http: "action",
  delay: "delay",
  handover: "handover",
} as const;

function resolveWaiting(run: Run): Resolved | undefined {
  const waiting = run.session.waiting;
  if (!waiting) return undefined;
  const ref = run.flowRef(waiting.flowId);
  const node = ref ? indexFlow(ref.flow).nodes.get(waiting.nodeId) : undefined;
  if (!ref || !node || node.type !== WAIT_NODE_TYPE[waiting.kind]) {
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
  const at = resolveWaiting(run);
  // While a person has the conversation, the bot stays silent until it is handed back.
  if (at?.waiting.kind === "handover") {
    return event.type === "resume" ? run.leave(at.ref, at.node.id, "next") : IGNORE;
  }
  switch (event.type) {
    case "message":
      return onText(run, at, typeof event.text === "string" ? event.text : "", event);
    case "quick_reply":
    case "postback": {
      const target = typeof event.payload === "string" ? decodePayload(event.payload) : undefined;
      const text = event.type === "quick_reply" ? event.text : event.title;
      if (target) return onTap(run, at, target, typeof text === "string" ? text : "");
      if (event.type === "quick_reply") {
        // Not one of ours: Messenger's email and phone quick replies carry the value itself.
        return onText(run, at, typeof event.text === "string" ? event.text : event.payload, event);
      }
      return startMatch(run, event, at === undefined);
    }
    case "referral":
      return startMatch(run, event, at === undefined);
    case "http_result":
      if (at?.waiting.kind !== "http" || at.waiting.requestId !== event.requestId) return IGNORE;
      return onHttpResult(run, at as Resolved<Extract<Waiting, { kind: "http" }>>, event);
    case "timer":
      if (at?.waiting.kind === "input" && at.waiting.timerId === event.timerId) {
        return run.leave(at.ref, at.node.id, "timeout");
      }
      if (at?.waiting.kind === "delay" && at.waiting.timerId === event.timerId) {
        return run.leave(at.ref, at.node.id, "next");
      }
      return IGNORE;
    case "resume":
      return IGNORE;
    default:
      return assertNever(event);
  }
}

/** Starts whichever flow the event triggers; the default reply only when `withDefault`. */
function startMatch(run: Run, event: EngineEvent, withDefault: boolean): Next {
  const match = matchTrigger(run.flows, event, { withDefault });
  if (!match) return IGNORE;
  const ref = run.flowRef(match.flowId) as FlowRef;
  return { kind: "go", ref, nodeId: match.nodeId };
}

/** The contact typed (or sent an attachment). */
function onText(run: Run, at: Resolved | undefined, text: string, event: EngineEvent): Next {
  if (!at) return startMatch(run, event, true);
  const { waiting, ref, node } = at;
  switch (waiting.kind) {
    case "input":
      if (node.type !== "input") return IGNORE;
      return answerInput(run, ref, node, waiting, text);
    case "tap":
      // Free text instead of a tap: the `else` path when drawn, else whatever the text triggers.
      if (run.hasEdge(ref.flow, node.id, "else")) return run.leave(ref, node.id, "else");
      return startMatch(run, event, true);
    case "delay":
      // A keyword may start something else meanwhile; anything else waits for the delay.
      return startMatch(run, event, false);
    case "http":
      if (waiting.deadline !== undefined && run.context.now > waiting.deadline) {
        run.session.waiting = undefined;
        return startMatch(run, event, true);
      }
      return IGNORE;
    case "handover":
      return IGNORE;
    default:
      return assertNever(waiting);
  }
}

/**
 * A tap on something Convo sent. On the message the session waits at, it follows the handle.
 * On an older message it still lands where it was drawn, in the flow's current version, or
 * gets the default reply when that step or handle is gone.
 */
function onTap(run: Run, at: Resolved | undefined, target: PayloadTarget, text: string): Next {
  const here =
    at && at.ref.flow.id === target.flowId && at.node.id === target.nodeId ? at : undefined;
  if (here?.waiting.kind === "input" && here.node.type === "input") {
    return answerInput(run, here.ref, here.node, here.waiting, text, target.handle);
  }
  const ref = run.flowRef(target.flowId);
  const node = ref ? indexFlow(ref.flow).nodes.get(target.nodeId) : undefined;
  const tappable = node !== undefined && isTapHandle(node, target.handle);
  if (!ref || !node || !tappable) {
    const fallback = defaultReply(run.flows);
    if (!fallback) return IGNORE;
    return { kind: "go", ref: run.flowRef(fallback.flowId) as FlowRef, nodeId: fallback.nodeId };
  }
  if (node.type === "input") {
    // A choice tapped on an old question: take it as the answer.
    const waiting = { kind: "input" as const, flowId: ref.flow.id, nodeId: node.id, attempts: 0 };
    return answerInput(run, ref, node, waiting, text, target.handle);
  }
  return run.leave(ref, node.id, target.handle);
}

function onHttpResult(
  run: Run,
  at: Resolved<Extract<Waiting, { kind: "http" }>>,
  event: Extract<EngineEvent, { type: "http_result" }>,
): Next {
  const { waiting, ref, node } = at;
  if (node.type !== "action") return IGNORE;
  const step = node.data.steps[waiting.stepIndex];
  if (step?.kind !== "http") return run.leave(ref, node.id, "error");
  const flowId = ref.flow.id;
  if (step.statusVariable !== undefined && typeof event.status === "number") {
    run.setVariable(flowId, step.statusVariable, String(event.status));
  }
  if (!event.ok) return run.leave(ref, node.id, "error");
  for (const mapping of step.responseMapping ?? []) {
    const value = valueToText(readPath(event.body, mapping.path));
    // A value missing from this answer must not leave the previous lookup's value behind.
    if (value === undefined) run.deleteVariable(flowId, mapping.variable);
    else run.setVariable(flowId, mapping.variable, value);
  }
  return runAction(run, ref, node, waiting.stepIndex + 1);
}

/** Whether `handle` is something a contact taps on this node (a button, quick reply or choice). */
function isTapHandle(node: FlowNode, handle: string): boolean {
  for (const output of nodeOutputs(node)) {
    if (output.id !== handle) continue;
    return output.kind === "button" || output.kind === "quick_reply" || output.kind === "choice";
  }
  return false;
}
