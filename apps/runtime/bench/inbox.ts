/**
 * `npm run bench` for live chat's inbox: on a SQLite file of 10,000 contacts (three transcript
 * lines each) with 200 conversations waiting for a person,
 *
 * 1. the queue an agent opens (`GET /api/conversations`: 200 rows with names, tags and unread
 *    counts), p95, beside a bare Hono route answering the same JSON;
 * 2. a customer's new message (a signed webhook, stored, stepped by the inbox worker while the bot
 *    is paused) reaching 20 agents connected to `GET /api/conversations/stream`, p95 over every
 *    agent and message, beside a bare Hono server-sent-events route that fans a POST out to 20
 *    clients in the same run.
 *
 * Runtime, clients and baseline share this process (and the shared machine), so both sides pay
 * the same. BENCH_QUICK=1 uses fewer samples. Results go to $BENCH_RESULTS_DIR/inbox.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { signBody } from "@convo/messenger";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { SANDBOX_PAGE_ID } from "../src/api/sandbox";
import { loadConfig } from "../src/config";
import { pausedConversation } from "../src/pipeline/handover-conversation";
import { createRuntime } from "../src/runtime";
import { SqliteStore } from "../src/store/sqlite/sqlite-store";
import { openEventStream } from "../test/sse-client";
import { percentile } from "./e2e-load";

const QUICK = process.env.BENCH_QUICK === "1";
const CONTACTS = 10_000;
const WAITING = 200;
const AGENTS = 20;
const QUEUE_SAMPLES = QUICK ? 40 : 300;
const MESSAGES = QUICK ? 10 : 100;
const QUEUE_BUDGET_MS = 20;
const FANOUT_BUDGET_MS = 100;
const TOKEN = "bench-admin";
const SECRET = "bench-secret";
const root = join(import.meta.dirname, "..", "..", "..");
const resultsDir = process.env.BENCH_RESULTS_DIR ?? join(root, "bench", "results");

const say = (message: string) => process.stderr.write(`[inbox bench] ${message}\n`);
const round = (ms: number) => Math.round(ms * 100) / 100;
const p95 = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    95,
  );

/** 10,000 contacts with profiles and three lines each; 200 of them paused, waiting in the queue. */
async function seed(file: string): Promise<string[]> {
  const store = new SqliteStore(file);
  const now = Date.now();
  const psids = Array.from({ length: CONTACTS }, (_, i) => `${7100000000 + i}`);
  for (let i = 0; i < psids.length; i += 500) {
    await Promise.all(
      psids.slice(i, i + 500).map(async (psid, j) => {
        await store.contacts.ensure(psid, now - (i + j) * 1000);
        await store.contacts.setProfile(psid, {
          firstName: `Name${i + j}`,
          lastName: "Bench",
          profilePic: `https://cdn.example.com/${psid}.jpg`,
        });
      }),
    );
  }
  const line = store.database.prepare(
    "INSERT INTO transcript (psid, at, direction, author, kind, text) VALUES (?, ?, ?, ?, 'text', ?)",
  );
  store.database.transaction(() => {
    for (const [i, psid] of psids.entries()) {
      const at = now - (CONTACTS - i) * 1000;
      line.run(psid, at, "in", "contact", "hello");
      line.run(psid, at + 1, "out", "bot", "Hi! What can I do?");
      line.run(psid, at + 2, "in", "contact", "a person please");
    }
  })();
  const waiting = psids.filter((_, i) => i % (CONTACTS / WAITING) === 0).slice(0, WAITING);
  for (const [i, psid] of waiting.entries()) {
    await store.contacts.setPaused(psid, true, null);
    await store.conversations.open(pausedConversation(psid, now - (WAITING - i) * 1000));
  }
  await store.close();
  return waiting;
}

