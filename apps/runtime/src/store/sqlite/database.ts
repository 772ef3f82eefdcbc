import Database from "better-sqlite3";
import { migrate } from "./migrations";

/**
 * Opens (or creates) the SQLite file with the settings a single-writer server wants. Commits are
 * `synchronous = NORMAL` (in WAL mode: safe from a process crash, synced at checkpoints); the group
 * commits that hold a durable write (see `SqliteDatabase.write`) run at `FULL`, synced before they
 * resolve.
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

/**
 * One SQLite file, migrated on open, and the group commit every write goes through. The store's
 * modules each prepare their statements on `db` and write with `write`.
 */
export class SqliteDatabase {
  readonly db: Database.Database;
  /** Writes waiting for the next group commit (see `write`). */
  #queue: PendingWrite[] = [];
  #flushScheduled = false;
  /** Off only in the ack benchmark, to measure what durability costs. */
  readonly #durable: boolean;

  constructor(path: string, now: number, options: { durable?: boolean } = {}) {
    this.db = openDatabase(path);
    this.#durable = options.durable ?? true;
    migrate(this.db, now);
  }

  /**
   * Group commit: writes made in the same turn of the event loop share one transaction (a commit
   * costs ~80 µs on a WAL file, a row ~3 µs). If one write fails, the batch is rolled back and each
   * write runs again alone, so only that one fails; a promise resolves once its write is committed.
   * `run` is synchronous: it runs inside the transaction.
   *
   * `durable`: the promise resolves only once the commit is on disk (`synchronous = FULL` for that
   * commit: the WAL is fsynced), so a power cut cannot lose it — for what is acknowledged to
   * someone else (a webhook's 200). The writes that share its batch, and every commit before it,
   * are synced with it: concurrent webhooks share one fsync.
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

  /** Commits the writes waiting, then closes the file. */
  close(): void {
    if (this.db.open) {
      this.#flush();
      this.db.close();
    }
  }

  #flush(): void {
    this.#flushScheduled = false;
    const ops = this.#queue;
    if (ops.length === 0) return;
    this.#queue = [];
    // The level cannot change inside a transaction: it is set around this batch's.
    const durable = this.#durable && ops.some((op) => op.durable);
    if (durable) this.db.pragma("synchronous = FULL");
    try {
      this.#commit(ops);
    } finally {
      if (durable) this.db.pragma("synchronous = NORMAL");
    }
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
