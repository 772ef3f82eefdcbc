import {
  ANSWERED,
  cutText,
  DEFAULT_AI_TIMEOUT_MS,
  DEFAULT_MIN_SCORE,
  type EngineEvent,
  knowledgePassages,
  type NodeData,
  type NodeOfType,
  PASSAGES_SENT,
  UNSURE,
} from "@convo/flow";
import { type Bm25Index, bm25Index } from "../ai/bm25";
import { ENGINE_LIMITS, fitText } from "../limits";
import type { Next, Run } from "../run";
import type { AiRequest, FlowRef } from "../types";
import { aiQuestion, resumeAi, sendAi, textLimit } from "./ai-request";
import type { EngineNodeKind } from "./kind";

/** An answer longer than one message goes in at most this many. */
const MAX_MESSAGES = 3;

const indexes = new WeakMap<NodeData<"ai_answer">, Bm25Index>();

/** The step's passages and their index, built once per flow version (flows are immutable). */
function indexOf(data: NodeData<"ai_answer">): Bm25Index {
  let index = indexes.get(data);
  if (!index) {
    index = bm25Index(knowledgePassages(data));
    indexes.set(data, index);
  }
  return index;
}

/**
 * The passages of the knowledge base worth sending for `question`, best first: at most three,
 * each scoring at least the step's minimum. None: the model is not asked.
 */
export function passagesFor(data: NodeData<"ai_answer">, question: string): string[] {
  const passages = knowledgePassages(data);
  const min = data.minScore ?? DEFAULT_MIN_SCORE;
  return indexOf(data)
    .rank(question)
    .filter((r) => r.score >= min)
    .slice(0, PASSAGES_SENT)
    .map((r) => passages[r.index] as string);
}

/**
 * What the step asks the model for `question`: its best passages, its tone, the contact's
 * locale. Undefined when nothing in the knowledge base is relevant (the step goes Unsure without
 * asking). The editor's "test a question" box asks with the same request as a conversation.
 */
export function answerRequestFor(
  data: NodeData<"ai_answer">,
  question: string,
  context: { locale?: string; maxChars?: number } = {},
): Extract<AiRequest, { task: "answer" }> | undefined {
  const passages = question === "" ? [] : passagesFor(data, question);
  if (passages.length === 0) return undefined;
  return {
    task: "answer",
    question,
    passages,
    ...(data.tone?.trim() ? { tone: data.tone.trim() } : {}),
    ...(context.locale ? { locale: context.locale } : {}),
    maxChars: context.maxChars ?? ENGINE_LIMITS.outgoingText,
    timeoutMs: data.timeoutMs ?? DEFAULT_AI_TIMEOUT_MS,
  };
}

function visitAiAnswer(run: Run, ref: FlowRef, node: NodeOfType<"ai_answer">): Next {
  const question = aiQuestion(run, ref.flow, node.data.question);
  const locale = run.fields.locale;
  const request = answerRequestFor(node.data, question, {
    ...(locale ? { locale } : {}),
    maxChars: textLimit(run),
  });
  // Nothing relevant in the knowledge base: the model is not asked to make something up.
  if (!request) return run.leave(ref, node.id, UNSURE);
  return sendAi(run, { flowId: ref.flow.id, nodeId: node.id }, request);
}

/** The model's answer: sent within the channel's limits (or stored), or the unsure/error path. */
function onAiAnswer(
  run: Run,
  ref: FlowRef,
  node: NodeOfType<"ai_answer">,
  event: Extract<EngineEvent, { type: "ai_result" }>,
): Next {
  if (!event.ok) return run.leave(ref, node.id, "error");
  const answer = typeof event.answer === "string" ? event.answer.trim() : "";
  if (event.unsure === true || answer === "") return run.leave(ref, node.id, UNSURE);
  if (node.data.variable !== undefined) {
    run.setVariable(ref.flow.id, node.data.variable, answer);
  } else {
    const limit = textLimit(run);
    const pieces = cutText(answer, limit);
    const kept = pieces.slice(0, MAX_MESSAGES);
    if (pieces.length > MAX_MESSAGES) {
      const last = kept.length - 1;
      kept[last] = fitText(`${kept[last]} ${pieces.slice(MAX_MESSAGES).join(" ")}`, limit);
    }
    for (const text of kept) {
      run.emit({
        type: "send",
        message: { kind: "text", text },
        nodeId: node.id,
        flowId: ref.flow.id,
      });
    }
  }
  return run.leave(ref, node.id, ANSWERED);
}

export const aiAnswerNode: EngineNodeKind<"ai_answer"> = {
  visit: visitAiAnswer,
  waits: "ai",
  resume: (run, { ref, node, waiting }, arrival) =>
    resumeAi(run, waiting, arrival, (event) => onAiAnswer(run, ref, node, event)),
};
