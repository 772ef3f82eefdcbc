import type {
  AccountSessionRow,
  AccountSessionStore,
  InviteRow,
  InviteStore,
  PeopleStore,
  PersonRow,
  Role,
  SignInFailureStore,
} from "../people";
import {
  type InviteRecord,
  inviteOf,
  type PersonRecord,
  personOf,
  type SessionRecord,
  sessionOf,
} from "../people-rows";
import { type PgDatabase, prepared } from "./database";

export class PgPeople implements PeopleStore {
  constructor(private readonly db: PgDatabase) {}

  async create(p: Omit<PersonRow, "disabledAt"> & { passwordHash: string }) {
    const { rowCount } = await prepared(
      this.db.pool,
      `INSERT INTO people (id, email, name, role, password_hash, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [p.id, p.email, p.name, p.role, p.passwordHash, p.createdAt],
    );
    return (rowCount ?? 0) > 0;
  }

  async find(id: string) {
    const { rows } = await prepared<PersonRecord>(
      this.db.pool,
      "SELECT * FROM people WHERE id = $1",
      [id],
    );
    return rows[0] ? personOf(rows[0]) : undefined;
  }

  async credentials(email: string) {
    const { rows } = await prepared<PersonRecord>(
      this.db.pool,
      "SELECT * FROM people WHERE lower(email) = lower($1)",
      [email],
    );
    const r = rows[0];
    return r ? { ...personOf(r), passwordHash: r.password_hash } : undefined;
  }

  async list() {
    const { rows } = await prepared<PersonRecord>(
      this.db.pool,
      "SELECT * FROM people ORDER BY created_at, id",
    );
    return rows.map(personOf);
  }

  async countActive() {
    const { rows } = await prepared<{ n: number }>(
      this.db.pool,
      "SELECT count(*) AS n FROM people WHERE disabled_at IS NULL",
    );
    return rows[0]?.n ?? 0;
  }

  async update(
    id: string,
    change: { role?: Role; name?: string; passwordHash?: string; disabledAt?: null },
  ) {
    const { rowCount } = await prepared(
      this.db.pool,
      `UPDATE people SET role = coalesce($2, role), name = coalesce($3, name),
         password_hash = coalesce($4, password_hash),
         disabled_at = CASE WHEN $5 THEN NULL ELSE disabled_at END
       WHERE id = $1`,
      [
        id,
        change.role ?? null,
        change.name ?? null,
        change.passwordHash ?? null,
        change.disabledAt === null,
      ],
    );
    return (rowCount ?? 0) > 0;
  }

  async disable(id: string, now: number) {
    return this.db.tx(async (q) => {
      const { rowCount } = await q.query(
        "UPDATE people SET disabled_at = $1 WHERE id = $2 AND disabled_at IS NULL",
        [now, id],
      );
      await q.query("DELETE FROM account_sessions WHERE person_id = $1", [id]);
      return (rowCount ?? 0) > 0;
    });
  }
}

export class PgAccountSessions implements AccountSessionStore {
  constructor(private readonly db: PgDatabase) {}

  async create(s: AccountSessionRow) {
    await prepared(
      this.db.pool,
      `INSERT INTO account_sessions (id, person_id, created_at, last_seen_at, csrf_token)
       VALUES ($1, $2, $3, $4, $5)`,
      [s.id, s.personId, s.createdAt, s.lastSeenAt, s.csrfToken],
    );
  }

  async find(id: string) {
    const { rows } = await prepared<SessionRecord>(
      this.db.pool,
      "SELECT * FROM account_sessions WHERE id = $1",
      [id],
    );
    const r = rows[0];
    return r ? sessionOf(r) : undefined;
  }

  async touch(id: string, now: number) {
    await prepared(this.db.pool, "UPDATE account_sessions SET last_seen_at = $1 WHERE id = $2", [
      now,
      id,
    ]);
  }

  async remove(id: string) {
    await prepared(this.db.pool, "DELETE FROM account_sessions WHERE id = $1", [id]);
  }

  async removeFor(personId: string, except?: string) {
    const { rowCount } = await prepared(
      this.db.pool,
      "DELETE FROM account_sessions WHERE person_id = $1 AND id IS DISTINCT FROM $2",
      [personId, except ?? null],
    );
    return rowCount ?? 0;
  }

  async removeIdle(before: number) {
    const { rowCount } = await prepared(
      this.db.pool,
      "DELETE FROM account_sessions WHERE last_seen_at < $1",
      [before],
    );
    return rowCount ?? 0;
  }
}

export class PgInvites implements InviteStore {
  constructor(private readonly db: PgDatabase) {}

  async create(i: Omit<InviteRow, "usedAt">) {
    await prepared(
      this.db.pool,
      `INSERT INTO invites (id, kind, email, role, person_id, created_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [i.id, i.kind, i.email, i.role, i.personId, i.createdBy, i.createdAt, i.expiresAt],
    );
  }

  async find(id: string) {
    const { rows } = await prepared<InviteRecord>(
      this.db.pool,
      "SELECT * FROM invites WHERE id = $1",
      [id],
    );
    return rows[0] ? inviteOf(rows[0]) : undefined;
  }

  async use(id: string, now: number) {
    const { rows } = await prepared<InviteRecord>(
      this.db.pool,
      `UPDATE invites SET used_at = $1 WHERE id = $2 AND used_at IS NULL AND expires_at > $1
       RETURNING *`,
      [now, id],
    );
    return rows[0] ? inviteOf(rows[0]) : undefined;
  }

  async pending(now: number) {
    const { rows } = await prepared<InviteRecord>(
      this.db.pool,
      "SELECT * FROM invites WHERE used_at IS NULL AND expires_at > $1 ORDER BY created_at DESC, id",
      [now],
    );
    return rows.map(inviteOf);
  }
}

export class PgSignInFailures implements SignInFailureStore {
  constructor(private readonly db: PgDatabase) {}

  async record(keys: readonly string[], at: number) {
    await prepared(
      this.db.pool,
      "INSERT INTO sign_in_failures (key, at) SELECT k, $2 FROM unnest($1::text[]) AS k",
      [keys, at],
    );
  }

  async recent(key: string, since: number, limit: number) {
    const { rows } = await prepared<{ at: number }>(
      this.db.pool,
      "SELECT at FROM sign_in_failures WHERE key = $1 AND at >= $2 ORDER BY at DESC LIMIT $3",
      [key, since, limit],
    );
    return rows.map((r) => r.at);
  }

  async clear(key: string) {
    await prepared(this.db.pool, "DELETE FROM sign_in_failures WHERE key = $1", [key]);
  }

  async prune(before: number) {
    await prepared(this.db.pool, "DELETE FROM sign_in_failures WHERE at < $1", [before]);
  }
}
