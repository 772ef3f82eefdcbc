import type Database from "better-sqlite3";
import type pg from "pg";
import { PostgresStore } from "./postgres/postgres-store";
import { SqliteStore } from "./sqlite/sqlite-store";

/** Bookkeeping of one store, never copied: migrations, replicas alive, the send-rate bucket. */
const NOT_DATA = new Set(["migrations", "replicas", "send_rate", "sqlite_sequence"]);
const BATCH = 2_000;

type Row = Record<string, unknown>;

/** One side of a copy: its tables and columns, rows read in batches, rows written. */
interface Side {
  /** Table → column → kind ("json", "bool" or "plain"). */
  tables(): Promise<Map<string, Map<string, "json" | "bool" | "plain">>>;
  count(table: string): Promise<number>;
  read(table: string, columns: readonly string[]): AsyncIterable<Row[]>;
  write(table: string, columns: readonly string[], rows: Row[]): Promise<void>;
  /** After the rows, before the commit: ids given from now on come after the copied ones. */
  written(tables: readonly string[]): Promise<void>;
  /** Reads from one snapshot, writes in one transaction. */
  begin(mode: "read" | "write"): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  close(): Promise<void>;
}

export const isPostgresUrl = (where: string) => /^postgres(ql)?:\/\//.test(where);

/** The store at `where` (a SQLite file or a postgres:// URL), migrated to the current schema. */
async function openSide(where: string): Promise<Side> {
  if (isPostgresUrl(where)) {
    const store = await PostgresStore.open(where, { poolSize: 2 });
    return postgresSide(store);
  }
  const store = new SqliteStore(where);
  return sqliteSide(store);
}

