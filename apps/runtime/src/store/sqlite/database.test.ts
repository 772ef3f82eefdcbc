import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { event } from "../contract/harness";
import { SqliteDatabase } from "./database";
import { SqliteInbox } from "./inbox";

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

/** PRAGMA synchronous as the commit of the batch it runs in sees it: 1 NORMAL, 2 FULL. */
const FULL = 2;
const NORMAL = 1;

describe("durable writes", () => {
  const level = () => sql.write(() => sql.db.pragma("synchronous", { simple: true }) as number);

  it("commits a batch that holds a durable write at synchronous = FULL, and the others at NORMAL", async () => {
    expect(await level()).toBe(NORMAL);
    const [durable, shared] = await Promise.all([
      sql.write(() => sql.db.pragma("synchronous", { simple: true }), { durable: true }),
      level(),
    ]);
    expect(durable).toBe(FULL);
    // Same turn, same commit, same fsync.
    expect(shared).toBe(FULL);
    expect(await level()).toBe(NORMAL);
  });

  it("commits the webhook's inbox insert durably, before its 200", async () => {
    const inbox = new SqliteInbox(sql);
    const [inserted, seen] = await Promise.all([inbox.insert([event("ann")], 1), level()]);
    expect(inserted).toBe(1);
    expect(seen).toBe(FULL);
    // A step's commit, or a claim, is not acknowledged to anyone: NORMAL is enough.
    const [, claimSeen] = await Promise.all([inbox.claimNext("ann"), level()]);
    expect(claimSeen).toBe(NORMAL);
  });

  it("goes back to NORMAL after a durable batch that failed", async () => {
    const insert = sql.db.prepare("INSERT INTO settings (key, value) VALUES (?, ?)");
    await sql.write(() => insert.run("d", "1"));
    await expect(sql.write(() => insert.run("d", "2"), { durable: true })).rejects.toThrow();
    expect(await level()).toBe(NORMAL);
  });

  it("stays at NORMAL when durability is off (the ack benchmark's before)", async () => {
    const other = new SqliteDatabase(join(dir, "other.db"), 0, { durable: false });
    try {
      const seen = await other.write(() => other.db.pragma("synchronous", { simple: true }), {
        durable: true,
      });
      expect(seen).toBe(NORMAL);
    } finally {
      other.close();
    }
  });
});
