import { NODE_KINDS } from "@convo/flow";
import { NodeResizeControl } from "@xyflow/react";
import { useT } from "../../i18n";

const LIMITS = NODE_KINDS.note.limits;

/**
 * The grip in a selected note's bottom-right corner. Dragging it resizes the note; the canvas's
 * onNodesChange keeps the size in the flow. Loaded when a note is first selected, so React Flow's
 * resizer stays out of the JS that opens a flow.
 */
export default function NoteResize({ nodeId }: { nodeId: string }) {
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
