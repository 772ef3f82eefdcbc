import { type FlowNode, isAnnotation } from "@convo/flow";
import { useMemo } from "react";
import { TextField, useNodeSetter } from "../form/fields";
import { useT } from "../i18n";
import { EDITOR_NODES, NodeForm } from "../nodes";
import { useEditor, useEditorState } from "../store/context";
import { TranslationsSection } from "./Translations";

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
          <h2>{t(EDITOR_NODES[node.type].label)}</h2>
          <code className="small">{node.id}</code>
        </div>
        {!isAnnotation(node.type) && (
          <LabelField nodeId={node.id} value={"label" in node.data ? node.data.label : undefined} />
        )}
        <NodeForm node={node} />
        {!isAnnotation(node.type) && <TranslationsSection node={node} />}
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

function LabelField({ nodeId, value }: { nodeId: string; value: string | undefined }) {
  const t = useT();
  const f = useNodeSetter(nodeId);
  return (
    <TextField
      label={t("field.label")}
      value={value ?? ""}
      onChange={(v) => f.set(["data", "label"], v === "" ? undefined : v)}
      onBlur={f.endGroup}
    />
  );
}
