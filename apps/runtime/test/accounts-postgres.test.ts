import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresStore } from "../src/store/postgres/postgres-store";
import { startRuntime, type TestRuntime } from "./helpers";
import { Browser, invited, PASSWORD, setUpOwner } from "./people";
import { createTestDatabase } from "./postgres";

/** The same accounts on PostgreSQL, through the API: setup, invites, removal, the audit log. */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let rt: TestRuntime;

beforeAll(async () => {
  database = await createTestDatabase("accounts");
  rt = await startRuntime({ CONVO_DATABASE_URL: database.url });
});
afterAll(async () => {
  await rt?.stop();
  await database?.drop();
});

describe("accounts on PostgreSQL", () => {
  it("set up the owner, invite, sign in, remove, and keep the audit log append-only", async () => {
    const { owner } = await setUpOwner(rt.url, rt.setupLink);
    const agent = await invited(owner, "ada@example.com", "agent", "Ada");
    expect((await agent.browser.call("GET", "/api/contacts")).status).toBe(200);
    expect((await agent.browser.call("GET", "/api/flows")).status).toBe(403);
    const again = new Browser(rt.url);
    expect((await again.signIn("ADA@example.com", PASSWORD)).status).toBe(200);
    expect((await again.signIn("ada@example.com", "wrong password!")).status).toBe(401);
    expect((await owner.call("DELETE", `/api/people/${agent.person.id}`)).status).toBe(204);
    expect((await agent.browser.call("GET", "/api/contacts")).status).toBe(401);
    expect((await again.call("GET", "/api/contacts")).status).toBe(401);

    const audit = await owner.call("GET", "/api/audit?action=auth.");
    expect(audit.json.entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(["auth.sign_in", "auth.sign_in_failed"]),
    );
    const pool = (rt.runtime.deps.store as PostgresStore).pool;
    await expect(pool.query("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
    await expect(pool.query("UPDATE audit_log SET action = 'x'")).rejects.toThrow(/append-only/);
  });
});
