import { memo, useState } from "react";
import type { FlowSummary } from "../api/client";
import { useLocale, useT } from "../i18n";

interface Props {
  flow: FlowSummary;
  onRename: (name: string) => void;
  onDuplicate: () => void;
  onDelete: () => void;
  onExport: () => void;
  /** Pauses a live flow, or resumes a paused one. */
  onTogglePause: () => void;
}

export const FlowRow = memo(function FlowRow({
  flow,
  onRename,
  onDuplicate,
  onDelete,
  onExport,
  onTogglePause,
}: Props) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(flow.name);
  const paused = flow.publishedVersion !== null && flow.pausedAt !== null;
  const status =
    flow.publishedVersion === null
      ? t("flows.neverPublished")
      : paused
        ? t("flows.paused", { version: flow.publishedVersion })
        : flow.hasUnpublishedChanges
          ? t("flows.draftChanges", { version: flow.publishedVersion })
          : t("flows.published", { version: flow.publishedVersion });
  return (
    <tr>
      <td>
        {editing ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              setEditing(false);
              if (name.trim() && name.trim() !== flow.name) onRename(name.trim());
            }}
          >
            <label>
              <span className="visually-hidden">{t("flows.rename")}</span>
              <input
                // biome-ignore lint/a11y/noAutofocus: the field appears because the user asked to rename
                autoFocus
                value={name}
                onChange={(e) => setName(e.target.value)}
                onBlur={() => setEditing(false)}
                onKeyDown={(e) => e.key === "Escape" && setEditing(false)}
              />
            </label>
          </form>
        ) : (
          <a className="flow-link" href={`#/flows/${encodeURIComponent(flow.id)}`}>
            {flow.name}
          </a>
        )}
        <div className="muted small">{flow.id}</div>
      </td>
      <td>
        {flow.live && (
          <span className="status live" data-testid="flow-live">
            {t("flows.live")}
          </span>
        )}{" "}
        <span
          className={`status ${paused ? "paused" : flow.hasUnpublishedChanges || flow.publishedVersion === null ? "draft" : "live"}`}
        >
          {status}
        </span>
      </td>
      <td>{flow.nodeCount}</td>
      <td>{new Date(flow.updatedAt).toLocaleString(locale)}</td>
      <td className="row-actions">
        <button
          type="button"
          onClick={() => {
            setName(flow.name);
            setEditing(true);
          }}
        >
          {t("flows.rename")}
        </button>
        {flow.publishedVersion !== null && (
          <button type="button" onClick={onTogglePause}>
            {paused ? t("flows.resume") : t("flows.pause")}
          </button>
        )}
        <button type="button" onClick={onDuplicate}>
          {t("flows.duplicate")}
        </button>
        <button type="button" onClick={onExport}>
          {t("flows.export")}
        </button>
        <button type="button" className="danger" onClick={onDelete}>
          {t("flows.delete")}
        </button>
      </td>
    </tr>
  );
});
