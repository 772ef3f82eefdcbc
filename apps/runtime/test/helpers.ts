import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/config";
import type { Logger } from "../src/log";
import { createRuntime, type Runtime } from "../src/runtime";

/** Response bodies in tests are read by shape; the assertions are the type check. */
// biome-ignore lint/suspicious/noExplicitAny: see above
export type Json = any;

export const TOKEN = "test-admin-token";

export interface TestRuntime {
  url: string;
  runtime: Runtime;
  dir: string;
  /** The first owner's setup link, printed at start on a database with nobody in it. */
  setupLink?: string;
  /** A management API call with the admin token. */
  api(method: string, path: string, body?: unknown): Promise<{ status: number; json: Json }>;
  stop(): Promise<void>;
}

/** A runtime on a real SQLite file in a temp folder, listening on 127.0.0.1, port 0. */
export async function startRuntime(
  env: Record<string, string> = {},
  dir = mkdtempSync(join(tmpdir(), "convo-runtime-")),
  retryBaseMs = 20,
  /** Another logger (a test reading the log lines); silent otherwise. */
  log?: Logger,
  /** Another clock (a test moving time on: "25 hours later"). */
  now?: () => number,
): Promise<TestRuntime> {
  const config = loadConfig(
    {
      CONVO_DB: join(dir, "convo.db"),
      PORT: "0",
      HOST: "127.0.0.1",
      CONVO_ADMIN_TOKEN: TOKEN,
      CONVO_LOG_LEVEL: "silent",
      ...env,
    },
    join(dir, ".env"),
  );
  const runtime = await createRuntime({
    config,
    retryBaseMs,
    ...(log ? { log } : {}),
    ...(now ? { now } : {}),
  });
  const { url, setupLink } = await runtime.start();
  let stopped = false;
  return {
    url,
    ...(setupLink ? { setupLink } : {}),
    runtime,
    dir,
    async api(method, path, body) {
      const response = await fetch(url + path, {
        method,
        headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
        body:
          body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let json: Json = text;
      try {
        json = text === "" ? null : JSON.parse(text);
      } catch {
        // Not JSON (exports are text): the caller reads `json` as the text.
      }
      return { status: response.status, json };
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await runtime.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
