import { NODE_KINDS, type NodeOfType } from "@convo/flow";
import { NodeResizeControl } from "@xyflow/react";
import { memo } from "react";
import { useT } from "../../i18n";
import { useEditorState } from "../../store/context";
import { NoteBody } from "./Body";

const LIMITS = NODE_KINDS.note.limits;
const DEFAULT_WIDTH = 220;

/**
 * A sticky note on the canvas. Selected, it shows a grip in its bottom-right corner: dragging it
 * resizes the note, and the size is kept in the flow (the canvas's onNodesChange records it).
 */
export const NoteCard = memo(function NoteCard({
  node,
  selected,
}: {
  node: NodeOfType<"note">;
  selected: boolean;
}) {
  const t = useT();
  const editable = useEditorState((s) => s.readOnly === null);
  return (
    <div
      className={`step note note-${node.data.color ?? "yellow"}${selected ? " selected" : ""}`}
      style={{ width: node.data.width ?? DEFAULT_WIDTH, minHeight: node.data.height }}
      data-testid={`node-${node.id}`}
    >
      <NoteBody node={node} />
      {selected && editable && (
        <NodeResizeControl
          position="bottom-right"
          minWidth={LIMITS.width.min}
          minHeight={LIMITS.height.min}
          className="note-resize"
          autoScale={false}
        >
          <span
            className="note-resize-grip"
            role="img"
            aria-label={t("note.resize")}
            title={t("note.resize")}
            data-testid={`resize-${node.id}`}
          />
        </NodeResizeControl>
      )}
    </div>
  );
});
