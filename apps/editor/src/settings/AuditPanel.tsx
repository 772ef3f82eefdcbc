import { useEffect, useState } from "react";
import type { AuditEntry, AuditFilter, Person } from "../api/team-api";
import { downloadText } from "../common/download";
import { describeError } from "../common/errors";
import { isMessageKey, type Translate, useT } from "../i18n";
import { Messages, useTeamApi, useWhen } from "./shared";

const PAGE = 50;
/**
 * An action in the reader's words ("Scénario publié"), shown before its code; null for one this
 * editor does not know yet (a newer runtime), which shows its code only.
 */
export function actionWords(action: string, t: Translate): string | null {
  const key = `audit.action.${action}`;
  return isMessageKey(key) ? t(key) : null;
}

/** The kinds of action the filter offers: each is a prefix the route takes (`flow.`). */
const GROUPS = [
  "auth.",
  "person.",
  "key.",
  "webhook.",
  "flow.",
  "secret.",
  "contact.",
  "conversation.",
  "page.",
] as const;

/**
 * The append-only log, newest first, a page at a time: who, what, on what, when, from where.
 * Filtered by person and kind of action; the same filter downloads as CSV.
 */
export function AuditPanel() {
  const t = useT();
  const when = useWhen();
  const api = useTeamApi();
  const [people, setPeople] = useState<Person[]>([]);
  const [actor, setActor] = useState("");
  const [action, setAction] = useState("");
  /** Each page's `before` cursor, the first page's none: "Newer" goes back one. */
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.people().then(
      (team) => setPeople(team.people),
      () => setPeople([]),
    );
  }, [api]);

  const before = cursors[cursors.length - 1];
  const filter: AuditFilter = {
    ...(actor ? { actor } : {}),
    ...(action ? { action } : {}),
  };
  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    let current = true;
    setEntries(null);
    const query: AuditFilter = { ...JSON.parse(filterKey), limit: PAGE, before };
    api.audit(query).then(
      (answer) => {
        if (!current) return;
        setEntries(answer.entries);
        setError(null);
      },
      (e: unknown) => {
        if (current) setError(describeError(t, e));
      },
    );
    return () => {
      current = false;
    };
  }, [api, filterKey, before, t]);

  const refilter = (set: (value: string) => void) => (value: string) => {
    set(value);
    setCursors([undefined]);
  };
  const last = entries?.[entries.length - 1];

  async function download() {
    try {
      downloadText("convo-audit.csv", await api.auditCsv(filter), "text/csv");
    } catch (e) {
      setError(describeError(t, e));
    }
  }

  return (
    <section className="card settings-card wide" aria-labelledby="audit-title">
      <h2 id="audit-title">{t("audit.title")}</h2>
      <p>{t("audit.intro")}</p>
      <div className="audit-filters">
        <label>
          {t("audit.person")}
          <select
            aria-label={t("audit.person")}
            value={actor}
            onChange={(e) => refilter(setActor)(e.target.value)}
          >
            <option value="">{t("audit.anyone")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.email})
              </option>
            ))}
            <option value="admin">{t("audit.adminToken")}</option>
          </select>
        </label>
        <label>
          {t("audit.action")}
          <select
            aria-label={t("audit.action")}
            value={action}
            onChange={(e) => refilter(setAction)(e.target.value)}
          >
            <option value="">{t("audit.anyAction")}</option>
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`audit.group.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <button type="button" onClick={() => void download()}>
          {t("audit.csv")}
        </button>
      </div>
      <Messages error={error} notice={null} />
      {entries === null && !error && <p className="loading">{t("common.loading")}</p>}
      {entries?.length === 0 && <p className="empty">{t("audit.empty")}</p>}
      {entries && entries.length > 0 && (
        <table className="settings-table" aria-label={t("audit.log")}>
          <thead>
            <tr>
              <th>{t("audit.when")}</th>
              <th>{t("audit.who")}</th>
              <th>{t("audit.what")}</th>
              <th>{t("audit.target")}</th>
              <th>{t("audit.address")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>
                  <time dateTime={e.at}>{when(e.at)}</time>
                </td>
                <td>{e.actor.name}</td>
                <td>
                  {actionWords(e.action, t) !== null && (
                    <span className="audit-action">{actionWords(e.action, t)} </span>
                  )}
                  <code>{e.action}</code>
                  {Object.keys(e.detail).length > 0 && (
                    <small className="muted audit-detail">{JSON.stringify(e.detail)}</small>
                  )}
                </td>
                <td>{e.target ?? ""}</td>
                <td>{e.ip ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pager" aria-label={t("audit.page", { page: cursors.length })}>
        <button
          type="button"
          disabled={cursors.length <= 1}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          {t("audit.newer")}
        </button>
        <span>{t("audit.page", { page: cursors.length })}</span>
        <button
          type="button"
          disabled={!last || (entries?.length ?? 0) < PAGE}
          onClick={() => last && setCursors([...cursors, last.id])}
        >
          {t("audit.older")}
        </button>
      </nav>
    </section>
  );
}
