import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SqliteDatabase } from "./database";

let dir: string;
let sql: SqliteDatabase;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "convo-db-"));
  sql = new SqliteDatabase(join(dir, "convo.db"), 0);
});
afterEach(() => {
  sql.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the group commit", () => {
  it("commits the writes of one turn together, and fails only the write that failed", async () => {
    const insert = sql.db.prepare("INSERT INTO settings (key, value) VALUES (?, ?)");
    const writes = [
      sql.write(() => insert.run("a", "1").changes),
      sql.write(() => insert.run("a", "again").changes),
      sql.write(() => insert.run("b", "2").changes),
    ];
    const [a, dup, b] = await Promise.allSettled(writes);
    expect(a).toEqual({ status: "fulfilled", value: 1 });
    expect(dup?.status).toBe("rejected");
    expect(b).toEqual({ status: "fulfilled", value: 1 });
    const rows = sql.db.prepare("SELECT key, value FROM settings ORDER BY key").all();
    expect(rows).toEqual([
      { key: "a", value: "1" },
      { key: "b", value: "2" },
    ]);
  });

  it("commits what is waiting when the database is closed", async () => {
    const insert = sql.db.prepare("INSERT INTO settings (key, value) VALUES (?, ?)");
    const pending = sql.write(() => insert.run("c", "3"));
    sql.close();
    await pending;
    sql = new SqliteDatabase(join(dir, "convo.db"), 0);
    expect(sql.db.prepare("SELECT value FROM settings WHERE key = 'c'").pluck().get()).toBe("3");
  });
});
