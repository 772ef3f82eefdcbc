import type { NodeType } from "@convo/flow";
import type { Waiting } from "../types";
import { actionNode } from "./action";
import { aiAnswerNode } from "./ai-answer";
import { conditionNode } from "./condition";
import { delayNode } from "./delay";
import { gotoNode } from "./goto";
import { handoverNode } from "./handover";
import { inputNode } from "./input";
import { intentNode } from "./intent";
import type { EngineNodeKind } from "./kind";
import { messageNode } from "./message";
import { noteNode } from "./note";
import { notifyNode } from "./notify";
import { randomizerNode } from "./randomizer";
import { triggerNode } from "./trigger";

/** The type of `ENGINE_NODES`: a node type the engine cannot run does not compile. */
export type EngineNodeKinds = { readonly [T in NodeType]: EngineNodeKind<T> };

/** How the engine runs each node type: `step` dispatches through it and nothing else. */
export const ENGINE_NODES: EngineNodeKinds = {
  trigger: triggerNode,
  message: messageNode,
  input: inputNode,
  ai_answer: aiAnswerNode,
  condition: conditionNode,
  intent: intentNode,
  action: actionNode,
  delay: delayNode,
  randomizer: randomizerNode,
  handover: handoverNode,
  notify: notifyNode,
  goto: gotoNode,
  note: noteNode,
};

/** The node types each kind of wait belongs to (an HTTP answer: action, notify), from `waits`. */
export const NODE_TYPES_OF_WAIT: ReadonlyMap<Waiting["kind"], ReadonlySet<NodeType>> = (() => {
  const map = new Map<Waiting["kind"], Set<NodeType>>();
  for (const [type, kind] of Object.entries(ENGINE_NODES) as [
    NodeType,
    EngineNodeKind<NodeType>,
  ][]) {
    if (!kind.waits) continue;
    const types = map.get(kind.waits) ?? new Set();
    types.add(type);
    map.set(kind.waits, types);
  }
  return map;
})();

/** The engine kind of a node's type, typed for that type. */
export function engineNode<T extends NodeType>(type: T): EngineNodeKind<T> {
  return ENGINE_NODES[type];
}
