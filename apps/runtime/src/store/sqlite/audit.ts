import type { AuditActor, AuditEntry, AuditFilter, AuditLog, AuditRow } from "../audit";
import type { SqliteDatabase } from "./database";

interface AuditRecord {
  id: number;
  at: number;
  actor_id: string;
  actor_name: string;
  actor_kind: AuditActor["kind"];
  action: string;
  target: string | null;
  detail: string;
  ip: string | null;
}

const toRow = (r: AuditRecord): AuditRow => ({
  id: r.id,
  at: r.at,
  actor: { id: r.actor_id, name: r.actor_name, kind: r.actor_kind },
  action: r.action,
  target: r.target,
  detail: JSON.parse(r.detail) as Record<string, unknown>,
  ip: r.ip,
});

/** The audit log; triggers refuse any UPDATE or DELETE of its rows. */
export class SqliteAudit implements AuditLog {
  readonly #insert;
  readonly #list;

  constructor(private readonly sql: SqliteDatabase) {
    const { db } = sql;
    this.#insert = db.prepare(
      `INSERT INTO audit_log (at, actor_id, actor_name, actor_kind, action, target, detail, ip)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // An action ending in "." is a prefix; `substr` keeps LIKE's wildcards out of user text.
    this.#list = db.prepare(
      `SELECT * FROM audit_log
       WHERE (@actor IS NULL OR actor_id = @actor)
         AND (@action IS NULL OR action = @action
              OR (substr(@action, -1) = '.' AND substr(action, 1, length(@action)) = @action))
         AND (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to)
         AND (@before IS NULL OR id < @before)
       ORDER BY id DESC LIMIT @limit`,
    );
  }

  async append(e: AuditEntry) {
    await this.sql.write(() =>
      this.#insert.run(
        e.at,
        e.actor.id,
        e.actor.name,
        e.actor.kind,
        e.action,
        e.target,
        JSON.stringify(e.detail),
        e.ip,
      ),
    );
  }

  async list(f: AuditFilter) {
    const rows = this.#list.all({
      actor: f.actor ?? null,
      action: f.action ?? null,
      from: f.from ?? null,
      to: f.to ?? null,
      before: f.before ?? null,
      limit: f.limit,
    }) as AuditRecord[];
    return rows.map(toRow);
  }
}
