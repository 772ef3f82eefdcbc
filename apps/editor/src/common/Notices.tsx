import { useEffect } from "react";
import { useT } from "../i18n";
import { dismissNotice, useNotices } from "./notices";

/**
 * The notices, at the bottom of the screen's main area (over the canvas in the editor, never over
 * its side panel): successes leave by themselves, errors wait for their close button or Escape.
 */
export function Notices() {
  const t = useT();
  const notices = useNotices((s) => s.notices);
  const lastError = notices.findLast((n) => n.kind === "error");
  useEffect(() => {
    if (!lastError) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") dismissNotice(lastError.id);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [lastError]);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <div
          key={n.id}
          className={`notice-box notice-${n.kind}`}
          role={n.kind === "error" ? "alert" : "status"}
          data-testid={`notice-${n.kind}`}
        >
          <span className="notice-text pre">{n.text}</span>
          {n.action && (
            <button
              type="button"
              className="link"
              onClick={() => {
                dismissNotice(n.id);
                n.action?.run();
              }}
            >
              {n.action.label}
            </button>
          )}
          {n.kind === "error" && (
            <button
              type="button"
              className="notice-close"
              aria-label={t("notice.close")}
              title={t("notice.closeHint")}
              onClick={() => dismissNotice(n.id)}
            >
              ×
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
