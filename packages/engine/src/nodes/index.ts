import type { NodeType } from "@convo/flow";
import type { Waiting } from "../types";
import { actionNode } from "./action";
import { conditionNode } from "./condition";
import { delayNode } from "./delay";
import { gotoNode } from "./goto";
import { handoverNode } from "./handover";
import { inputNode } from "./input";
import type { EngineNodeKind } from "./kind";
import { messageNode } from "./message";
import { noteNode } from "./note";
import { randomizerNode } from "./randomizer";
import { triggerNode } from "./trigger";

/** The type of `ENGINE_NODES`: a node type the engine cannot run does not compile. */
export type EngineNodeKinds = { readonly [T in NodeType]: EngineNodeKind<T> };

/** How the engine runs each node type: `step` dispatches through it and nothing else. */
export const ENGINE_NODES: EngineNodeKinds = {
  trigger: triggerNode,
  message: messageNode,
  input: inputNode,
  condition: conditionNode,
  action: actionNode,
  delay: delayNode,
  randomizer: randomizerNode,
  handover: handoverNode,
  goto: gotoNode,
  note: noteNode,
};

/** The node type each kind of wait belongs to, from the kinds' `waits`. */
export const NODE_TYPE_OF_WAIT: ReadonlyMap<Waiting["kind"], NodeType> = new Map(
  (Object.entries(ENGINE_NODES) as [NodeType, EngineNodeKind<NodeType>][]).flatMap(
    ([type, kind]) => (kind.waits ? [[kind.waits, type] as const] : []),
  ),
);

/** The engine kind of a node's type, typed for that type. */
export function engineNode<T extends NodeType>(type: T): EngineNodeKind<T> {
  return ENGINE_NODES[type];
}
