import type { AuditActor, AuditEntry, AuditFilter, AuditLog, AuditRow } from "../audit";
import { type PgDatabase, prepared } from "./database";

interface AuditRecord {
  id: number;
  at: number;
  actor_id: string;
  actor_name: string;
  actor_kind: AuditActor["kind"];
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
}

/** The audit log; a trigger refuses any UPDATE or DELETE of its rows. */
export class PgAudit implements AuditLog {
  constructor(private readonly db: PgDatabase) {}

  async append(e: AuditEntry) {
    await prepared(
      this.db.pool,
      `INSERT INTO audit_log (at, actor_id, actor_name, actor_kind, action, target, detail, ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)`,
      [
        e.at,
        e.actor.id,
        e.actor.name,
        e.actor.kind,
        e.action,
        e.target,
        JSON.stringify(e.detail),
        e.ip,
      ],
    );
  }

  async list(f: AuditFilter): Promise<AuditRow[]> {
    // An action ending in "." is a prefix; `left` keeps LIKE's wildcards out of user text.
    const { rows } = await prepared<AuditRecord>(
      this.db.pool,
      `SELECT * FROM audit_log
       WHERE ($1::text IS NULL OR actor_id = $1)
         AND ($2::text IS NULL OR action = $2
              OR (right($2, 1) = '.' AND left(action, length($2)) = $2))
         AND ($3::bigint IS NULL OR at >= $3) AND ($4::bigint IS NULL OR at < $4)
         AND ($5::bigint IS NULL OR id < $5)
       ORDER BY id DESC LIMIT $6`,
      [f.actor ?? null, f.action ?? null, f.from ?? null, f.to ?? null, f.before ?? null, f.limit],
    );
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: { id: r.actor_id, name: r.actor_name, kind: r.actor_kind },
      action: r.action,
      target: r.target,
      detail: r.detail,
      ip: r.ip,
    }));
  }
}
