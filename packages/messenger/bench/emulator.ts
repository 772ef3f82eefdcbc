/**
 * Graph API emulator cost: Send API calls per second over real HTTP, measured beside a bare Hono
 * route on @hono/node-server that reads the same JSON body and answers a fixed JSON reply (the
 * least any handler does). Same process, same autocannon load, same body; rounds alternate between
 * the two so drift on a shared machine hits both alike; the best round of each is reported.
 * A third emulator echoes every message to a node:http webhook in this process; its figure is
 * printed beside the others (what message echoes cost under load) but is not the budgeted one.
 */
import { createHmac } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import autocannon from "autocannon";
import { Hono } from "hono";
import { GRAPH_API_VERSION, startGraphEmulator } from "../src";

const quick = process.env.BENCH_QUICK === "1";
const seconds = quick ? 1 : 5;
const rounds = 3;
const TOKEN = "bench-page-token";
const SECRET = "bench-app-secret";
const PROOF = createHmac("sha256", SECRET).update(TOKEN).digest("hex");
const PATH = `/${GRAPH_API_VERSION}/me/messages?access_token=${TOKEN}&appsecret_proof=${PROOF}`;
const BODY = JSON.stringify({
  recipient: { id: "123" },
  messaging_type: "RESPONSE",
  message: { text: "Got hello", metadata: "convo" },
});

async function serveBare(): Promise<{ url: string; close: () => void }> {
  const app = new Hono();
  app.post(`/${GRAPH_API_VERSION}/me/messages`, async (c) => {
    const body = (await c.req.json()) as { recipient: { id: string } };
    return c.json({ recipient_id: body.recipient.id, message_id: "m_bare" });
  });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) =>
      resolve({
        url: `http://127.0.0.1:${(info as AddressInfo).port}`,
        close: () => server.close(),
      }),
    );
  });
}

/** A webhook that takes echoes as the runtime's would: read, parse, answer 200. */
async function serveWebhook(): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      JSON.parse(Buffer.concat(chunks).toString("utf8"));
      res.end("EVENT_RECEIVED");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/messenger`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** Calls per second over one round. */
async function cannon(base: string, duration = seconds): Promise<number> {
  const result = await autocannon({
    url: base + PATH,
    method: "POST",
    connections: 32,
    duration,
    headers: { "content-type": "application/json" },
    body: BODY,
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${base}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  }
  return result.requests.average;
}

const graph = await startGraphEmulator({ pageToken: TOKEN, appSecret: SECRET });
const bare = await serveBare();
const webhook = await serveWebhook();
const echoing = await startGraphEmulator({
  pageToken: TOKEN,
  appSecret: SECRET,
  echoes: { webhookUrl: webhook.url, appSecret: SECRET, appId: "1517776481860111" },
});
// Recorded calls are dropped as they go, as the runtime's benchmark does with its emulator.
const tidy = setInterval(() => {
  graph.clear();
  echoing.clear();
}, 100);
const measured: number[] = [];
const baselines: number[] = [];
const withEchoes: number[] = [];
try {
  // A short warm-up of each, so none is measured before the JIT has seen its hot paths.
  await cannon(graph.url, 1);
  await cannon(bare.url, 1);
  await cannon(echoing.url, 1);
  await echoing.flushEchoes();
  for (let r = 0; r < rounds; r++) {
    measured.push(await cannon(graph.url));
    baselines.push(await cannon(bare.url));
    withEchoes.push(await cannon(echoing.url));
    await echoing.flushEchoes();
  }
} finally {
  clearInterval(tidy);
  await graph.close();
  await echoing.close();
  bare.close();
  webhook.close();
}

const callsPerSecond = Math.max(...measured);
const barePerSecond = Math.max(...baselines);
const ratio = callsPerSecond / barePerSecond;
const budgetRatio = 0.6;
const cpu = cpus();
const result = {
  name: "Graph API emulator: Send API calls (32 connections)",
  figure: Math.round(callsPerSecond),
  unit: "calls/s",
  baseline: Math.round(barePerSecond),
  baselineName: "bare Hono route on @hono/node-server, same body",
  baselineUnit: "calls/s",
  ratio: Number(ratio.toFixed(3)),
  budget: "≥ 0.6× the bare Hono route",
  pass: ratio >= budgetRatio,
  machine: `${cpu[0]?.model.trim() ?? "unknown CPU"}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
};

const dir =
  process.env.BENCH_RESULTS_DIR ?? join(import.meta.dirname, "..", "..", "..", "bench", "results");
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "emulator.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `${result.name}: ${result.figure.toLocaleString("en")} calls/s; baseline ${result.baselineName} ${result.baseline.toLocaleString("en")} calls/s; ratio ${result.ratio}; ${result.pass ? "pass" : "FAIL"} (${result.budget})`,
);
console.log(
  `  with message echoes to a webhook in this process: ${Math.round(Math.max(...withEchoes)).toLocaleString("en")} calls/s`,
);
