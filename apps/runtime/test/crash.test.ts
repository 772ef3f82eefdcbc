import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunningGraphEmulator } from "@convo/messenger";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, it } from "vitest";
import { echoingGraph } from "./crash-rig";
import { useEchoFlow } from "./echo-flow";
import { freePort } from "./free-port";
import { APP_SECRET, PAGE_TOKEN, postWebhook, textItem, waitFor, webhookBody } from "./messenger";
import { apiAt, serveConvo } from "./serve";

const CONTACTS = 100;
const ROUNDS = 30;
const KILL_AFTER_ROUND = 12;

let graph: RunningGraphEmulator;
let dir: string;
let child: ChildProcess | undefined;
/** The runtime keeps its port across the restart, as a deployment does: Meta's echoes find it. */
let port: number;

beforeAll(async () => {
  port = await freePort();
  // The Page is subscribed to message_echoes: each message Convo sends comes back to its webhook,
  // and Meta keeps trying while the webhook is down.
  graph = await echoingGraph(port, 40);
  dir = mkdtempSync(join(tmpdir(), "convo-crash-"));
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await graph?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `convo serve` on the test's database and port, answering to the emulator. */
const serve = () =>
  serveConvo({
    PORT: String(port),
    CONVO_DB: join(dir, "convo.db"),
    MESSENGER_APP_SECRET: APP_SECRET,
    MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
    GRAPH_API_URL: graph.url,
    CONVO_SEND_RATE: "5000",
    // Long enough for the echoes of the sends the kill interrupted to reach the new process.
    CONVO_ECHO_WAIT_SECONDS: "8",
  });

const psid = (c: number) => `crash-${c}`;
/** Round r: one body with message r of every contact, as Meta batches them. */
const roundBody = (r: number) =>
  webhookBody(
    Array.from({ length: CONTACTS }, (_, c) => textItem(psid(c), `m${r}`, `mid-${c}-${r}`)),
  );

it("loses nothing, answers in order and sends every reply once when killed with SIGKILL mid-burst", {
  timeout: 90_000,
}, async () => {
  let running = await serve();
  child = running.process;
  await useEchoFlow(apiAt(running.url));

  const gotCalls = () =>
    graph.calls.filter((c) => {
      const text = (c.body as { message?: { text?: string } } | undefined)?.message?.text;
      return c.status === 200 && text?.startsWith("Got ");
    });
  // The burst: rounds in order. The kill comes right after a round is acknowledged, so events
  // are in the database but not yet answered.
  const acknowledged = new Set<number>();
  let interrupted = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const response = await postWebhook(running.url, roundBody(r)).catch(() => undefined);
    if (response?.status === 200) acknowledged.add(r);
    if (r === KILL_AFTER_ROUND) {
      // Kill while replies are going out.
      await waitFor(() => (gotCalls().length > 0 ? true : undefined), "first replies", 30_000);
      running.process.kill("SIGKILL");
      await new Promise((resolve) => running.process.once("exit", resolve));
      const killed = new Database(join(dir, "convo.db"), { readonly: true });
      const unfinished = killed
        .prepare(
          `SELECT (SELECT COUNT(*) FROM inbox WHERE status IN ('pending', 'processing'))
                + (SELECT COUNT(*) FROM outbox WHERE status = 'queued') AS n`,
        )
        .get() as { n: number };
      // Sends that had left (claimed) but were not recorded as sent: the ones a naive restart
      // would send twice.
      interrupted = (
        killed
          .prepare(
            "SELECT COUNT(*) AS n FROM outbox WHERE status = 'queued' AND claimed_at IS NOT NULL",
          )
          .get() as { n: number }
      ).n;
      killed.close();
      expect(unfinished.n).toBeGreaterThan(0);
      running = await serve();
      child = running.process;
    }
  }
  // Meta redelivers what was not acknowledged; redelivering everything once more must change nothing.
  for (let r = 0; r < ROUNDS; r++) {
    const response = await postWebhook(running.url, roundBody(r));
    expect(response.status).toBe(200);
  }

  const expectedReplies = CONTACTS * (ROUNDS - 1);
  await waitFor(
    () =>
      new Set(gotCalls().map((c) => JSON.stringify(c.body))).size >= expectedReplies
        ? true
        : undefined,
    "every reply",
    60_000,
  );
  // The emulator records a call before the runtime records it as sent: wait for the database too,
  // so stopping now does not race the last bookkeeping (slow on a loaded machine).
  await waitFor(
    () => {
      const live = new Database(join(dir, "convo.db"), { readonly: true });
      try {
        const { n } = live
          .prepare("SELECT COUNT(*) AS n FROM outbox WHERE status <> 'sent'")
          .get() as { n: number };
        return n === 0 ? true : undefined;
      } finally {
        live.close();
      }
    },
    "every reply recorded as sent",
    60_000,
  );
  running.process.kill("SIGTERM");
  await new Promise((resolve) => running.process.once("exit", resolve));

  // Every event processed exactly once: one step, one reply row per event, in the database.
  const db = new Database(join(dir, "convo.db"), { readonly: true });
  const open = db
    .prepare("SELECT COUNT(*) AS n FROM inbox WHERE status NOT IN ('done', 'recorded')")
    .get() as { n: number };
  expect(open.n).toBe(0);
  const steps = db.prepare("SELECT COUNT(*) AS n FROM inbox WHERE kind = 'text'").get() as {
    n: number;
  };
  expect(steps.n).toBe(CONTACTS * ROUNDS);
  const rows = db
    .prepare(
      "SELECT psid, json_extract(item, '$.message.text') AS text, status FROM outbox ORDER BY id",
    )
    .all() as { psid: string; text: string; status: string }[];
  db.close();
  expect(rows.filter((r) => r.status !== "sent")).toEqual([]);
  for (let c = 0; c < CONTACTS; c++) {
    const replies = rows.filter((r) => r.psid === psid(c) && r.text.startsWith("Got "));
    expect(replies.map((r) => r.text)).toEqual(
      Array.from({ length: ROUNDS - 1 }, (_, i) => `Got m${i + 1}`),
    );
  }

  // Every reply reached Messenger once, in order per contact: the sends the kill interrupted were
  // proven delivered by their echoes, not sent again.
  for (let c = 0; c < CONTACTS; c++) {
    const texts = gotCalls()
      .filter((call) => (call.body as { recipient: { id: string } }).recipient.id === psid(c))
      .map((call) => (call.body as { message: { text: string } }).message.text);
    expect(texts).toEqual(Array.from({ length: ROUNDS - 1 }, (_, i) => `Got m${i + 1}`));
  }
  expect(interrupted).toBeGreaterThan(0);
  expect(acknowledged.size).toBeGreaterThan(0);
});
