import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningGraphEmulator, startGraphEmulator } from "@convo/messenger";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, it } from "vitest";
import { useEchoFlow } from "./echo-flow";
import { TOKEN } from "./helpers";
import { APP_SECRET, PAGE_TOKEN, postWebhook, textItem, waitFor, webhookBody } from "./messenger";

let graph: RunningGraphEmulator;
let dir: string;
let child: ChildProcess | undefined;

beforeAll(async () => {
  graph = await startGraphEmulator({ appSecret: APP_SECRET, pageToken: PAGE_TOKEN });
  dir = mkdtempSync(join(tmpdir(), "convo-shutdown-"));
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await graph?.close();
  rmSync(dir, { recursive: true, force: true });
});

function serve(): Promise<{ process: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", "serve"], {
    cwd: join(import.meta.dirname, ".."),
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      CONVO_DB: join(dir, "convo.db"),
      CONVO_ADMIN_TOKEN: TOKEN,
      MESSENGER_APP_SECRET: APP_SECRET,
      MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
      GRAPH_API_URL: graph.url,
      CONVO_LOG_LEVEL: "error",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  child = proc;
  return new Promise((resolve, reject) => {
    let out = "";
    proc.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Convo is running: (http:\/\/[\d.:]+)\//.exec(out);
      if (match?.[1]) resolve({ process: proc, url: match[1] });
    });
    proc.once("exit", (code) => reject(new Error(`convo serve exited with ${code}: ${out}`)));
  });
}

it("finishes the sends in hand on SIGTERM, records them, and sends nothing twice after", async () => {
  const running = await serve();
  await useEchoFlow(async (method, path, body) => {
    const response = await fetch(running.url + path, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null };
  });
  // Meta is slow today: the question is in flight when the stop comes.
  graph.setLatency(1_000);
  const ack = await postWebhook(running.url, webhookBody([textItem("tess", "hello")]));
  expect(ack.status).toBe(200);
  await waitFor(() => {
    const db = new Database(join(dir, "convo.db"), { readonly: true });
    try {
      const { n } = db
        .prepare("SELECT COUNT(*) AS n FROM outbox WHERE claimed_at IS NOT NULL")
        .get() as { n: number };
      return n > 0 ? true : undefined;
    } finally {
      db.close();
    }
  }, "a send in flight");
  running.process.kill("SIGTERM");
  const code = await new Promise((resolve) => running.process.once("exit", resolve));
  expect(code).toBe(0);

  // The send finished before the process left, and the database says so.
  const db = new Database(join(dir, "convo.db"), { readonly: true });
  const rows = db.prepare("SELECT status, claimed_at, message_id FROM outbox").all();
  db.close();
  expect(rows).toEqual([{ status: "sent", claimed_at: null, message_id: expect.any(String) }]);

  // The next start has nothing to send again.
  graph.setLatency(0);
  const again = await serve();
  await new Promise((resolve) => setTimeout(resolve, 500));
  const questions = graph.calls.filter(
    (c) =>
      (c.body as { message?: { text?: string } } | undefined)?.message?.text === "Say something",
  );
  expect(questions).toHaveLength(1);
  again.process.kill("SIGTERM");
  await new Promise((resolve) => again.process.once("exit", resolve));
});
