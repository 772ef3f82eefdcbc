import { assertNever, type FlowNode } from "@convo/flow";
import { useMemo } from "react";
import { useEditor, useEditorState } from "../editor/context";
import { useT } from "../i18n";
import { ActionForm } from "../nodes/action/Form";
import { ConditionForm } from "../nodes/condition/Form";
import { DelayForm } from "../nodes/delay/Form";
import { GotoForm } from "../nodes/goto/Form";
import { HandoverForm } from "../nodes/handover/Form";
import { InputForm } from "../nodes/input/Form";
import { MessageForm } from "../nodes/message/Form";
import { NoteForm } from "../nodes/note/Form";
import { RandomizerForm } from "../nodes/randomizer/Form";
import { TriggerForm } from "../nodes/trigger/Form";
import { TextField, useNodeSetter } from "./fields";

function Form({ node }: { node: FlowNode }) {
  switch (node.type) {
    case "trigger":
      return <TriggerForm node={node} />;
    case "message":
      return <MessageForm node={node} />;
    case "input":
      return <InputForm node={node} />;
    case "condition":
      return <ConditionForm node={node} />;
    case "action":
      return <ActionForm node={node} />;
    case "delay":
      return <DelayForm node={node} />;
    case "randomizer":
      return <RandomizerForm node={node} />;
    case "handover":
      return <HandoverForm node={node} />;
    case "goto":
      return <GotoForm node={node} />;
    case "note":
      return <NoteForm node={node} />;
    default:
      return assertNever(node);
  }
}

/** The form of the one selected step. It re-renders when that step changes, not when others do. */
export default function Inspector() {
  const t = useT();
  const editor = useEditor();
  const count = useEditorState((s) => s.selectedNodes.size);
  // The selected step's data, not the node: dragging it changes its position only, and the
  // forms should not re-render on every frame of a drag.
  const id = useEditorState((s) =>
    s.selectedNodes.size === 1 ? [...s.selectedNodes][0] : undefined,
  );
  const type = useEditorState((s) => (id === undefined ? undefined : s.byId.get(id)?.type));
  const data = useEditorState((s) => (id === undefined ? undefined : s.byId.get(id)?.data));
  const node = useMemo(
    () =>
      id !== undefined && type !== undefined && data !== undefined
        ? ({ id, type, data, position: { x: 0, y: 0 } } as FlowNode)
        : undefined,
    [id, type, data],
  );
  const readOnly = useEditorState((s) => s.readOnly !== null);
  if (!node) {
    return (
      <p className="empty">{count > 1 ? t("inspector.many", { count }) : t("inspector.none")}</p>
    );
  }
  return (
    <form
      className="inspector"
      aria-label={t("inspector.title", { id: node.id })}
      onSubmit={(e) => e.preventDefault()}
    >
      <fieldset disabled={readOnly}>
        <div className="inspector-head">
          <h2>{t(`type.${node.type}`)}</h2>
          <code className="small">{node.id}</code>
        </div>
        {node.type !== "note" && <LabelField node={node} />}
        <Form node={node} />
        <button
          type="button"
          className="danger"
          onClick={() => editor.removeElements(new Set([node.id]), new Set())}
        >
          {t("inspector.delete")}
        </button>
      </fieldset>
    </form>
  );
}

function LabelField({ node }: { node: Exclude<FlowNode, { type: "note" }> }) {
  const t = useT();
  const f = useNodeSetter(node.id);
  return (
    <TextField
      label={t("field.label")}
      value={node.data.label ?? ""}
      onChange={(v) => f.set(["data", "label"], v === "" ? undefined : v)}
      onBlur={f.endGroup}
    />
  );
}