/** A customer's text as Meta posts it to the sandbox's Page, signed. */
function customerText(psid: string, n: number): { body: string; signature: string } {
  const body = JSON.stringify({
    object: "page",
    entry: [
      {
        id: SANDBOX_PAGE_ID,
        time: Date.now(),
        messaging: [
          {
            sender: { id: psid },
            recipient: { id: SANDBOX_PAGE_ID },
            timestamp: Date.now(),
            message: { mid: `m_inbox_bench_${n}`, text: `still there? ${n}` },
          },
        ],
      },
    ],
  });
  return { body, signature: signBody(body, SECRET) };
}

/** GET times of `url` (with the admin token), checking it answers the whole queue. */
async function timeGet(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const { conversations } = (await response.json()) as { conversations: unknown[] };
  if (conversations.length !== WAITING) throw new Error(`${url}: ${conversations.length} rows`);
  return performance.now() - started;
}

/** `count` GETs of each URL, interleaved so both see the same load of the shared machine. */
async function timeGetsInterleaved(urls: readonly string[], count: number): Promise<number[][]> {
  for (let i = 0; i < 5; i++) for (const url of urls) await timeGet(url);
  const times = urls.map(() => [] as number[]);
  for (let i = 0; i < count; i++) {
    for (const [k, url] of urls.entries()) times[k]?.push(await timeGet(url));
  }
  return times;
}

/**
 * Latencies from `trigger(n)` to each of the agents' streams reading news with `psid`, for each
 * message in turn.
 */
async function timeFanOut(
  streamUrl: string,
  psids: readonly string[],
  trigger: (psid: string, n: number) => Promise<void>,
): Promise<number[]> {
  const agents = await Promise.all(
    Array.from({ length: AGENTS }, () => openEventStream(streamUrl, TOKEN)),
  );
  await Promise.all(agents.map((a) => a.next((e) => e.event === "ready")));
  const latencies: number[] = [];
  try {
    for (let n = 0; n < MESSAGES; n++) {
      const psid = psids[n % psids.length] as string;
      const from = agents.map((a) => a.events.length);
      const started = performance.now();
      await trigger(psid, n);
      const received = await Promise.all(
        agents.map((a, i) =>
          a.next((e) => e.event === "message" && e.data.includes(`"psid":"${psid}"`), from[i]),
        ),
      );
      for (const e of received) latencies.push(e.at - started);
    }
  } finally {
    await Promise.all(agents.map((a) => a.close()));
  }
  return latencies;
}

