import { randomBytes } from "node:crypto";
import pg from "pg";
import { MIGRATIONS } from "./migrations";

/** A connection or the pool: what the modules' statements run on. */
export type Queryable = Pick<pg.PoolClient, "query">;

const names = new Map<string, string>();

/**
 * Runs `text` as a named (server-side prepared) statement: planned once per connection instead of
 * at every call, which is most of what a short statement costs PostgreSQL. The modules' statements
 * are fixed texts (the contact list's filters make a few more), so the names stay few.
 */
export function prepared<R extends pg.QueryResultRow>(
  q: Queryable,
  text: string,
  values: unknown[] = [],
): Promise<pg.QueryResult<R>> {
  let name = names.get(text);
  if (name === undefined) {
    name = `convo_${names.size + 1}`;
    names.set(text, name);
  }
  return q.query<R>({ name, text, values });
}

/** Any one number for the whole schema: the lock replicas migrate (and seed) under. */
const MIGRATION_LOCK = 0x636f6e76; // "conv"
/** The channel replicas wake each other on (see `PgDatabase.onWake`). */
export const WAKE_CHANNEL = "convo_wake";
/** The channel the inbox's live news crosses between replicas on (see `PgDatabase.onNews`). */
export const NEWS_CHANNEL = "convo_inbox_news";

/** BIGINT (int8) and NUMERIC as numbers: ids, times and counts all fit in 2^53. */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as "text");
  },
};

export interface PgOptions {
  /** A replica whose heartbeat is older than this is dead; what it held is taken over. */
  leaseMs: number;
  /** Connections in the pool. */
  poolSize: number;
  /** Runs once the schema is current, still under the start lock (the seed of a fresh database). */
  underStartLock?: () => Promise<void>;
}

/**
 * One PostgreSQL database: a pool, the migrations applied at start under an advisory lock (so
 * replicas starting together migrate once), this process's replica id and heartbeat, and a
 * listening connection for the wake-ups other replicas send it.
 */
export class PgDatabase {
  readonly pool: pg.Pool;
  /** This process, as its rows in hand name it. */
  readonly replicaId = `${process.pid}-${randomBytes(6).toString("hex")}`;
  #heartbeat: NodeJS.Timeout | undefined;
  #lastBeat = 0;
  #listener: pg.Client | undefined;
  #wake = new Set<(queue: string, psid: string) => void>();
  #news = new Set<(payload: string) => void>();
  #open = false;
  /** Heartbeats that failed in a row (the database is unreachable). */
  beatFailures = 0;

  constructor(
    readonly url: string,
    readonly options: PgOptions,
  ) {
    this.pool = new pg.Pool({ connectionString: url, max: options.poolSize, types });
    // A dropped idle connection is replaced by the pool; it must not crash the process.
    this.pool.on("error", () => {});
    // Nor a connection dropped while checked out (the pool listens to idle ones only): its query
    // rejects, which the caller handles, and the pool drops it when it is released. Without this,
    // a database restart while a transaction runs killed the runtime (test/postgres-ops.test.ts).
    this.pool.on("connect", (client) => client.on("error", () => {}));
  }

