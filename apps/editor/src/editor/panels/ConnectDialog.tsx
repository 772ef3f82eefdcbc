import { acceptsConnections, type FlowNode, nodeOutputs } from "@convo/flow";
import { useId, useMemo, useState } from "react";
import { Dialog } from "../../common/Dialog";
import { type Translate, useT } from "../../i18n";
import { EDITOR_NODES } from "../../nodes";
import { useEditor } from "../../store/context";
import { outputLabel } from "../canvas/output-label";

/** A step as a person reads it in a list: its kind, and its label or id. */
export function stepName(t: Translate, node: FlowNode): string {
  const label = "label" in node.data ? node.data.label : undefined;
  return t("common.labelled", { label: t(EDITOR_NODES[node.type].label), value: label || node.id });
}

/**
 * Connects the selected step to another without a mouse (the shortcut C): one of its outputs,
 * then the step it leads to. An output already connected says where it goes; connecting it again
 * moves that connection, as dropping a new one on the canvas does.
 */
export function ConnectDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const editor = useEditor();
  const ids = useId();
  // Read once: the dialog is modal, nothing else changes the flow while it is open.
  const { source, outputs, targets, edges } = useMemo(() => {
    const { flow, selectedNodes, byId } = editor.store.getState();
    const source = byId.get([...selectedNodes][0] ?? "");
    return {
      source,
      outputs: source ? nodeOutputs(source) : [],
      targets: flow.nodes.filter((n) => n.id !== source?.id && acceptsConnections(n.type)),
      edges: flow.edges.filter((e) => e.source === source?.id),
    };
  }, [editor]);
  const targetOf = (output: string) =>
    edges.find((e) => (e.sourceHandle ?? "next") === output)?.target;
  const [output, setOutput] = useState(
    () => (outputs.find((o) => !targetOf(o.id)) ?? outputs[0])?.id ?? "",
  );
  const [target, setTarget] = useState(() => targetOf(output) ?? targets[0]?.id ?? "");
  if (!source) return null;
  const nameOf = (id: string) => {
    const node = targets.find((n) => n.id === id);
    return node ? stepName(t, node) : id;
  };
  const kindCounts = new Map<string, number>();
  return (
    <Dialog title={t("connect.title", { step: stepName(t, source) })} onClose={onClose}>
      {targets.length === 0 ? (
        <p className="muted">{t("connect.none")}</p>
      ) : (
        <form
          className="connect-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (output && target) editor.connect(source.id, output, target);
            onClose();
          }}
        >
          <div className="field">
            <label htmlFor={`${ids}-output`}>{t("connect.output")}</label>
            <select
              id={`${ids}-output`}
              value={output}
              onChange={(e) => {
                setOutput(e.target.value);
                setTarget(targetOf(e.target.value) ?? target);
              }}
            >
              {outputs.map((o) => {
                const index = kindCounts.get(o.kind) ?? 0;
                kindCounts.set(o.kind, index + 1);
                const label = outputLabel(t, o, index, source.type);
                const now = targetOf(o.id);
                return (
                  <option key={o.id} value={o.id}>
                    {now ? t("connect.now", { output: label, step: nameOf(now) }) : label}
                  </option>
                );
              })}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-target`}>{t("connect.target")}</label>
            <select id={`${ids}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
              {targets.map((n) => (
                <option key={n.id} value={n.id}>
                  {stepName(t, n)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="primary">
            {t("connect.submit")}
          </button>
        </form>
      )}
      <button type="button" onClick={onClose}>
        {t("common.close")}
      </button>
    </Dialog>
  );
}
