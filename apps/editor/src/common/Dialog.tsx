import { type ReactNode, useEffect, useRef } from "react";

const FOCUSABLE =
  "input:not(:disabled), select:not(:disabled), textarea:not(:disabled), button:not(:disabled), a[href]";

/** A modal box: focus moves into it, Escape or the backdrop closes it, focus returns after. */
export function Dialog({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    box.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    return () => previous?.focus();
  }, []);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the backdrop click is a mouse shortcut; Escape closes too
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape is handled on the dialog
    <div className="backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={box}
        className="dialog card"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.stopPropagation();
            onClose();
          } else if (e.key === "Tab" && box.current) {
            // Modal: Tab turns around inside the box instead of reaching the page behind it.
            const inside = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
            const edge = e.shiftKey ? inside[0] : inside.at(-1);
            const other = e.shiftKey ? inside.at(-1) : inside[0];
            if (other && document.activeElement === edge) {
              e.preventDefault();
              other.focus();
            }
          }
        }}
      >
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}
