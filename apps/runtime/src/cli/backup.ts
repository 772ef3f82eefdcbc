import { existsSync } from "node:fs";
import { loadConfig } from "../config";
import {
  BackupError,
  backupDatabase,
  type DatabaseSummary,
  restoreDatabase,
} from "../store/sqlite/backup";

export const BACKUP_USAGE = `usage: convo backup <file> [--db <database>] [--force]
       convo restore <file> [--db <database>] [--force]

  backup   copies the database (CONVO_DB, or --db) to <file> while the runtime serves
  restore  replaces the database with the backup <file>; the runtime must be stopped, and an
           existing database is replaced only with --force (it is kept beside, never deleted)
`;

interface Args {
  file: string;
  db: string;
  force: boolean;
}

function parseArgs(args: readonly string[]): Args {
  let file: string | undefined;
  let db: string | undefined;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--") continue;
    if (arg === "--force") force = true;
    else if (arg === "--db") db = args[++i];
    else if (arg.startsWith("--db=")) db = arg.slice("--db=".length);
    else if (arg.startsWith("-")) throw new BackupError(`unknown option "${arg}"`);
    else if (file === undefined) file = arg;
    else throw new BackupError(`one file only, not "${arg}" too`);
  }
  if (!file) throw new BackupError("name the backup file");
  if (db === undefined) {
    // The database the runtime uses: CONVO_DB from the environment or .env, as `serve` reads it.
    if (existsSync(".env")) process.loadEnvFile(".env");
    db = loadConfig(process.env).dbPath;
  }
  if (db === "" || db === ":memory:") throw new BackupError("--db needs a database file");
  return { file, db, force };
}

const describe = (s: DatabaseSummary) =>
  `schema ${s.version}, ${s.flows} flows, ${s.contacts} contacts, ${s.inbox} inbox events, ${(s.bytes / 2 ** 20).toFixed(1)} MB`;

/** `convo backup` and `convo restore`: 0 done, 1 refused or failed (the reason on stderr). */
export async function runBackupCommand(
  command: "backup" | "restore",
  args: readonly string[],
): Promise<number> {
  if (args.includes("--help")) {
    process.stdout.write(BACKUP_USAGE);
    return 0;
  }
  try {
    const { file, db, force } = parseArgs(args);
    if (command === "backup") {
      const summary = await backupDatabase(db, file, { force });
      process.stdout.write(`backed up ${db} to ${file} (${describe(summary)}), integrity ok\n`);
    } else {
      const summary = await restoreDatabase(file, db, { force });
      process.stdout.write(`restored ${file} to ${db} (${describe(summary)})\n`);
      if (summary.keptAs) process.stdout.write(`the database it replaced is ${summary.keptAs}\n`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    process.stderr.write(`convo ${command}: ${error.message}\n`);
    return 1;
  }
}
