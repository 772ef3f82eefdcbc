import { closeSync, fdatasync, fdatasyncSync, openSync } from "node:fs";
import Database from "better-sqlite3";
import { migrate } from "./migrations";

/**
 * Opens (or creates) the SQLite file with the settings a single-writer server wants. Commits are
 * `synchronous = NORMAL`: in WAL mode safe from a process crash, and on disk at the next
 * checkpoint; a durable write (see `SqliteDatabase.write`) is on disk before it resolves.
 */
export function openDatabase(path: string): Database.Database {
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  return db;
}

interface PendingWrite {
  run: () => unknown;
  durable: boolean;
  resolve: (value: never) => void;
  reject: (error: unknown) => void;
}

export interface DatabaseOptions {
  /** False only in the ack benchmark, to measure what durability costs: durable writes are not synced. */
  durable?: boolean;
  /** How the WAL is synced (tests hold it to see who waits); `fs.fdatasync` by default. */
  fdatasync?: (fd: number, done: (error: Error | null) => void) => void;
}

/**
 * One SQLite file, migrated on open, and the group commit every write goes through. The store's
 * modules each prepare their statements on `db` and write with `write`.
 */
export class SqliteDatabase {
  readonly db: Database.Database;
  /** Writes waiting for the next group commit (see `write`). */
  #queue: PendingWrite[] = [];
  #flushScheduled = false;
  readonly #wal: string | undefined;
  readonly #fdatasync: NonNullable<DatabaseOptions["fdatasync"]>;
  #walFd: number | undefined;
  /** A sync of the WAL is under way; `#unsynced` waits for the next one. */
  #syncing = false;
  #unsynced: { resolve: () => void; reject: (error: unknown) => void }[] = [];

  constructor(path: string, now: number, options: DatabaseOptions = {}) {
    this.db = openDatabase(path);
    this.#wal = path === ":memory:" || options.durable === false ? undefined : `${path}-wal`;
    this.#fdatasync = options.fdatasync ?? fdatasync;
    migrate(this.db, now);
  }

  /**
   * Group commit: writes made in the same turn of the event loop share one transaction (a commit
   * costs ~80 µs on a WAL file, a row ~3 µs). If one write fails, the batch is rolled back and each
   * write runs again alone, so only that one fails; a promise resolves once its write is committed.
   * `run` is synchronous: it runs inside the transaction.
   *
   * `durable`: the promise resolves once the commit is on disk, so a power cut cannot lose it —
   * for what is acknowledged to someone else (a webhook's 200). What `synchronous = FULL` does
   * (fsync the WAL after the commit's frames are written), done off the event loop: the commit
   * is written at NORMAL, then the WAL file is fdatasync'ed on libuv's thread pool while the
   * thread goes on reading requests. One sync at a time: the durable commits made while one runs
   * share the next, so concurrent webhooks share one fsync. A sync also makes durable every
   * commit before it.
   */
  write<T>(run: () => T, options: { durable?: boolean } = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({
        run,
        durable: options.durable === true,
        resolve: resolve as (value: never) => void,
        reject,
      });
      if (!this.#flushScheduled) {
        this.#flushScheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  get open(): boolean {
    return this.db.open;
  }

  /** Commits the writes waiting, syncs what waits for it, then closes the file. */
  close(): void {
    if (!this.db.open) return;
    this.#flush();
    if (this.#walFd !== undefined) {
      fdatasyncSync(this.#walFd);
      for (const waiter of this.#unsynced.splice(0)) waiter.resolve();
      // A sync under way closes the file when it ends.
      if (!this.#syncing) closeSync(this.#walFd);
    }
    this.db.close();
  }

  #flush(): void {
    this.#flushScheduled = false;
    const ops = this.#queue;
    if (ops.length === 0) return;
    this.#queue = [];
    if (this.#wal !== undefined && ops.some((op) => op.durable)) {
      this.#commit(ops.map((op) => (op.durable ? this.#afterSync(op) : op)));
    } else {
      this.#commit(ops);
    }
  }

  /** The write, resolved only after the next sync of the WAL (a failed write rejects at once). */
  #afterSync(op: PendingWrite): PendingWrite {
    return {
      ...op,
      resolve: (value: never) => {
        this.#unsynced.push({ resolve: () => op.resolve(value), reject: op.reject });
        if (!this.#syncing) this.#sync();
      },
    };
  }

  #sync(): void {
    const waiting = this.#unsynced.splice(0);
    try {
      this.#walFd ??= openSync(this.#wal as string, "r");
    } catch (error) {
      for (const waiter of waiting) waiter.reject(error);
      return;
    }
    const fd = this.#walFd;
    this.#syncing = true;
    this.#fdatasync(fd, (error) => {
      this.#syncing = false;
      for (const waiter of waiting) {
        if (error) waiter.reject(error);
        else waiter.resolve();
      }
      if (!this.db.open) closeSync(fd);
      else if (this.#unsynced.length > 0) this.#sync();
    });
  }

  #commit(ops: PendingWrite[]): void {
    let values: unknown[];
    try {
      values = this.#runAll(ops);
    } catch {
      // One write failed and took the batch down with it: run each alone, so only it fails.
      for (const op of ops) {
        try {
          op.resolve(this.db.transaction(op.run)() as never);
        } catch (error) {
          op.reject(error);
        }
      }
      return;
    }
    ops.forEach((op, i) => {
      op.resolve(values[i] as never);
    });
  }

  readonly #runAll = (ops: PendingWrite[]): unknown[] =>
    this.db.transaction(() => ops.map((op) => op.run()))();
}
