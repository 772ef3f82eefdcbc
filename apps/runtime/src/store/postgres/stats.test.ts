import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/postgres";
import { PostgresStore } from "./postgres-store";
import { AI_TOKENS_SQL } from "./stats";

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let store: PostgresStore;
beforeAll(async () => {
  db = await createTestDatabase("stats");
  store = await PostgresStore.open(db.url, { leaseMs: 2_000, poolSize: 2 });
});
afterAll(async () => {
  await store?.close();
  await db?.drop();
});

describe("the month's AI tokens (the budget, before each model call)", () => {
  it("are summed from the tokens' own index, not a scan of every counter", async () => {
    // A year of a busy runtime's counters, a few of them tokens, as the planner would see it.
    await store.pool.query(`
      INSERT INTO counters (flow_id, version, node_id, handle, day, count)
      SELECT 'f' || (i % 40), 1, 'n' || i,
             CASE WHEN i % 100 = 0 THEN '$tokens' ELSE 'next' END, 19000 + (i % 365), 3
      FROM generate_series(1, 20000) AS i;
      ANALYZE counters;`);
    const { rows } = await store.pool.query<{ "QUERY PLAN": string }>(
      `EXPLAIN ${AI_TOKENS_SQL}`,
      [19300, 19330],
    );
    // An index-only scan once vacuumed; a bitmap scan of the same index before.
    expect(rows.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(
      /(Index Only Scan using|Index Scan using|Bitmap Index Scan on) counters_tokens/,
    );
    const { rows: sum } = await store.pool.query<{ n: string }>(
      "SELECT SUM(count) AS n FROM counters WHERE handle = '$tokens' AND day BETWEEN 19300 AND 19330",
    );
    expect(await store.stats.aiTokens(19300, 19330)).toBe(Number(sum[0]?.n));
    expect(Number(sum[0]?.n)).toBeGreaterThan(0);
  });
});
