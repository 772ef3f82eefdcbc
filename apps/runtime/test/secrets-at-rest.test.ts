import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config";
import { createRuntime } from "../src/runtime";
import { KEY_FILE } from "../src/secrets/key";
import { startRuntime, type TestRuntime, TOKEN } from "./helpers";

/** What is on disk of the database: the file and its write-ahead log. */
const diskBytes = (dir: string) =>
  ["convo.db", "convo.db-wal"]
    .filter((f) => existsSync(join(dir, f)))
    .map((f) => readFileSync(join(dir, f)).toString("latin1"))
    .join("");

const SHOP_TOKEN = "zz-shop-token-4f1c9a";
const dirs: string[] = [];
const runtimes: TestRuntime[] = [];
afterAll(async () => {
  for (const rt of runtimes) await rt.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function runtimeIn(dir: string, env: Record<string, string> = {}) {
  const rt = await startRuntime(env, dir);
  runtimes.push(rt);
  return rt;
}

describe("secrets at rest", () => {
  it("keeps the editor's secrets and the events-out signing secrets sealed on disk", async () => {
    const dir = mkdtempSync(join(tmpdir(), "convo-secrets-"));
    dirs.push(dir);
    const rt = await runtimeIn(dir, {
      CONVO_SECRET_FROM_ENV: "env-value",
      CONVO_ALLOW_PRIVATE_HTTP: "1",
    });

    const set = await rt.api("PUT", "/api/secrets/SHOP_TOKEN", { value: SHOP_TOKEN });
    expect(set.status).toBe(200);
    expect(set.json).toMatchObject({ name: "SHOP_TOKEN", setBy: "admin", source: "editor" });
    expect(JSON.stringify(set.json)).not.toContain(SHOP_TOKEN);

    // Write-only: listed with who set it and when, never its value.
    const listed = await rt.api("GET", "/api/secrets");
    expect(listed.json.secrets).toEqual([
      { name: "FROM_ENV", source: "environment" },
      expect.objectContaining({ name: "SHOP_TOKEN", source: "editor", setAt: expect.any(String) }),
    ]);
    expect(JSON.stringify(listed.json)).not.toContain(SHOP_TOKEN);

    const endpoint = await fetch(`${rt.url}/api/webhooks/endpoints`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ url: "http://127.0.0.1:9/hooks", events: ["contact.created"] }),
    });
    expect(endpoint.status).toBe(201);
    const { secret } = (await endpoint.json()) as { secret: string };

    // The runtime reads them back for the HTTP steps and the signatures.
    expect(await rt.runtime.deps.secrets.values()).toMatchObject({
      SHOP_TOKEN,
      FROM_ENV: "env-value",
    });
    const disk = diskBytes(dir);
    expect(disk).not.toContain(SHOP_TOKEN);
    expect(disk).not.toContain(secret);

    // The key was made beside the database, readable by its owner only.
    const keyFile = join(dir, KEY_FILE);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);

    expect((await rt.api("DELETE", "/api/secrets/SHOP_TOKEN")).status).toBe(204);
    expect((await rt.api("DELETE", "/api/secrets/SHOP_TOKEN")).status).toBe(404);
    const bad = await rt.api("PUT", "/api/secrets/shop-token", { value: "x" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe("invalid_name");
  });

  it("refuses to start with another key than the one that sealed the database, and says which", async () => {
    const dir = mkdtempSync(join(tmpdir(), "convo-secrets-"));
    dirs.push(dir);
    const key = "a".repeat(64);
    const rt = await startRuntime({ CONVO_SECRETS_KEY: key }, dir);
    expect((await rt.api("PUT", "/api/secrets/SHOP_TOKEN", { value: SHOP_TOKEN })).status).toBe(
      200,
    );
    await rt.runtime.stop();

    const config = loadConfig(
      {
        CONVO_DB: join(dir, "convo.db"),
        PORT: "0",
        HOST: "127.0.0.1",
        CONVO_ADMIN_TOKEN: TOKEN,
        CONVO_LOG_LEVEL: "silent",
        CONVO_SECRETS_KEY: "b".repeat(64),
      },
      join(dir, ".env"),
    );
    await expect(createRuntime({ config })).rejects.toThrow(
      /sealed with another key.*CONVO_SECRETS_KEY/,
    );

    // The right key opens them again.
    const again = await runtimeIn(dir, { CONVO_SECRETS_KEY: key });
    expect(await again.runtime.deps.secrets.values()).toMatchObject({ SHOP_TOKEN });
  });

  it("names a malformed CONVO_SECRETS_KEY without repeating it", () => {
    let error: unknown;
    try {
      loadConfig({ CONVO_SECRETS_KEY: "hunter2-not-a-key" }, "/nonexistent/.env");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(String(error)).toMatch(/CONVO_SECRETS_KEY must be 32 bytes/);
    expect(String(error)).not.toContain("hunter2");
  });
});
