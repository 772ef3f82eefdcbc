import type fc from "fast-check";
import type { FlowNode, NodeType } from "../node-types";
import { actionArbitrary } from "../nodes/action/arbitrary";
import { aiAnswerArbitrary } from "../nodes/ai-answer/arbitrary";
import { conditionArbitrary } from "../nodes/condition/arbitrary";
import { delayArbitrary } from "../nodes/delay/arbitrary";
import { gotoArbitrary } from "../nodes/goto/arbitrary";
import { handoverArbitrary } from "../nodes/handover/arbitrary";
import { inputArbitrary } from "../nodes/input/arbitrary";
import { intentArbitrary } from "../nodes/intent/arbitrary";
import { messageArbitrary } from "../nodes/message/arbitrary";
import { noteArbitrary } from "../nodes/note/arbitrary";
import { notifyArbitrary } from "../nodes/notify/arbitrary";
import { randomizerArbitrary } from "../nodes/randomizer/arbitrary";
import { triggerArbitrary } from "../nodes/trigger/arbitrary";
import type { NodeArbitrary, Vocabulary } from "./vocabulary";

/** The type of `NODE_ARBITRARIES`: a node type without its generator does not compile. */
export type NodeArbitraries = { readonly [T in NodeType]: NodeArbitrary<T> };

/**
 * How each node type's data is generated: the test half of `NODE_KINDS`, kept apart so that
 * fast-check never reaches a production bundle. Each entry lives in its type's folder.
 */
export const NODE_ARBITRARIES = {
  trigger: triggerArbitrary,
  message: messageArbitrary,
  input: inputArbitrary,
  ai_answer: aiAnswerArbitrary,
  condition: conditionArbitrary,
  intent: intentArbitrary,
  action: actionArbitrary,
  delay: delayArbitrary,
  randomizer: randomizerArbitrary,
  handover: handoverArbitrary,
  notify: notifyArbitrary,
  goto: gotoArbitrary,
  note: noteArbitrary,
} as const satisfies NodeArbitraries;

/** Data for a node of `type`, in these words (with `undefined` keys: see `withoutUndefined`). */
export function arbitraryNodeData(
  type: NodeType,
  words: Vocabulary,
): fc.Arbitrary<FlowNode["data"]> {
  return (NODE_ARBITRARIES as NodeArbitraries)[type](words);
}

/** Drops `undefined` keys at any depth, as a flow read from JSON has none. */
export function withoutUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
