import type { NodeOfType } from "@convo/flow";
import { memo } from "react";
import { useEditorState } from "../../store/context";
import { NoteBody } from "./Body";
import { NoteResize } from "./NoteResize";

const DEFAULT_WIDTH = 220;

/**
 * A sticky note on the canvas; selected, it can be resized from its corner (NoteResize).
 * `stateClasses` are the card's selection, lint mark and version-compare classes.
 */
export const NoteCard = memo(function NoteCard({
  node,
  selected,
  stateClasses,
}: {
  node: NodeOfType<"note">;
  selected: boolean;
  stateClasses: string;
}) {
  const editable = useEditorState((s) => s.readOnly === null);
  return (
    <div
      className={`step note note-${node.data.color ?? "yellow"}${stateClasses}`}
      style={{ width: node.data.width ?? DEFAULT_WIDTH, minHeight: node.data.height }}
      data-testid={`node-${node.id}`}
    >
      <NoteBody node={node} />
      {selected && editable && <NoteResize nodeId={node.id} />}
    </div>
  );
});
