import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TOKEN } from "./helpers";
import { PASSWORD, tokenOf } from "./people";
import { FROM_SOURCES } from "./serve";

const dir = mkdtempSync(join(tmpdir(), "convo-first-run-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `convo serve` on the test's database: its banner, once it runs, and the process. */
function serve(): Promise<{ banner: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, [...FROM_SOURCES, "serve"], {
    cwd: join(import.meta.dirname, ".."),
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: "0",
      CONVO_DB: join(dir, "convo.db"),
      CONVO_ADMIN_TOKEN: TOKEN,
      CONVO_LOG_LEVEL: "error",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    proc.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (/Convo is running: .*\n[\s\S]*Webhook:.*\n/.test(out)) resolve({ banner: out, proc });
    });
    proc.once("exit", (code) => reject(new Error(`convo serve exited with ${code}: ${out}`)));
  });
}

async function stop(proc: ChildProcess) {
  const exited = new Promise((resolve) => proc.once("exit", resolve));
  proc.kill("SIGTERM");
  await exited;
}

describe("npm start on a fresh database", () => {
  it("prints a one-time setup link, and none once the owner exists", async () => {
    const first = await serve();
    const link = /First run: +open (http:\/\/\S+\/setup#token=\S+) /.exec(first.banner)?.[1];
    expect(link, first.banner).toBeDefined();
    expect(link).not.toContain(TOKEN);
    const url = /Convo is running: (http:\/\/[\d.:]+)\//.exec(first.banner)?.[1] as string;
    const setup = await fetch(`${url}/api/auth/setup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        token: tokenOf(link as string),
        email: "owner@example.com",
        password: PASSWORD,
        name: "Owner",
      }),
    });
    expect(setup.status).toBe(201);
    await stop(first.proc);

    const second = await serve();
    expect(second.banner).not.toContain("First run");
    expect(second.banner).not.toContain("setup#token");
    await stop(second.proc);
  });
});
