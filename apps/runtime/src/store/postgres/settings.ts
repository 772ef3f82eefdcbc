import type { SettingsStore } from "../settings";
import { type PgDatabase, prepared } from "./database";

export class PgSettings implements SettingsStore {
  constructor(private readonly db: PgDatabase) {}

  async get(key: string): Promise<string | undefined> {
    const { rows } = await prepared<{ value: string }>(
      this.db.pool,
      "SELECT value FROM settings WHERE key = $1",
      [key],
    );
    return rows[0]?.value;
  }

  async set(key: string, value: string): Promise<void> {
    await prepared(
      this.db.pool,
      "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      [key, value],
    );
  }

  async setIfAbsent(key: string, value: string): Promise<string> {
    const { rows } = await prepared<{ value: string }>(
      this.db.pool,
      `WITH added AS (
         INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING value)
       SELECT value FROM added UNION ALL SELECT value FROM settings WHERE key = $1 LIMIT 1`,
      [key, value],
    );
    return rows[0]?.value ?? value;
  }
}
