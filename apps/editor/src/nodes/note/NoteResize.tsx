import { NODE_KINDS } from "@convo/flow";
import { NodeResizeControl } from "@xyflow/react";
import { useT } from "../../i18n";

const LIMITS = NODE_KINDS.note.limits;

/**
 * The grip in a selected note's bottom-right corner. Dragging it resizes the note; the canvas's
 * onNodesChange keeps the size in the flow. (React Flow's resizer is in the canvas's chunk whether
 * it is used or not: importing it here costs no bytes.)
 */
export function NoteResize({ nodeId }: { nodeId: string }) {
  const t = useT();
  return (
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
        data-testid={`resize-${nodeId}`}
      />
    </NodeResizeControl>
  );
}