/** The baseline: a bare Hono server, its queue answer precomputed and SSE clients fanned out to. */
function bareServer(queueJson: string) {
  const app = new Hono();
  const clients = new Set<(data: string) => void>();
  app.get("/queue", (c) => c.body(queueJson, 200, { "content-type": "application/json" }));
  app.get("/stream", (c) =>
    streamSSE(c, async (stream) => {
      const send = (data: string) => void stream.writeSSE({ event: "message", data });
      clients.add(send);
      await stream.writeSSE({ event: "ready", data: "{}" });
      await new Promise<void>((resolve) => stream.onAbort(resolve));
      clients.delete(send);
    }),
  );
  app.post("/publish", async (c) => {
    const data = await c.req.text();
    for (const send of clients) send(data);
    return c.body(null, 200);
  });
  return new Promise<{ url: string; close: () => void }>((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
      resolve({
        url: `http://127.0.0.1:${(info as AddressInfo).port}`,
        close: () => {
          (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          server.close();
        },
      });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), "convo-inbox-bench-"));
const file = join(dir, "convo.db");
say(`seeding ${CONTACTS} contacts, ${WAITING} waiting`);
const waiting = await seed(file);
const config = loadConfig(
  {
    CONVO_DB: file,
    PORT: "0",
    HOST: "127.0.0.1",
    CONVO_ADMIN_TOKEN: TOKEN,
    MESSENGER_APP_SECRET: SECRET,
    CONVO_LOG_LEVEL: "error",
  },
  join(dir, ".env"),
);
const runtime = await createRuntime({ config });
const { url } = await runtime.start();
const queueAnswer = await fetch(`${url}/api/conversations`, {
  headers: { authorization: `Bearer ${TOKEN}` },
});
const bare = await bareServer(await queueAnswer.text());

let results: Record<string, unknown>[];
try {
  say("queue");
  // The store's query alone, as the route asks it (after five to warm the page cache up).
  const storeTimes: number[] = [];
  const query = { states: ["waiting", "assigned"] as const, reader: "admin", limit: 500 };
  for (let i = 0; i < 5; i++) await runtime.deps.store.conversations.queue(query);
  for (let i = 0; i < QUEUE_SAMPLES; i++) {
    const started = performance.now();
    await runtime.deps.store.conversations.queue(query);
    storeTimes.push(performance.now() - started);
  }
  const [queueTimes = [], bareQueueTimes = []] = await timeGetsInterleaved(
    [`${url}/api/conversations`, `${bare.url}/queue`],
    QUEUE_SAMPLES,
  );
  const queueP95 = p95(queueTimes);
  const bareQueueP95 = p95(bareQueueTimes);
  say(
    `queue p95 ${round(queueP95)} ms (store alone ${round(p95(storeTimes))} ms), bare ${round(bareQueueP95)} ms`,
  );

  say(`a customer's message to ${AGENTS} agents, ${MESSAGES} times`);
  const fanOut = await timeFanOut(`${url}/api/conversations/stream`, waiting, async (psid, n) => {
    const { body, signature } = customerText(psid, n);
    const response = await fetch(`${url}/webhooks/messenger`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": signature },
      body,
    });
    if (response.status !== 200) throw new Error(`webhook: ${response.status}`);
  });
  const bareFanOut = await timeFanOut(`${bare.url}/stream`, waiting, async (psid, n) => {
    await fetch(`${bare.url}/publish`, {
      method: "POST",
      body: JSON.stringify({ type: "message", psid, n }),
    });
  });
  const machine = `${cpus()[0]?.model.trim() ?? "CPU"}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()[0]?.toFixed(1)}`;
  const fanP95 = p95(fanOut);
  const bareFanP95 = p95(bareFanOut);
  say(`message to ${AGENTS} agents p95 ${round(fanP95)} ms, bare Hono SSE ${round(bareFanP95)} ms`);
  results = [
    {
      name: `inbox queue GET /api/conversations p95 (${CONTACTS.toLocaleString("en")} contacts, ${WAITING} waiting)`,
      figure: round(queueP95),
      unit: "ms",
      baseline: round(bareQueueP95),
      baselineName: "a bare Hono route answering the same JSON",
      baselineUnit: "ms",
      ratio: round(queueP95 / bareQueueP95),
      budget: `≤ ${QUEUE_BUDGET_MS} ms`,
      pass: queueP95 <= QUEUE_BUDGET_MS,
      notes: `p50 ${round(
        percentile(
          [...queueTimes].sort((a, b) => a - b),
          50,
        ),
      )} ms; the store's query alone p95 ${round(p95(storeTimes))} ms`,
      machine,
    },
    {
      name: `a customer's message (signed webhook) to ${AGENTS} agents' server-sent events p95`,
      figure: round(fanP95),
      unit: "ms",
      baseline: round(bareFanP95),
      baselineName: `a bare Hono SSE route fanning a POST out to ${AGENTS} clients`,
      baselineUnit: "ms",
      ratio: round(fanP95 / bareFanP95),
      budget: `≤ ${FANOUT_BUDGET_MS} ms`,
      pass: fanP95 <= FANOUT_BUDGET_MS,
      notes: `${fanOut.length} deliveries; p50 ${round(
        percentile(
          [...fanOut].sort((a, b) => a - b),
          50,
        ),
      )} ms`,
      machine,
    },
  ];
} finally {
  bare.close();
  await runtime.stop();
  rmSync(dir, { recursive: true, force: true });
}
if (!QUICK || process.env.BENCH_RESULTS_DIR) {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, "inbox.json"), `${JSON.stringify({ results }, null, 2)}\n`);
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
