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
import type { SqliteDatabase } from "./database";

export class SqlitePeople implements PeopleStore {
  readonly #s;

  constructor(private readonly sql: SqliteDatabase) {
    const { db } = sql;
    this.#s = {
      insert: db.prepare(
        `INSERT INTO people (id, email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
      ),
      find: db.prepare("SELECT * FROM people WHERE id = ?"),
      byEmail: db.prepare("SELECT * FROM people WHERE lower(email) = lower(?)"),
      list: db.prepare("SELECT * FROM people ORDER BY created_at, id"),
      count: db.prepare("SELECT count(*) FROM people WHERE disabled_at IS NULL").pluck(),
      update: db.prepare(
        `UPDATE people SET role = coalesce(@role, role), name = coalesce(@name, name),
           password_hash = coalesce(@hash, password_hash),
           disabled_at = CASE WHEN @revive = 1 THEN NULL ELSE disabled_at END
         WHERE id = @id`,
      ),
      disable: db.prepare("UPDATE people SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL"),
      endSessions: db.prepare("DELETE FROM account_sessions WHERE person_id = ?"),
    };
  }

  async create(p: Omit<PersonRow, "disabledAt"> & { passwordHash: string }) {
    return this.sql.write(
      () =>
        this.#s.insert.run(p.id, p.email, p.name, p.role, p.passwordHash, p.createdAt).changes > 0,
    );
  }

  async find(id: string) {
    const r = this.#s.find.get(id) as PersonRecord | undefined;
    return r ? personOf(r) : undefined;
  }

  async credentials(email: string) {
    const r = this.#s.byEmail.get(email) as PersonRecord | undefined;
    return r ? { ...personOf(r), passwordHash: r.password_hash } : undefined;
  }

  async list() {
    return (this.#s.list.all() as PersonRecord[]).map(personOf);
  }

  async countActive() {
    return this.#s.count.get() as number;
  }

  async update(
    id: string,
    change: { role?: Role; name?: string; passwordHash?: string; disabledAt?: null },
  ) {
    return this.sql.write(
      () =>
        this.#s.update.run({
          id,
          role: change.role ?? null,
          name: change.name ?? null,
          hash: change.passwordHash ?? null,
          revive: change.disabledAt === null ? 1 : 0,
        }).changes > 0,
    );
  }

  async disable(id: string, now: number) {
    return this.sql.write(() => {
      const done = this.#s.disable.run(now, id).changes > 0;
      this.#s.endSessions.run(id);
      return done;
    });
  }
}

export class SqliteAccountSessions implements AccountSessionStore {
  readonly #s;

  constructor(private readonly sql: SqliteDatabase) {
    const { db } = sql;
    this.#s = {
      insert: db.prepare(
        "INSERT INTO account_sessions (id, person_id, created_at, last_seen_at, csrf_token) VALUES (?, ?, ?, ?, ?)",
      ),
      find: db.prepare("SELECT * FROM account_sessions WHERE id = ?"),
      touch: db.prepare("UPDATE account_sessions SET last_seen_at = ? WHERE id = ?"),
      remove: db.prepare("DELETE FROM account_sessions WHERE id = ?"),
      removeFor: db.prepare("DELETE FROM account_sessions WHERE person_id = ? AND id IS NOT ?"),
      removeIdle: db.prepare("DELETE FROM account_sessions WHERE last_seen_at < ?"),
    };
  }

  async create(s: AccountSessionRow) {
    await this.sql.write(() =>
      this.#s.insert.run(s.id, s.personId, s.createdAt, s.lastSeenAt, s.csrfToken),
    );
  }

  async find(id: string) {
    const r = this.#s.find.get(id) as SessionRecord | undefined;
    return r ? sessionOf(r) : undefined;
  }

  async touch(id: string, now: number) {
    await this.sql.write(() => this.#s.touch.run(now, id));
  }

  async remove(id: string) {
    await this.sql.write(() => this.#s.remove.run(id));
  }

  async removeFor(personId: string, except?: string) {
    return this.sql.write(() => this.#s.removeFor.run(personId, except ?? null).changes);
  }

  async removeIdle(before: number) {
    return this.sql.write(() => this.#s.removeIdle.run(before).changes);
  }
}

export class SqliteInvites implements InviteStore {
  readonly #s;

  constructor(private readonly sql: SqliteDatabase) {
    const { db } = sql;
    this.#s = {
      insert: db.prepare(
        `INSERT INTO invites (id, kind, email, role, person_id, created_by, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      find: db.prepare("SELECT * FROM invites WHERE id = ?"),
      use: db.prepare(
        "UPDATE invites SET used_at = ? WHERE id = ? AND used_at IS NULL AND expires_at > ? RETURNING *",
      ),
      pending: db.prepare(
        "SELECT * FROM invites WHERE used_at IS NULL AND expires_at > ? ORDER BY created_at DESC, id",
      ),
    };
  }

  async create(i: Omit<InviteRow, "usedAt">) {
    await this.sql.write(() =>
      this.#s.insert.run(
        i.id,
        i.kind,
        i.email,
        i.role,
        i.personId,
        i.createdBy,
        i.createdAt,
        i.expiresAt,
      ),
    );
  }

  async find(id: string) {
    const r = this.#s.find.get(id) as InviteRecord | undefined;
    return r ? inviteOf(r) : undefined;
  }

  async use(id: string, now: number) {
    return this.sql.write(() => {
      const r = this.#s.use.get(now, id, now) as InviteRecord | undefined;
      return r ? inviteOf(r) : undefined;
    });
  }

  async pending(now: number) {
    return (this.#s.pending.all(now) as InviteRecord[]).map(inviteOf);
  }
}

export class SqliteSignInFailures implements SignInFailureStore {
  readonly #s;

  constructor(private readonly sql: SqliteDatabase) {
    const { db } = sql;
    this.#s = {
      insert: db.prepare("INSERT INTO sign_in_failures (key, at) VALUES (?, ?)"),
      recent: db
        .prepare(
          "SELECT at FROM sign_in_failures WHERE key = ? AND at >= ? ORDER BY at DESC LIMIT ?",
        )
        .pluck(),
      clear: db.prepare("DELETE FROM sign_in_failures WHERE key = ?"),
      prune: db.prepare("DELETE FROM sign_in_failures WHERE at < ?"),
    };
  }

  async record(keys: readonly string[], at: number) {
    await this.sql.write(() => {
      for (const key of keys) this.#s.insert.run(key, at);
    });
  }

  async recent(key: string, since: number, limit: number) {
    return this.#s.recent.all(key, since, limit) as number[];
  }

  async clear(key: string) {
    await this.sql.write(() => this.#s.clear.run(key));
  }

  async prune(before: number) {
    await this.sql.write(() => this.#s.prune.run(before));
  }
}
