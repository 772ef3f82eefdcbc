import type { ApiKeyRow, ApiKeyStore } from "../keys";
import type { SqliteDatabase } from "./database";

interface KeyRecord {
  id: string;
  name: string;
  hash: string;
  scopes: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

const toRow = (r: KeyRecord): ApiKeyRow => ({
  id: r.id,
  name: r.name,
  scopes: JSON.parse(r.scopes) as string[],
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

export class SqliteKeys implements ApiKeyStore {
  readonly #s;

  constructor(private readonly sql: SqliteDatabase) {
    const { db } = sql;
    this.#s = {
      insert: db.prepare(
        "INSERT INTO api_keys (id, name, hash, scopes, created_at) VALUES (?, ?, ?, ?, ?)",
      ),
      find: db.prepare("SELECT * FROM api_keys WHERE id = ?"),
      list: db.prepare("SELECT * FROM api_keys ORDER BY created_at DESC, id"),
      revoke: db.prepare("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"),
      touch: db.prepare("UPDATE api_keys SET last_used_at = ? WHERE id = ?"),
    };
  }

  async create(key: Omit<ApiKeyRow, "lastUsedAt" | "revokedAt"> & { hash: string }) {
    await this.sql.write(() =>
      this.#s.insert.run(key.id, key.name, key.hash, JSON.stringify(key.scopes), key.createdAt),
    );
  }

  async find(id: string) {
    const r = this.#s.find.get(id) as KeyRecord | undefined;
    return r ? { ...toRow(r), hash: r.hash } : undefined;
  }

  async list() {
    return (this.#s.list.all() as KeyRecord[]).map(toRow);
  }

  async revoke(id: string, now: number) {
    return this.sql.write(() => this.#s.revoke.run(now, id).changes > 0);
  }

  async touch(id: string, now: number) {
    await this.sql.write(() => this.#s.touch.run(now, id));
  }
}
