import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningGraphEmulator, startGraphEmulator } from "@convo/messenger";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../src/store/sqlite/sqlite-store";
import { startRuntime, type TestRuntime } from "./helpers";
import {
  APP_SECRET,
  messageText,
  PAGE_TOKEN,
  postWebhook,
  sentMessages,
  textItem,
  waitFor,
  webhookBody,
} from "./messenger";
import { createTestDatabase } from "./postgres";
import { queryDb } from "./replica-cluster";
import { FROM_BUILD } from "./serve";

/** `convo store copy`: SQLite → PostgreSQL → SQLite, counts checked, a flow answering the same. */
let graph: RunningGraphEmulator;
let dir: string;
let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  graph = await startGraphEmulator({ appSecret: APP_SECRET, pageToken: PAGE_TOKEN });
  graph.profiles.set("ana", { first_name: "Ana", last_name: "Lopez", locale: "en_US" });
  dir = mkdtempSync(join(tmpdir(), "convo-copy-"));
  database = await createTestDatabase("copy");
});
afterAll(async () => {
  await graph?.close();
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

const env = (store: Record<string, string>) => ({
  MESSENGER_APP_SECRET: APP_SECRET,
  MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
  GRAPH_API_URL: graph.url,
  ...store,
});

/** What the runtime answers `text` from a contact: its replies' texts. */
async function answers(rt: TestRuntime, psid: string, text: string): Promise<string[]> {
  const before = sentMessages(graph.calls, psid).length;
  expect((await postWebhook(rt.url, webhookBody([textItem(psid, text)]))).status).toBe(200);
  const replies = await waitFor(() => {
    const found = sentMessages(graph.calls, psid).slice(before);
    return found.length > 0 ? found : undefined;
  }, `an answer to ${psid}`);
  // The rest of a multi-message answer, if any.
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(replies.length).toBeGreaterThan(0);
  return sentMessages(graph.calls, psid)
    .slice(before)
    .map((m) => messageText(m));
}

/** `npm run convo -- store copy` as people run it: the built command line. */
function storeCopy(from: string, to: string) {
  return spawnSync(process.execPath, [...FROM_BUILD, "store", "copy", "--from", from, "--to", to], {
    cwd: join(import.meta.dirname, ".."),
    encoding: "utf8",
  });
}

const sqliteCounts = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('migrations', 'sqlite_sequence')",
      )
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      tables.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]),
    );
  } finally {
    db.close();
  }
};

describe("convo store copy", () => {
  it("moves a brand's data to PostgreSQL and back; the counts match and the flow answers the same", {
    timeout: 120_000,
  }, async () => {
    const source = join(dir, "convo.db");
    let rt = await startRuntime(env({ CONVO_DB: source }));
    expect(await answers(rt, "ana", "hello")).not.toEqual([]);
    await rt.api("POST", "/api/flows/welcome/publish", { note: "again" });
    await rt.stop();
    const counts = sqliteCounts(source);
    expect(counts.contacts).toBe(1);
    expect(counts.transcript).toBeGreaterThan(1);

    const there = storeCopy(source, database.url);
    expect(there.stderr).toBe("");
    expect(there.status).toBe(0);
    expect(there.stdout).toMatch(/the counts match/);
    expect(there.stdout).not.toContain("convo-test");
    for (const [table, n] of Object.entries(counts)) {
      const [row] = await queryDb<{ n: number }>(
        database.url,
        `SELECT count(*) AS n FROM ${table}`,
      );
      expect([table, Number(row?.n)]).toEqual([table, n]);
    }
    // A second copy into the same database is refused: it is not empty.
    const again = storeCopy(source, database.url);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/not empty/);

    const back = join(dir, "back.db");
    const home = storeCopy(database.url, back);
    expect(home.stderr).toBe("");
    expect(home.status).toBe(0);
    expect(sqliteCounts(back)).toEqual(counts);

    // Each copy answers the next message as the original does: same flows, contact and state.
    const next: string[][] = [];
    const stores: Record<string, string>[] = [
      { CONVO_DB: source },
      { CONVO_DATABASE_URL: database.url },
      { CONVO_DB: back },
    ];
    for (const store of stores) {
      rt = await startRuntime(env(store));
      next.push(await answers(rt, "ana", "hello again"));
      await rt.stop();
    }
    expect(next[0]).not.toEqual([]);
    expect(next[1]).toEqual(next[0]);
    expect(next[2]).toEqual(next[0]);
  });

  it("refuses to leave rows behind: a table the target's schema lacks stops the copy", async () => {
    const file = join(dir, "newer.db");
    const store = new SqliteStore(file);
    store.database.exec("CREATE TABLE api_keys (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
    store.database.prepare("INSERT INTO api_keys (name) VALUES ('shop')").run();
    await store.close();
    const target = await createTestDatabase("copy_newer");
    try {
      const result = storeCopy(file, target.url);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/no table for api_keys/);
      const [row] = await queryDb<{ n: number }>(target.url, "SELECT count(*) AS n FROM flows");
      expect(Number(row?.n)).toBe(0);
    } finally {
      await target.drop();
    }
  });
});
