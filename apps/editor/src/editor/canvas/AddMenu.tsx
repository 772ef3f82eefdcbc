import { acceptsConnections, foldKeyword, type NodeType } from "@convo/flow";
import { type KeyboardEvent, useLayoutEffect, useRef, useState } from "react";
import { useT } from "../../i18n";
import { EDITOR_NODES, PALETTE } from "../../nodes";

interface Props {
  at: { x: number; y: number };
  /** Triggers and notes cannot be the end of a connection, so they are left out then. */
  connecting: boolean;
  onPick: (type: NodeType) => void;
  onClose: () => void;
}

/** Space kept between the menu and the window's edges. */
const EDGE = 8;

/**
 * The menu of step types opened by a double-click or a connection dropped on empty canvas. Typing
 * filters it (case and accents ignored), Enter picks the first match, the arrows move. It opens
 * where it was asked for and is moved back inside the window when it would overflow it.
 */
export function AddMenu({ at, connecting, onPick, onClose }: Props) {
  const t = useT();
  const menu = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [place, setPlace] = useState(at);
  useLayoutEffect(() => {
    search.current?.focus();
    const box = menu.current?.getBoundingClientRect();
    if (!box) return;
    setPlace({
      x: Math.max(EDGE, Math.min(at.x, window.innerWidth - box.width - EDGE)),
      y: Math.max(EDGE, Math.min(at.y, window.innerHeight - box.height - EDGE)),
    });
  }, [at]);
  const wanted = foldKeyword(query);
  const types = PALETTE.filter((type) => !connecting || acceptsConnections(type)).filter(
    (type) => wanted === "" || foldKeyword(t(EDITOR_NODES[type].label)).includes(wanted),
  );

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === "Escape") onClose();
    // Typing on a focused item goes on with the search (the key lands in the field it focuses).
    if (
      e.key.length === 1 &&
      e.key !== " " &&
      !e.ctrlKey &&
      !e.metaKey &&
      e.target !== search.current
    )
      search.current?.focus();
    if (e.key === "Enter" && e.target === search.current) {
      e.preventDefault();
      const first = types[0];
      if (first) onPick(first);
    }
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const items = Array.from(
        e.currentTarget.querySelectorAll<HTMLElement>("input, [role=menuitem]"),
      );
      const i = items.indexOf(document.activeElement as HTMLElement);
      items[(i + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length]?.focus();
    }
  }

  return (
    <div
      ref={menu}
      className="add-menu card"
      role="menu"
      aria-label={t("canvas.addStep")}
      style={{ left: place.x, top: place.y }}
      onKeyDown={onKeyDown}
    >
      <p className="menu-title">{t("canvas.addStep")}</p>
      <input
        ref={search}
        type="search"
        className="add-menu-search"
        aria-label={t("canvas.searchSteps")}
        placeholder={t("canvas.searchSteps")}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {types.map((type, i) => (
        <button
          key={type}
          type="button"
          role="menuitem"
          className={i === 0 && wanted !== "" ? "first-match" : undefined}
          onClick={() => onPick(type)}
        >
          <span aria-hidden="true">{EDITOR_NODES[type].icon}</span> {t(EDITOR_NODES[type].label)}
        </button>
      ))}
      {types.length === 0 && <p className="muted add-menu-empty">{t("canvas.noStepMatches")}</p>}
    </div>
  );
}
