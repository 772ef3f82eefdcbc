import type { FieldLimits, NodeKind } from "../kind";
import type { NodeType } from "../node-types";
import { actionKind } from "./action";
import { aiAnswerKind } from "./ai-answer";
import { conditionKind } from "./condition";
import { delayKind } from "./delay";
import { gotoKind } from "./goto";
import { handoverKind } from "./handover";
import { inputKind } from "./input";
import { intentKind } from "./intent";
import { messageKind } from "./message";
import { noteKind } from "./note";
import { notifyKind } from "./notify";
import { randomizerKind } from "./randomizer";
import { triggerKind } from "./trigger";

/** One node kind per node type: the type of `NODE_KINDS`, so a type left out does not compile. */
export type NodeKinds = { readonly [T in NodeType]: NodeKind<T, FieldLimits> };

/**
 * Every node type of version 1 and what `@convo/flow` knows about it, in palette order (also the
 * order of the flow schema's union, so of `flow.schema.json`). The flow schema, `nodeOutputs`,
 * `nodeTexts`, lint and the test generators all read it; nothing else switches on a node's type.
 */
export const NODE_KINDS = {
  trigger: triggerKind,
  message: messageKind,
  input: inputKind,
  ai_answer: aiAnswerKind,
  condition: conditionKind,
  intent: intentKind,
  action: actionKind,
  delay: delayKind,
  randomizer: randomizerKind,
  handover: handoverKind,
  notify: notifyKind,
  goto: gotoKind,
  note: noteKind,
} as const satisfies NodeKinds;

/** Every node type, in palette order. */
export const NODE_TYPES = Object.keys(NODE_KINDS) as NodeType[];

/** The kind of a node's type, typed for that type. */
export function kindOf<T extends NodeType>(type: T): NodeKind<T, FieldLimits> {
  return (NODE_KINDS as NodeKinds)[type];
}
