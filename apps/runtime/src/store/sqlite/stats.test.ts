import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SqliteDatabase } from "./database";
import { AI_TOKENS_SQL, SqliteStats } from "./stats";

let dir: string;
let sql: SqliteDatabase;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "convo-stats-"));
  sql = new SqliteDatabase(join(dir, "convo.db"), 0);
});
afterEach(() => {
  sql.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the month's AI tokens (the budget, before each model call)", () => {
  it("are summed from the tokens' own index, not a scan of every counter", async () => {
    // A year of a busy runtime's counters, a few of them tokens, as the planner would see it.
    sql.db.exec(`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
      INSERT INTO counters (flow_id, version, node_id, handle, day, count)
      SELECT 'f' || (i % 40), 1, 'n' || i, CASE WHEN i % 100 = 0 THEN '$tokens' ELSE 'next' END,
             19000 + (i % 365), 3 FROM n;
      ANALYZE;`);
    const plan = sql.db.prepare(`EXPLAIN QUERY PLAN ${AI_TOKENS_SQL}`).all(19300, 19330) as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join("\n")).toMatch(/USING COVERING INDEX counters_tokens/);
    const stats = new SqliteStats(sql);
    const expected = sql.db
      .prepare(
        "SELECT SUM(count) AS n FROM counters WHERE handle = '$tokens' AND day BETWEEN 19300 AND 19330",
      )
      .get() as { n: number };
    expect(await stats.aiTokens(19300, 19330)).toBe(expected.n);
    expect(expected.n).toBeGreaterThan(0);
  });
});
