import type { NodeOfType } from "@convo/flow";
import { useT } from "../../i18n";

export function NoteBody({ node }: { node: NodeOfType<"note"> }) {
  const t = useT();
  return (
    <p className="note-text">
      {node.data.text || <span className="muted">{t("note.empty")}</span>}
    </p>
  );
}
