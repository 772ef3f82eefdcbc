import { encodePayload, type NodeOfType, type Validation } from "@convo/flow";
import { capText, ENGINE_LIMITS, fitText } from "../limits";
import type { Next, Run } from "../run";
import type { FlowRef, OutMessage, OutQuickReply, Waiting } from "../types";
import type { EngineNodeKind } from "./kind";
import { dateExample, validateAnswer } from "./validate";

type InputNode = NodeOfType<"input">;
type InputWaiting = Extract<Waiting, { kind: "input" }>;

const DEFAULT_RETRY_LIMIT = 2;

const DEFAULT_RETRY: Record<Validation["kind"], string> = {
  text: "Sorry, I didn't get that. Could you answer again?",
  number: "Please answer with a number.",
  email: "That doesn't look like an email address. Could you check it?",
  phone: "That doesn't look like a phone number. Could you check it?",
  // {example}: the date in the contact's locale order (12/31/2025 for en_US).
  date: "Please give a date like 2025-12-31 or {example}.",
  choice: "Please pick one of the options.",
};

/** Asks the question (with choices or the contact's email/phone as quick replies) and waits. */
function askInput(run: Run, ref: FlowRef, node: InputNode): Next {
  sendPrompt(run, ref, node, node.data.question);
  const waiting: InputWaiting = {
    kind: "input",
    flowId: ref.flow.id,
    nodeId: node.id,
    attempts: 0,
  };
  if (node.data.timeoutSeconds !== undefined) {
    waiting.timerId = run.nextId("t");
    run.emit({
      type: "wait_until",
      timerId: waiting.timerId,
      at: run.context.now + node.data.timeoutSeconds * 1000,
    });
  }
  return run.wait(waiting);
}

/**
 * The contact answered: store a valid answer and go on (a choice through its own handle when
 * connected); re-ask up to the retry limit; then take `invalid`.
 */
function answerInput(
  run: Run,
  ref: FlowRef,
  node: InputNode,
  waiting: InputWaiting,
  answer: string,
  tappedChoice?: string,
): Next {
  const { validation } = node.data;
  const { locale } = run.context.contact.fields;
  const choice =
    tappedChoice !== undefined && validation.kind === "choice"
      ? validation.choices.find((c) => c.id === tappedChoice)
      : undefined;
  const result = choice
    ? { ok: true as const, value: choice.value ?? choice.title, choiceId: choice.id }
    : validateAnswer(validation, capText(answer, ENGINE_LIMITS.incomingText), locale);
  if (result.ok) {
    run.setVariable(ref.flow.id, node.data.variable, result.value);
    if (result.choiceId !== undefined && run.hasEdge(ref.flow, node.id, result.choiceId)) {
      return run.leave(ref, node.id, result.choiceId);
    }
    return run.leave(ref, node.id, "next");
  }
  const attempts = waiting.attempts + 1;
  if (attempts > (node.data.retryLimit ?? DEFAULT_RETRY_LIMIT)) {
    return run.leave(ref, node.id, "invalid");
  }
  const retry = DEFAULT_RETRY[validation.kind].replace("{example}", dateExample(locale));
  sendPrompt(run, ref, node, node.data.retryText ?? retry);
  return run.wait({ ...waiting, attempts });
}

function sendPrompt(run: Run, ref: FlowRef, node: InputNode, text: string): void {
  const { flow } = ref;
  const message: OutMessage = {
    kind: "text",
    text: capText(run.render(flow, text), ENGINE_LIMITS.outgoingText),
  };
  const replies: OutQuickReply[] = [];
  const { validation } = node.data;
  if (validation.kind === "choice") {
    for (const choice of validation.choices) {
      replies.push({
        kind: "text",
        title: fitText(run.render(flow, choice.title), run.context.limits?.quickReplyTitle),
        payload: encodePayload({
          flowId: flow.id,
          version: ref.version,
          nodeId: node.id,
          handle: choice.id,
        }),
      });
    }
  } else if (node.data.offerContactQuickReply) {
    if (validation.kind === "email") replies.push({ kind: "email" });
    if (validation.kind === "phone") replies.push({ kind: "phone" });
  }
  if (replies.length > 0) message.quickReplies = replies;
  run.emit({ type: "send", message, nodeId: node.id, flowId: flow.id });
}

export const inputNode: EngineNodeKind<"input"> = {
  visit: askInput,
  waits: "input",
  resume(run, { ref, node, waiting }, arrival) {
    const asked = waiting?.kind === "input" ? waiting : undefined;
    switch (arrival.kind) {
      case "text":
        return asked && answerInput(run, ref, node, asked, arrival.text);
      case "tap": {
        const { target } = arrival;
        if (target.flowId !== ref.flow.id || target.nodeId !== node.id) return undefined;
        // A choice tapped on an older question counts as the answer to it.
        const answering = asked ?? {
          kind: "input",
          flowId: ref.flow.id,
          nodeId: node.id,
          attempts: 0,
        };
        return answerInput(run, ref, node, answering, arrival.text, target.handle);
      }
      case "timer":
        return asked && asked.timerId === arrival.timerId
          ? run.leave(ref, node.id, "timeout")
          : undefined;
      default:
        return undefined;
    }
  },
};
