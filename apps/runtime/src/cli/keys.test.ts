import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { identify } from "../keys/api-keys";
import { SqliteStore } from "../store/sqlite/sqlite-store";
import { runKeys } from "./keys";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function keys(db: string, ...args: string[]) {
  let out = "";
  const code = await runKeys([...args, "--db", db], (t) => {
    out += t;
  });
  return { code, out };
}

describe("convo keys", () => {
  it("creates a scoped key shown once, lists it without the secret, and revokes it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "convo-keys-"));
    dirs.push(dir);
    const db = join(dir, "convo.db");
    const created = await keys(db, "create", "--scope", "events:write", "--name", "shop");
    expect(created.code).toBe(0);
    const key = created.out.trim();
    expect(key).toMatch(/^convo_ck_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const id = key.split("_").slice(1, 3).join("_");

    const listed = await keys(db, "list");
    expect(listed.out).toContain(`${id}  shop  events:write  live  never used`);
    expect(listed.out).not.toContain(key);

    const store = new SqliteStore(db);
    expect(await identify(key, "admin", store.keys)).toEqual({
      kind: "key",
      id,
      name: "shop",
      scopes: ["events:write"],
    });
    // Only the digest is stored; the audit log says the key was made.
    expect(await store.audit.list({ action: "key.", limit: 5 })).toMatchObject([
      { action: "key.create", target: id, actor: { kind: "system" } },
    ]);
    expect((await store.keys.find(id))?.hash).toMatch(/^[0-9a-f]{64}$/);
    await store.close();

    expect((await keys(db, "revoke", id)).code).toBe(0);
    expect((await keys(db, "revoke", id)).code).toBe(1);
    const after = new SqliteStore(db);
    expect(await identify(key, "admin", after.keys)).toBeUndefined();
    await after.close();
    await expect(keys(db, "create", "--scope", "everything")).rejects.toThrow(/unknown scope/);
  });
});
