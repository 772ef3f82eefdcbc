import type { SettingsStore } from "../settings";
import type { SqliteDatabase } from "./database";

export class SqliteSettings implements SettingsStore {
  readonly #get;
  readonly #set;

  constructor(private readonly sql: SqliteDatabase) {
    this.#get = sql.db.prepare("SELECT value FROM settings WHERE key = ?").pluck();
    this.#set = sql.db.prepare(
      "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    );
  }

  async get(key: string): Promise<string | undefined> {
    return this.#get.get(key) as string | undefined;
  }

  async set(key: string, value: string): Promise<void> {
    await this.sql.write(() => this.#set.run(key, value));
  }

  async setIfAbsent(key: string, value: string): Promise<string> {
    return this.sql.write(() => {
      const kept = this.#get.get(key) as string | undefined;
      if (kept !== undefined) return kept;
      this.#set.run(key, value);
      return value;
    });
  }
}
