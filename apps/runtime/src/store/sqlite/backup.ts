import { existsSync, renameSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import { MIGRATIONS } from "./migrations";
import { liveOwner } from "./owner";

/** A backup or restore that cannot be done; the message says why and what to do. */
export class BackupError extends Error {}

/** What a copy holds, read from the copy itself once it is written. */
export interface DatabaseSummary {
  /** The schema version (number of migrations applied). */
  version: number;
  flows: number;
  contacts: number;
  inbox: number;
  bytes: number;
}

/** Every page at once: one read transaction, so the copy is one consistent moment. */
const ALL_PAGES = 0x7fffffff;

/**
 * Copies the database at `source` to `target` with SQLite's online backup API while a runtime
 * may be writing to it: WAL readers do not block the writer, so the webhook keeps answering. The
 * copy is written beside the target and renamed into place once checked, so a failed backup
 * leaves no half file; it is a single file (rollback journal, not WAL).
 */
export async function backupDatabase(
  source: string,
  target: string,
  options: { force?: boolean } = {},
): Promise<DatabaseSummary> {
  if (!existsSync(source)) throw new BackupError(`There is no database at ${source}.`);
  if (existsSync(target) && !options.force) {
    throw new BackupError(`${target} exists: choose another file, or --force to replace it.`);
  }
  const partial = `${target}.partial`;
  await copyPages(source, partial, `The backup to ${target}`);
  try {
    const copy = new Database(partial);
    try {
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
    const summary = checkDatabase(partial);
    renameSync(partial, target);
    return summary;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Replaces the database at `target` with the backup at `backup`. Refused while a runtime has
 * `target` open, and when `target` exists unless `force` (it is then kept aside as
 * `<target>.before-restore-<time>`, its WAL with it: nothing is deleted).
 */
export async function restoreDatabase(
  backup: string,
  target: string,
  options: { force?: boolean; now?: number } = {},
): Promise<DatabaseSummary & { keptAs?: string }> {
  if (!existsSync(backup)) throw new BackupError(`There is no backup at ${backup}.`);
  const summary = checkDatabase(backup);
  const owner = liveOwner(target);
  if (owner !== undefined) {
    throw new BackupError(
      `A runtime (process ${owner}) is using ${target}: stop it before restoring.`,
    );
  }
  const exists = existsSync(target);
  if (exists && !options.force) {
    throw new BackupError(
      `${target} exists: --force replaces it (the current database is kept beside it).`,
    );
  }
  const restoring = `${target}.restoring`;
  await copyPages(backup, restoring, `The restore to ${target}`);
  let keptAs: string | undefined;
  if (exists) {
    keptAs = `${target}.before-restore-${new Date(options.now ?? Date.now()).toISOString().replace(/[:.]/g, "-")}`;
    renameSync(target, keptAs);
    // The WAL belongs to the file it was written for: it goes with it, or it would be replayed
    // onto the restored one.
    if (existsSync(`${target}-wal`)) renameSync(`${target}-wal`, `${keptAs}-wal`);
    rmSync(`${target}-shm`, { force: true });
  }
  renameSync(restoring, target);
  return keptAs === undefined ? summary : { ...summary, keptAs };
}

/** Opens a Convo database read-only and checks it whole; what it holds, or a BackupError. */
export function checkDatabase(path: string): DatabaseSummary {
  const db = openReadable(path);
  try {
    let integrity: unknown;
    try {
      integrity = db.pragma("integrity_check", { simple: true });
    } catch (error) {
      throw new BackupError(`${path} is not a SQLite database (${message(error)}).`);
    }
    if (integrity !== "ok") {
      throw new BackupError(`${path} is damaged: integrity_check says ${String(integrity)}.`);
    }
    const table = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'migrations'")
      .get();
    if (!table) throw new BackupError(`${path} is a SQLite file, but not a Convo database.`);
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    const version = count("SELECT coalesce(MAX(version), 0) FROM migrations");
    if (version > MIGRATIONS.length) {
      throw new BackupError(
        `${path} was written by a newer Convo (schema ${version}, this one knows ${MIGRATIONS.length}).`,
      );
    }
    return {
      version,
      flows: count("SELECT count(*) FROM flows"),
      contacts: count("SELECT count(*) FROM contacts"),
      inbox: count("SELECT count(*) FROM inbox"),
      bytes: count("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"),
    };
  } finally {
    db.close();
  }
}

/** SQLite's backup API from `source` into a new file `into`; nothing is left of it on failure. */
async function copyPages(source: string, into: string, what: string): Promise<void> {
  rmSync(into, { force: true });
  const db = openReadable(source);
  try {
    await db.backup(into, { progress: () => ALL_PAGES });
  } catch (error) {
    rmSync(into, { force: true });
    throw new BackupError(`${what} failed: ${message(error)}`);
  } finally {
    db.close();
  }
}

function openReadable(path: string): Database.Database {
  try {
    return new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`Cannot open ${path}: ${message(error)}`);
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
