import type { NodeType } from "@convo/flow";
import { useT } from "../../i18n";
import { NODE_KINDS } from "../../nodes/registry";

export const DRAG_TYPE = "application/x-convo-node";

/** Step types to drag onto the canvas, or to add at the centre with Enter. */
export function Palette({
  onAdd,
  disabled,
}: {
  onAdd: (type: NodeType) => void;
  disabled: boolean;
}) {
  const t = useT();
  return (
    <nav className="palette" aria-label={t("canvas.palette")}>
      {NODE_KINDS.map((kind) => (
        <button
          key={kind.type}
          type="button"
          className="palette-item"
          draggable={!disabled}
          disabled={disabled}
          data-testid={`palette-${kind.type}`}
          title={t("canvas.paletteHint")}
          onDragStart={(e) => {
            e.dataTransfer.setData(DRAG_TYPE, kind.type);
            e.dataTransfer.effectAllowed = "copy";
          }}
          onClick={() => onAdd(kind.type)}
        >
          <span aria-hidden="true">{kind.icon}</span>
          <span>{t(`type.${kind.type}`)}</span>
        </button>
      ))}
    </nav>
  );
}
