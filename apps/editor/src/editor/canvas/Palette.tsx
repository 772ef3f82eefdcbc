import type { NodeType } from "@convo/flow";
import { useT } from "../../i18n";
import { EDITOR_NODES, PALETTE } from "../../nodes";

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
      {PALETTE.map((type) => (
        <button
          key={type}
          type="button"
          className="palette-item"
          draggable={!disabled}
          disabled={disabled}
          data-testid={`palette-${type}`}
          title={t("canvas.paletteHint")}
          onDragStart={(e) => {
            e.dataTransfer.setData(DRAG_TYPE, type);
            e.dataTransfer.effectAllowed = "copy";
          }}
          onClick={() => onAdd(type)}
        >
          <span aria-hidden="true">{EDITOR_NODES[type].icon}</span>
          <span>{t(EDITOR_NODES[type].label)}</span>
        </button>
      ))}
    </nav>
  );
}
