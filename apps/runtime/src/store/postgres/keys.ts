import type { ApiKeyRow, ApiKeyStore } from "../keys";
import { type PgDatabase, prepared } from "./database";

interface KeyRecord {
  id: string;
  name: string;
  hash: string;
  scopes: string[];
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

const toRow = (r: KeyRecord): ApiKeyRow => ({
  id: r.id,
  name: r.name,
  scopes: r.scopes,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

/** API keys: a digest of each, never the key. */
export class PgKeys implements ApiKeyStore {
  constructor(private readonly db: PgDatabase) {}

  async create(key: Omit<ApiKeyRow, "lastUsedAt" | "revokedAt"> & { hash: string }) {
    await prepared(
      this.db.pool,
      "INSERT INTO api_keys (id, name, hash, scopes, created_at) VALUES ($1, $2, $3, $4::json, $5)",
      [key.id, key.name, key.hash, JSON.stringify(key.scopes), key.createdAt],
    );
  }

  async find(id: string) {
    const { rows } = await prepared<KeyRecord>(
      this.db.pool,
      "SELECT * FROM api_keys WHERE id = $1",
      [id],
    );
    const r = rows[0];
    return r ? { ...toRow(r), hash: r.hash } : undefined;
  }

  async list() {
    const { rows } = await prepared<KeyRecord>(
      this.db.pool,
      "SELECT * FROM api_keys ORDER BY created_at DESC, id",
    );
    return rows.map(toRow);
  }

  async revoke(id: string, now: number) {
    const { rowCount } = await prepared(
      this.db.pool,
      "UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL",
      [now, id],
    );
    return (rowCount ?? 0) > 0;
  }

  async touch(id: string, now: number) {
    await prepared(this.db.pool, "UPDATE api_keys SET last_used_at = $1 WHERE id = $2", [now, id]);
  }
}
