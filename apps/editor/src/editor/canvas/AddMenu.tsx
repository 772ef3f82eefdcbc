import { acceptsConnections, type NodeType } from "@convo/flow";
import { useEffect, useRef } from "react";
import { useT } from "../../i18n";
import { EDITOR_NODES, PALETTE } from "../../nodes";

interface Props {
  at: { x: number; y: number };
  /** Triggers and notes cannot be the end of a connection, so they are left out then. */
  connecting: boolean;
  onPick: (type: NodeType) => void;
  onClose: () => void;
}

/** The menu of step types opened by a double-click or a connection dropped on empty canvas. */
export function AddMenu({ at, connecting, onPick, onClose }: Props) {
  const t = useT();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const types = PALETTE.filter((type) => !connecting || acceptsConnections(type));
  return (
    <div
      className="add-menu card"
      role="menu"
      aria-label={t("canvas.addStep")}
      style={{ left: at.x, top: at.y }}
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
        if (e.key === "ArrowDown" || e.key === "ArrowUp") {
          e.preventDefault();
          const items = Array.from(e.currentTarget.querySelectorAll<HTMLButtonElement>("button"));
          const i = items.indexOf(document.activeElement as HTMLButtonElement);
          items[(i + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length]?.focus();
        }
      }}
    >
      <p className="menu-title">{t("canvas.addStep")}</p>
      {types.map((type, i) => (
        <button
          key={type}
          ref={i === 0 ? first : undefined}
          type="button"
          role="menuitem"
          onClick={() => onPick(type)}
        >
          <span aria-hidden="true">{EDITOR_NODES[type].icon}</span> {t(EDITOR_NODES[type].label)}
        </button>
      ))}
    </div>
  );
}
