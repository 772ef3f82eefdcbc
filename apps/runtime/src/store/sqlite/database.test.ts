import { fstatSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { event } from "../contract/harness";
import { SqliteDatabase } from "./database";
import { SqliteInbox } from "./inbox";
import { SqliteWebhooks } from "./webhooks";

const inboxOn = (db: SqliteDatabase) => new SqliteInbox(db, new SqliteWebhooks(db));

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

/** A sync of the WAL that the test ends by hand, to see which writes wait for it. */
function heldSync() {
  const calls: { fd: number; done: (error: Error | null) => void }[] = [];
  return {
    calls,
    fdatasync: (fd: number, done: (error: Error | null) => void) => calls.push({ fd, done }),
  };
}

/** Whether a promise has settled, after the writes of this turn are committed. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe("durable writes", () => {
  let held: ReturnType<typeof heldSync>;
  let durableDb: SqliteDatabase;
  beforeEach(() => {
    held = heldSync();
    durableDb = new SqliteDatabase(join(dir, "durable.db"), 0, { fdatasync: held.fdatasync });
  });
  afterEach(() => {
    for (const call of held.calls) call.done(null);
    durableDb.close();
  });

  it("resolves the webhook's inbox insert only once the WAL is synced, and nothing else waits", async () => {
    const inbox = inboxOn(durableDb);
    const insert = inbox.insert([event("ann")], 1);
    const other = durableDb.write(() => 1);
    expect(await settled(insert)).toBe(false);
    // Committed (a process crash keeps it), but not yet acknowledged.
    expect(durableDb.db.prepare("SELECT count(*) FROM inbox").pluck().get()).toBe(1);
    expect(held.calls).toHaveLength(1);
    expect(await settled(other)).toBe(true);
    held.calls[0]?.done(null);
    expect(await insert).toBe(1);
    // A claim, or a step's commit, is acknowledged to nobody: it does not wait for a sync.
    expect(await settled(inbox.claimNext("ann"))).toBe(true);
    expect(held.calls).toHaveLength(1);
  });

  it("lets the webhooks that come during a sync share the next one", async () => {
    const inbox = inboxOn(durableDb);
    const first = inbox.insert([event("a")], 1);
    await settled(first);
    const more = [event("b"), event("c"), event("d")].map((e) => inbox.insert([e], 1));
    await settled(Promise.all(more));
    // One sync under way, the three waiting behind it.
    expect(held.calls).toHaveLength(1);
    held.calls[0]?.done(null);
    expect(await first).toBe(1);
    expect(await settled(Promise.all(more))).toBe(false);
    expect(held.calls).toHaveLength(2);
    held.calls[1]?.done(null);
    expect(await Promise.all(more)).toEqual([1, 1, 1]);
  });

  it("rejects the writes whose sync failed, so the webhook is not answered 200", async () => {
    const inbox = inboxOn(durableDb);
    const insert = inbox.insert([event("e")], 1);
    await settled(insert);
    held.calls[0]?.done(new Error("EIO"));
    await expect(insert).rejects.toThrow("EIO");
  });

  it("syncs the WAL file itself", async () => {
    const real = new SqliteDatabase(join(dir, "real.db"), 0);
    const synced: number[] = [];
    const spy = new SqliteDatabase(join(dir, "real.db"), 0, {
      fdatasync: (fd, done) => {
        synced.push(fstatSync(fd).ino);
        done(null);
      },
    });
    try {
      await inboxOn(spy).insert([event("f")], 1);
      expect(synced).toEqual([statSync(join(dir, "real.db-wal")).ino]);
      expect(real.db.prepare("SELECT count(*) FROM inbox").pluck().get()).toBe(1);
    } finally {
      spy.close();
      real.close();
    }
  });

  it("does not sync when durability is off (the ack benchmark's before)", async () => {
    const off = new SqliteDatabase(join(dir, "off.db"), 0, {
      durable: false,
      fdatasync: held.fdatasync,
    });
    try {
      expect(await inboxOn(off).insert([event("g")], 1)).toBe(1);
      expect(held.calls).toHaveLength(0);
    } finally {
      off.close();
    }
  });
});
