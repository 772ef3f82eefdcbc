import { afterAll, beforeAll } from "vitest";
import { createTestDatabase } from "../../../test/postgres";
import { describeStoreContract } from "../contract";
import type { Store } from "../store";
import { PostgresStore } from "./postgres-store";

/** This file's database; each store empties it first, as a new database would be. */
let db: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  db = await createTestDatabase("contract");
});
afterAll(async () => {
  await db?.drop();
});

const TABLES = [
  "settings",
  "flows",
  "flow_versions",
  "contacts",
  "sessions",
  "inbox",
  "outbox",
  "timers",
  "transcript",
  "counters",
  "send_rate",
  "people",
  "account_sessions",
  "invites",
  "sign_in_failures",
  "conversations",
  "conversation_notes",
  "conversation_reads",
];
// Not `audit_log`: its rows cannot be deleted (the contract's audit tests use actors of their own).

describeStoreContract("PostgreSQL", () => ({
  open: async () => {
    const store = await PostgresStore.open(db.url, { leaseMs: 2_000, poolSize: 4 });
    // DELETE, not TRUNCATE: a few rows each, and TRUNCATE makes new files (some 200 ms).
    await store.pool.query(TABLES.map((t) => `DELETE FROM ${t};`).join(""));
    return store;
  },
  reopen: async (store: Store) => {
    await store.close();
    return PostgresStore.open(db.url, { leaseMs: 2_000, poolSize: 4 });
  },
  dispose: async (store: Store) => {
    await store.close();
  },
}));
