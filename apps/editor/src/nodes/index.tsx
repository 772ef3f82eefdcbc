import type { FlowNode, NodeType } from "@convo/flow";
import { Suspense } from "react";
import { useT } from "../i18n";
import { actionEditor } from "./action";
import { aiAnswerEditor } from "./ai-answer";
import { conditionEditor } from "./condition";
import { delayEditor } from "./delay";
import { gotoEditor } from "./goto";
import { handoverEditor } from "./handover";
import { inputEditor } from "./input";
import { intentEditor } from "./intent";
import type { EditorNodeKind } from "./kind";
import { messageEditor } from "./message";
import { noteEditor } from "./note";
import { notifyEditor } from "./notify";
import { randomizerEditor } from "./randomizer";
import { triggerEditor } from "./trigger";

/** The type of `EDITOR_NODES`: a node type the editor cannot show does not compile. */
export type EditorNodeKinds = { readonly [T in NodeType]: EditorNodeKind<T> };

/**
 * How the editor shows each node type, in the order marketers reach for them: the palette and
 * the add menu list them so, the canvas draws each step's `Body`, the inspector its `Form`.
 */
export const EDITOR_NODES: EditorNodeKinds = {
  message: messageEditor,
  input: inputEditor,
  ai_answer: aiAnswerEditor,
  condition: conditionEditor,
  intent: intentEditor,
  action: actionEditor,
  delay: delayEditor,
  randomizer: randomizerEditor,
  handover: handoverEditor,
  notify: notifyEditor,
  goto: gotoEditor,
  trigger: triggerEditor,
  note: noteEditor,
};

/** The node types in palette order. */
export const PALETTE = Object.keys(EDITOR_NODES) as NodeType[];

/** The editor kind of a node, typed for the union of nodes (the one cast, so callers need none). */
function kindOfNode(node: FlowNode): EditorNodeKind<FlowNode["type"]> {
  return EDITOR_NODES[node.type] as EditorNodeKind<FlowNode["type"]>;
}

/** The step's canvas body. */
export function NodeBody({ node }: { node: FlowNode }) {
  const { Body } = kindOfNode(node);
  return <Body node={node} />;
}

/** The step's inspector form. */
export function NodeForm({ node }: { node: FlowNode }) {
  const { Form } = kindOfNode(node);
  const t = useT();
  // Each kind's form is loaded the first time a step of that kind is opened.
  return (
    <Suspense fallback={<p className="loading">{t("common.loading")}</p>}>
      <Form node={node} />
    </Suspense>
  );
}
