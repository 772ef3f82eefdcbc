import { Hono } from "hono";
import type { Deps } from "../deps";
import type { AuditRow } from "../store/audit";
import { on, readQuery } from "./openapi/route-spec";
import { auditQuery, auditSpecs } from "./specs/people";

const entryJson = (r: AuditRow) => ({ ...r, at: new Date(r.at).toISOString() });

/** A CSV field: quoted, and a leading `=`, `+`, `-`, `@` defused so a spreadsheet runs nothing. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

const CSV_HEADER = [
  "id",
  "at",
  "actor_id",
  "actor_name",
  "actor_kind",
  "action",
  "target",
  "detail",
  "ip",
];

function csvLine(r: AuditRow): string {
  return [
    String(r.id),
    new Date(r.at).toISOString(),
    r.actor.id,
    r.actor.name,
    r.actor.kind,
    r.action,
    r.target ?? "",
    JSON.stringify(r.detail),
    r.ip ?? "",
  ]
    .map(csvField)
    .join(",");
}

/** The audit log, read only: there is no route that changes or removes an entry. */
export function auditRoutes(deps: Deps) {
  const app = new Hono();
  on(app, auditSpecs.list, async (c) => {
    const q = readQuery(c, auditQuery);
    const rows = await deps.store.audit.list({
      limit: q.limit ?? 200,
      ...(q.actor ? { actor: q.actor } : {}),
      ...(q.action ? { action: q.action } : {}),
      ...(q.from !== undefined ? { from: q.from } : {}),
      ...(q.to !== undefined ? { to: q.to } : {}),
      ...(q.before !== undefined ? { before: q.before } : {}),
    });
    if (q.format === "csv") {
      const text = [CSV_HEADER.join(","), ...rows.map(csvLine)].join("\r\n");
      return c.body(`${text}\r\n`, 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="convo-audit.csv"',
      });
    }
    return c.json({ entries: rows.map(entryJson) });
  });
  return app;
}
