import pg from "pg";
import { expect, it } from "vitest";
import { createTestDatabase } from "./postgres";

it("gives each test file a PostgreSQL database of its own, on a real server", async () => {
  const a = await createTestDatabase();
  const b = await createTestDatabase();
  const query = async (url: string, sql: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query(sql)).rows;
    } finally {
      await c.end();
    }
  };
  expect((await query(a.url, "SHOW server_version"))[0].server_version).toMatch(/^18\./);
  await query(a.url, "CREATE TABLE only_in_a (x int)");
  const tables = "SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'only_in_a'";
  expect((await query(a.url, tables))[0].n).toBe(1);
  expect((await query(b.url, tables))[0].n).toBe(0);
  await a.drop();
  await b.drop();
});
