import { memo, useState } from "react";
import type { FlowSummary } from "../api/client";
import { formatDateTime } from "../common/dates";
import { useLocale, useT } from "../i18n";

/** What a row's buttons do, to the row's flow: one object for every row, so rows stay memoized. */
export interface FlowActions {
  rename(flow: FlowSummary, name: string): void;
  duplicate(flow: FlowSummary): void;
  delete(flow: FlowSummary): void;
  export(flow: FlowSummary): void;
  /** Pauses a live flow, or resumes a paused one. */
  togglePause(flow: FlowSummary): void;
}

interface Props {
  flow: FlowSummary;
  actions: FlowActions;
}

export const FlowRow = memo(function FlowRow({ flow, actions }: Props) {
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
              if (name.trim() && name.trim() !== flow.name) actions.rename(flow, name.trim());
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
      <td>{formatDateTime(flow.updatedAt, locale)}</td>
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
          <button type="button" onClick={() => actions.togglePause(flow)}>
            {paused ? t("flows.resume") : t("flows.pause")}
          </button>
        )}
        <button type="button" onClick={() => actions.duplicate(flow)}>
          {t("flows.duplicate")}
        </button>
        <button type="button" onClick={() => actions.export(flow)}>
          {t("flows.export")}
        </button>
        <button type="button" className="danger" onClick={() => actions.delete(flow)}>
          {t("flows.delete")}
        </button>
      </td>
    </tr>
  );
});
