import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRuntime, type TestRuntime } from "./helpers";
import { type Browser, invited, setUpOwner } from "./people";

/** The owner's API keys from the API (as the editor's API keys page makes them). */
let rt: TestRuntime;
let owner: Browser;
let editor: Browser;

beforeAll(async () => {
  rt = await startRuntime();
  ({ owner } = await setUpOwner(rt.url, rt.setupLink));
  ({ browser: editor } = await invited(owner, "eve@example.com", "editor", "Eve"));
});
afterAll(async () => {
  await rt?.stop();
});

const withKey = (key: string, path: string) =>
  fetch(rt.url + path, { headers: { authorization: `Bearer ${key}` } });

describe("API keys from the API", () => {
  it("makes a scoped key shown once, lists it without it, and revokes it at once", async () => {
    const made = await owner.call("POST", "/api/keys", { name: "BI", scopes: ["flows:read"] });
    expect(made.status).toBe(201);
    const { key, apiKey } = made.json;
    expect(key).toMatch(/^convo_ck_[0-9a-f]{16}_/);
    expect(apiKey).toMatchObject({ name: "BI", scopes: ["flows:read"], revokedAt: null });

    expect((await withKey(key, "/api/flows")).status).toBe(200);
    // Its scope is all it may do.
    expect((await withKey(key, "/api/contacts")).status).toBe(403);

    const listed = await owner.call("GET", "/api/keys");
    expect(listed.text).not.toContain(key);
    expect(listed.text).not.toContain(key.slice(-43));
    expect(listed.json.keys[0]).toMatchObject({ id: apiKey.id, name: "BI" });
    expect(listed.json.keys[0].lastUsedAt).not.toBeNull();

    expect((await owner.call("DELETE", `/api/keys/${apiKey.id}`)).status).toBe(204);
    expect((await withKey(key, "/api/flows")).status).toBe(401);
    expect((await owner.call("DELETE", `/api/keys/${apiKey.id}`)).status).toBe(404);
    const audit = await owner.call("GET", "/api/audit?action=key.");
    expect(audit.json.entries.map((e: { action: string }) => e.action)).toEqual([
      "key.revoke",
      "key.create",
    ]);
    expect(audit.text).not.toContain(key);
  });

  it("refuses a key without a scope, an unknown scope, and anyone but the owner", async () => {
    expect((await owner.call("POST", "/api/keys", { name: "x", scopes: [] })).status).toBe(400);
    const unknown = await owner.call("POST", "/api/keys", { name: "x", scopes: ["all"] });
    expect(unknown.status).toBe(400);
    expect((await editor.call("GET", "/api/keys")).status).toBe(403);
    expect(
      (await editor.call("POST", "/api/keys", { name: "x", scopes: ["flows:read"] })).status,
    ).toBe(403);
  });
});