function sqliteSide(store: SqliteStore): Side {
  const db: Database.Database = store.database;
  return {
    async tables() {
      const out = new Map<string, Map<string, "json" | "bool" | "plain">>();
      const names = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .pluck()
        .all() as string[];
      for (const name of names) {
        const cols = db.prepare(`PRAGMA table_info(${name})`).all() as { name: string }[];
        out.set(name, new Map(cols.map((c) => [c.name, "plain" as const])));
      }
      return out;
    },
    async count(table) {
      return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    },
    async *read(table, columns) {
      let batch: Row[] = [];
      for (const row of db.prepare(`SELECT ${columns.join(", ")} FROM ${table}`).iterate()) {
        batch.push(row as Row);
        if (batch.length >= BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    },
    async write(table, columns, rows) {
      const insert = db.prepare(
        `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
      );
      for (const row of rows) insert.run(...columns.map((c) => toSqlite(row[c])));
    },
    // SQLite's AUTOINCREMENT follows the largest id inserted, given or not.
    async written() {},
    async begin() {
      db.exec("BEGIN");
    },
    async commit() {
      db.exec("COMMIT");
    },
    async rollback() {
      if (db.inTransaction) db.exec("ROLLBACK");
    },
    close: () => store.close(),
  };
}

/** A PostgreSQL value as SQLite keeps it: documents as JSON text, booleans as 0 or 1. */
function toSqlite(value: unknown): unknown {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  return value;
}

function postgresSide(store: PostgresStore): Side {
  let client: pg.PoolClient | undefined;
  const q = () => client ?? store.pool;
  return {
    async tables() {
      const { rows } = await q().query<{ t: string; c: string; type: string }>(
        `SELECT table_name AS t, column_name AS c, data_type AS type FROM information_schema.columns
         WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
      );
      const out = new Map<string, Map<string, "json" | "bool" | "plain">>();
      for (const r of rows) {
        const kind = r.type.startsWith("json") ? "json" : r.type === "boolean" ? "bool" : "plain";
        if (!out.has(r.t)) out.set(r.t, new Map());
        out.get(r.t)?.set(r.c, kind);
      }
      return out;
    },
    async count(table) {
      const { rows } = await q().query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
      return rows[0]?.n ?? 0;
    },
    async *read(table, columns) {
      // A cursor in the snapshot of `begin("read")`: batches without sorting the table.
      await q().query(
        `DECLARE copy_${table} NO SCROLL CURSOR FOR SELECT ${columns.join(", ")} FROM ${table}`,
      );
      try {
        for (;;) {
          const { rows } = await q().query<Row>(`FETCH ${BATCH} FROM copy_${table}`);
          if (rows.length > 0) yield rows;
          if (rows.length < BATCH) return;
        }
      } finally {
        await q().query(`CLOSE copy_${table}`);
      }
    },
    async write(table, columns, rows) {
      // One statement a batch: the rows as one JSON document, typed by the table's own columns.
      await q().query(
        `INSERT INTO ${table} (${columns.join(", ")}) OVERRIDING SYSTEM VALUE
         SELECT ${columns.join(", ")} FROM json_populate_recordset(NULL::${table}, $1)`,
        [JSON.stringify(rows)],
      );
    },
    async written(tables) {
      const { rows } = await q().query<{ t: string }>(
        `SELECT table_name AS t FROM information_schema.columns
         WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES'`,
      );
      const identity = new Set(rows.map((r) => r.t));
      for (const table of tables.filter((t) => identity.has(t))) {
        await q().query(
          `SELECT setval(s, GREATEST((SELECT MAX(id) FROM ${table}), 1)) FROM pg_get_serial_sequence($1, 'id') AS s WHERE s IS NOT NULL`,
          [table],
        );
      }
    },
    async begin(mode) {
      client = await store.pool.connect();
      await client.query(
        mode === "read" ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN",
      );
    },
    async commit() {
      await client?.query("COMMIT");
      client?.release();
      client = undefined;
    },
    async rollback() {
      await client?.query("ROLLBACK").catch(() => {});
      client?.release();
      client = undefined;
    },
    close: () => store.close(),
  };
}

export interface CopyReport {
  /** Rows per table, equal on both sides once copied. */
  tables: { table: string; rows: number }[];
}

/**
 * Copies every row of one store to another, empty one (SQLite to PostgreSQL or back): the tables
 * both schemas have, the columns both have, in one transaction on the target, then checks that
 * every table holds as many rows on both sides. Run it with the runtimes stopped.
 */
export async function copyStore(from: string, to: string): Promise<CopyReport> {
  const source = await openSide(from);
  let target: Side | undefined;
  try {
    target = await openSide(to);
    const [fromTables, toTables] = [await source.tables(), await target.tables()];
    const names = [...fromTables.keys()].filter((t) => toTables.has(t) && !NOT_DATA.has(t)).sort();
    // Rows the target has no table for would be left behind: refused, never dropped in silence.
    const orphans: string[] = [];
    for (const t of fromTables.keys()) {
      if (!toTables.has(t) && !NOT_DATA.has(t) && (await source.count(t)) > 0) orphans.push(t);
    }
    if (orphans.length > 0) {
      throw new Error(
        `the target's schema has no table for ${orphans.join(", ")}: its store does not keep them yet`,
      );
    }
    for (const name of names) {
      if ((await target.count(name)) > 0) {
        throw new Error(`the target is not empty: ${name} has rows (copy into a new database)`);
      }
    }
    const report: CopyReport = { tables: [] };
    await source.begin("read");
    await target.begin("write");
    try {
      for (const name of names) {
        const targetColumns = toTables.get(name) as Map<string, "json" | "bool" | "plain">;
        const columns = [...(fromTables.get(name)?.keys() ?? [])].filter((c) =>
          targetColumns.has(c),
        );
        const json = columns.filter((c) => targetColumns.get(c) === "json");
        let rows = 0;
        for await (const batch of source.read(name, columns)) {
          // SQLite keeps documents as text: PostgreSQL's JSON columns take them as documents.
          if (json.length > 0) {
            for (const row of batch) {
              for (const c of json) {
                if (typeof row[c] === "string") row[c] = JSON.parse(row[c] as string);
              }
            }
          }
          await target.write(name, columns, batch);
          rows += batch.length;
        }
        report.tables.push({ table: name, rows });
      }
      await target.written(names);
      await target.commit();
    } catch (error) {
      await target.rollback();
      throw error;
    } finally {
      await source.commit().catch(() => {});
    }
    const wrong: string[] = [];
    for (const { table, rows } of report.tables) {
      const [a, b] = [await source.count(table), await target.count(table)];
      if (a !== rows || b !== rows) wrong.push(`${table}: ${a} in the source, ${b} copied`);
    }
    if (wrong.length > 0) throw new Error(`the counts differ:\n  ${wrong.join("\n  ")}`);
    return report;
  } finally {
    await target?.close();
    await source.close();
  }
}
