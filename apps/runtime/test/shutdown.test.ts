import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningGraphEmulator, startGraphEmulator } from "@convo/messenger";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, it } from "vitest";
import { useEchoFlow } from "./echo-flow";
import { APP_SECRET, PAGE_TOKEN, postWebhook, textItem, waitFor, webhookBody } from "./messenger";
import { apiAt, serveConvo } from "./serve";

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

async function serve() {
  const running = await serveConvo({
    PORT: "0",
    CONVO_DB: join(dir, "convo.db"),
    MESSENGER_APP_SECRET: APP_SECRET,
    MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
    GRAPH_API_URL: graph.url,
  });
  child = running.process;
  return running;
}

it("finishes the sends in hand on SIGTERM, records them, and sends nothing twice after", async () => {
  const running = await serve();
  await useEchoFlow(apiAt(running.url));
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
