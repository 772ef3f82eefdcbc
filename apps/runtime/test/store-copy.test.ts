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

/** What the events API keeps for a brand: a key, an event, an id, an endpoint and a delivery. */
async function brandRows(file: string): Promise<void> {
  const store = new SqliteStore(file);
  const now = Date.now();
  await store.keys.create({
    id: "ck_shop",
    name: "shop",
    scopes: ["events:write"],
    hash: "ab",
    createdAt: now,
  });
  await store.externalIds.link("ana", "external", "A1", now);
  await store.events.accept(
    [
      {
        event: {
          id: "evt_1",
          idempotencyKey: "k1",
          name: "order.shipped",
          contact: { externalId: "A1" },
          psid: "ana",
          data: { order_id: "A1" },
        },
        // Recorded, not stepped: the copies answer the next message as the original does.
        inbox: {
          dedupeKey: "event:evt_1",
          psid: "ana",
          kind: "event",
          event: {
            source: "runtime",
            event: { type: "event", name: "order.shipped", data: {} },
            brandEventId: "evt_1",
          },
          actionable: false,
        },
      },
    ],
    now,
  );
  await store.webhooks.createEndpoint({
    id: "we_1",
    url: "https://crm.example.com/hook",
    events: ["*"],
    secret: "s",
    createdAt: now,
  });
  await store.webhooks.enqueue(
    [{ id: "ev_1", type: "contact.created", body: '{"id":"ev_1"}' }],
    now,
  );
  // The team and its audit log move with the rest.
  await store.people.create({
    id: "p_1",
    email: "olivia@example.com",
    name: "Olivia",
    role: "owner",
    passwordHash: "scrypt$N=32768,r=8,p=1$c2FsdA$aGFzaA",
    createdAt: now,
  });
  await store.audit.append({
    at: now,
    actor: { id: "p_1", name: "Olivia", kind: "person" },
    action: "flow.publish",
    target: "welcome",
    detail: { version: 2 },
    ip: "127.0.0.1",
  });
  await store.close();
}

describe("convo store copy", () => {
  it("moves a brand's data to PostgreSQL and back; the counts match and the flow answers the same", {
    timeout: 120_000,
  }, async () => {
    const source = join(dir, "convo.db");
    let rt = await startRuntime(env({ CONVO_DB: source }));
    expect(await answers(rt, "ana", "hello")).not.toEqual([]);
    await rt.api("POST", "/api/flows/welcome/publish", { note: "again" });
    await rt.stop();
    await brandRows(source);
    const counts = sqliteCounts(source);
    expect(counts.contacts).toBe(1);
    expect(counts.transcript).toBeGreaterThan(1);
    for (const table of [
      "api_keys",
      "brand_events",
      "external_ids",
      "webhook_deliveries",
      "people",
    ]) {
      expect([table, counts[table]]).toEqual([table, 1]);
    }

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
    // The documents came through both ways as documents, the secret and digest as written.
    const returned = new SqliteStore(back);
    expect(await returned.audit.list({ actor: "p_1", limit: 5 })).toMatchObject([
      { action: "flow.publish", detail: { version: 2 }, actor: { name: "Olivia" } },
    ]);
    expect((await returned.people.credentials("olivia@example.com"))?.passwordHash).toMatch(
      /^scrypt\$/,
    );
    expect(await returned.events.get("evt_1")).toMatchObject({
      contact: { externalId: "A1" },
      data: { order_id: "A1" },
      messageIds: [],
    });
    expect(await returned.keys.find("ck_shop")).toMatchObject({
      hash: "ab",
      scopes: ["events:write"],
    });
    expect(await returned.webhooks.endpoints()).toMatchObject([{ id: "we_1", events: ["*"] }]);
    expect(await returned.webhooks.secretOf("we_1")).toBe("s");
    expect(await returned.externalIds.find("external", "A1")).toBe("ana");
    await returned.close();

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
    store.database.exec("CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
    store.database.prepare("INSERT INTO accounts (name) VALUES ('shop')").run();
    await store.close();
    const target = await createTestDatabase("copy_newer");
    try {
      const result = storeCopy(file, target.url);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/no table for accounts/);
      const [row] = await queryDb<{ n: number }>(target.url, "SELECT count(*) AS n FROM flows");
      expect(Number(row?.n)).toBe(0);
    } finally {
      await target.drop();
    }
  });
});
