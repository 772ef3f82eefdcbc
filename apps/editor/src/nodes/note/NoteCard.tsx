import type { NodeOfType } from "@convo/flow";
import { memo } from "react";
import { useEditorState } from "../../store/context";
import { NoteBody } from "./Body";
import { NoteResize } from "./NoteResize";

const DEFAULT_WIDTH = 220;

/** A sticky note on the canvas; selected, it can be resized from its corner (NoteResize). */
export const NoteCard = memo(function NoteCard({
  node,
  selected,
}: {
  node: NodeOfType<"note">;
  selected: boolean;
}) {
  const editable = useEditorState((s) => s.readOnly === null);
  return (
    <div
      className={`step note note-${node.data.color ?? "yellow"}${selected ? " selected" : ""}`}
      style={{ width: node.data.width ?? DEFAULT_WIDTH, minHeight: node.data.height }}
      data-testid={`node-${node.id}`}
    >
      <NoteBody node={node} />
      {selected && editable && <NoteResize nodeId={node.id} />}
    </div>
  );
});
