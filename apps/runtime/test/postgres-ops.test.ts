import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PgDatabase } from "../src/store/postgres/database";
import { startRuntime, type TestRuntime } from "./helpers";
import { APP_SECRET, postWebhook, textItem, waitFor, webhookBody } from "./messenger";
import { createTestDatabase, postgresServerUrl } from "./postgres";

/** A runtime on PostgreSQL in this process: what operations see of the database. */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let rt: TestRuntime;

beforeEach(async () => {
  database = await createTestDatabase("ops");
  rt = await startRuntime({
    CONVO_DATABASE_URL: database.url,
    CONVO_REPLICA_LEASE_SECONDS: "1",
    MESSENGER_APP_SECRET: APP_SECRET,
  });
});
afterEach(async () => {
  await rt?.stop();
  await database?.drop();
});

/** Runs `sql` as the server's owner (outside the runtime's database). */
async function asOwner(sql: string, url = postgresServerUrl()): Promise<{ n?: number }[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

const ready = async () => (await fetch(`${rt.url}/readyz`)).status;

describe("a runtime on PostgreSQL", () => {
  it("keeps what the webhook takes in it, and is not ready while it cannot reach it", async () => {
    const body = webhookBody([textItem("ops-1", "hello")]);
    expect((await postWebhook(rt.url, body)).status).toBe(200);
    const rows = await asOwner("SELECT count(*)::int AS n FROM inbox", database.url);
    expect(rows[0]?.n).toBe(1);
    expect(await ready()).toBe(200);
    const name = database.name;
    // The database refuses every connection: the heartbeat fails, the lease runs out.
    await asOwner(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
    await asOwner(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`,
    );
    await waitFor(async () => ((await ready()) === 503 ? true : undefined), "not ready", 10_000);
    await asOwner(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
    await waitFor(async () => ((await ready()) === 200 ? true : undefined), "ready again", 10_000);
  });

  it("shows its pool and the rows it holds in /metrics", async () => {
    const text = await (await fetch(`${rt.url}/metrics`)).text();
    expect(text).toMatch(/^convo_db_pool_connections\{state="total"\} [1-9]/m);
    expect(text).toMatch(/^convo_replicas_alive 1$/m);
    expect(text).toMatch(/^convo_leases_held\{queue="inbox"\} 0$/m);
    expect(text).toMatch(/^convo_leases_orphaned\{queue="outbox"\} 0$/m);
  });
});

describe("the runtime's connections to PostgreSQL", () => {
  it("survive the server ending a transaction's connection: the transaction fails, the process goes on", async () => {
    const db = new PgDatabase(database.url, { leaseMs: 30_000, poolSize: 2 });
    await db.open();
    try {
      const held = db
        .tx((q) => q.query("SELECT pg_sleep(30)"))
        .then(
          () => "committed",
          (error: Error) => error.message,
        );
      await waitFor(
        async () =>
          (
            await asOwner(
              `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = '${database.name}' AND query LIKE 'SELECT pg_sleep%'`,
            )
          )[0]?.n === 1 || undefined,
        "the transaction running",
        10_000,
      );
      await asOwner(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database.name}' AND query LIKE 'SELECT pg_sleep%'`,
      );
      expect(await held).toMatch(/terminat/);
      // The pool hands out a working connection again.
      expect((await db.pool.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });
});