  /** Migrates, registers this replica, starts its heartbeat and the wake-up listener. */
  async open(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
      try {
        await migrate(client);
        await this.options.underStartLock?.();
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
      }
    } finally {
      client.release();
    }
    await this.pool.query("INSERT INTO replicas (id) VALUES ($1)", [this.replicaId]);
    this.#lastBeat = Date.now();
    this.#open = true;
    const every = Math.max(50, Math.floor(this.options.leaseMs / 3));
    this.#heartbeat = setInterval(() => void this.#beat(), every);
    this.#heartbeat.unref();
    await this.#listen();
  }

  async #beat(): Promise<void> {
    try {
      await this.pool.query(
        `INSERT INTO replicas (id) VALUES ($1)
         ON CONFLICT (id) DO UPDATE SET heartbeat_at = now()`,
        [this.replicaId],
      );
      this.#lastBeat = Date.now();
      this.beatFailures = 0;
    } catch {
      this.beatFailures++;
    }
  }

  async #listen(): Promise<void> {
    if (!this.#open) return;
    const client = new pg.Client({ connectionString: this.url, types });
    client.on("notification", (n) => {
      if (n.channel === NEWS_CHANNEL) {
        for (const listener of this.#news) listener(n.payload ?? "");
        return;
      }
      const [queue, owner, psid] = (n.payload ?? "").split(" ", 3);
      if ((owner !== this.replicaId && owner !== "*") || !queue || !psid) return;
      for (const listener of this.#wake) listener(queue, psid);
    });
    // Lost: listen again in a second; the periodic scans cover the gap.
    const retry = () => {
      if (this.#listener === client) this.#listener = undefined;
      client.removeAllListeners("error");
      client.on("error", () => {});
      setTimeout(() => void this.#listen(), 1000).unref();
    };
    client.once("error", retry);
    try {
      await client.connect();
      await client.query(`LISTEN ${WAKE_CHANNEL}`);
      await client.query(`LISTEN ${NEWS_CHANNEL}`);
      this.#listener = client;
    } catch {
      void client.end().catch(() => {});
      retry();
    }
  }

  /** Another replica found work this one holds: `queue` is "inbox" or "outbox". */
  onWake(listener: (queue: string, psid: string) => void): () => void {
    this.#wake.add(listener);
    return () => this.#wake.delete(listener);
  }

  /** News for the inbox from any replica (this one's too). */
  onNews(listener: (payload: string) => void): () => void {
    this.#news.add(listener);
    return () => this.#news.delete(listener);
  }

  /** Tells every replica's inbox (this one's too); NOTIFY takes under 8,000 bytes. */
  async publishNews(payload: string): Promise<void> {
    await this.pool.query("SELECT pg_notify($1, $2)", [NEWS_CHANNEL, payload]);
  }

  /** Tells every replica (this one too): `queue * -`. */
  async broadcast(queue: string): Promise<void> {
    await this.pool.query("SELECT pg_notify($1, $2)", [WAKE_CHANNEL, `${queue} * -`]);
  }

  /** Open, and its heartbeat reached the database within the lease. */
  get healthy(): boolean {
    return this.#open && Date.now() - this.#lastBeat < this.options.leaseMs;
  }

  /** Runs `fn` in one transaction on one connection; rolled back if it throws. */
  async tx<T>(fn: (q: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const value = await fn(client);
      await client.query("COMMIT");
      return value;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /** Leaves the replicas (what it still held is anyone's at once), then closes every connection. */
  async close(): Promise<void> {
    if (!this.#open) return;
    this.#open = false;
    clearInterval(this.#heartbeat);
    const listener = this.#listener;
    this.#listener = undefined;
    await listener?.end().catch(() => {});
    await this.pool.query("DELETE FROM replicas WHERE id = $1", [this.replicaId]).catch(() => {});
    await this.pool.end();
  }
}

/** Applies the migrations not yet in the `migrations` table, each in its own transaction. */
export async function migrate(client: pg.PoolClient): Promise<number> {
  await client.query(
    "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
  );
  const { rows } = await client.query<{ v: number | null }>(
    "SELECT MAX(version) AS v FROM migrations",
  );
  const done = rows[0]?.v ?? 0;
  for (let v = done; v < MIGRATIONS.length; v++) {
    await client.query("BEGIN");
    try {
      await client.query(MIGRATIONS[v] as string);
      await client.query("INSERT INTO migrations (version) VALUES ($1)", [v + 1]);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  }
  return MIGRATIONS.length - done;
}

/** SQL true when the replica `owner` (a column or parameter) has a heartbeat within the lease. */
export const alive = (owner: string, leaseParam: string) =>
  `EXISTS (SELECT 1 FROM replicas r WHERE r.id = ${owner}
    AND r.heartbeat_at > now() - ${leaseParam}::bigint * interval '1 millisecond')`;
