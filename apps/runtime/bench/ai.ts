/**
 * `npm run bench` for AI steps (#23): events/s end to end (signed webhook → inbox → engine →
 * model → Send API call) through a flow started by an intent trigger and a flow routing by an
 * intent step, both asking the AI emulator, beside the same flow started by a keyword trigger,
 * in the same run against the same runtime, with the model calls each event cost.
 *
 * The runtime is `convo serve` from the build in its own process, configured with the AI emulator
 * as the brand's provider; the Graph API emulator, the AI emulator and the load generator share
 * this process. Every event comes from a new contact, so each gets exactly one reply.
 * BENCH_QUICK=1 sends fewer events. Results go to $BENCH_RESULTS_DIR/ai.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startGraphEmulator } from "@convo/messenger";
import { startAiEmulator } from "../src/ai/emulator";
import {
  api,
  body,
  machine,
  PAGE_TOKEN,
  postWebhookBody,
  SECRET,
  sleep,
  startServe,
} from "./e2e-load";

const QUICK = process.env.BENCH_QUICK === "1";
const EVENTS = QUICK ? 200 : 2_000;
const CONNECTIONS = 64;
const REPLY = "We are open Monday to Saturday, 9 to 7.";
const root = join(import.meta.dirname, "..", "..", "..");
const resultsDir = process.env.BENCH_RESULTS_DIR ?? join(root, "bench", "results");
const say = (message: string) => process.stderr.write(`[ai bench] ${message}\n`);
const round = (n: number) => Math.round(n * 10) / 10;

const node = (id: string, type: string, data: unknown, x = 0) => ({
  id,
  type,
  position: { x, y: 0 },
  data,
});
const reply = node("open", "message", { content: [{ id: "t", kind: "text", text: REPLY }] }, 600);
const flow = (id: string, nodes: unknown[], edges: [string, string | null, string][]) => ({
  schemaVersion: 2,
  languages: ["en"],
  id,
  name: id,
  variables: [],
  nodes,
  edges: edges.map(([source, handle, target], i) => ({
    id: `e${i}`,
    source,
    ...(handle ? { sourceHandle: handle } : {}),
    target,
  })),
});
const HOURS = { name: "Opening hours", examples: ["opening hours", "When are you open?"] };

/** The same answer to "what are your opening hours", reached three ways. */
const VARIANTS = [
  {
    name: "keyword trigger",
    flow: flow(
      "by-keyword",
      [
        node("start", "trigger", {
          triggers: [{ kind: "keyword", match: "contains", keywords: ["hours"] }],
        }),
        reply,
      ],
      [["start", null, "open"]],
    ),
  },
  {
    name: "intent trigger",
    flow: flow(
      "by-intent-trigger",
      [node("start", "trigger", { triggers: [{ kind: "intent", ...HOURS }] }), reply],
      [["start", null, "open"]],
    ),
  },
  {
    name: "intent step",
    flow: flow(
      "by-intent-step",
      [
        node("start", "trigger", { triggers: [{ kind: "default" }] }),
        node("route", "intent", { intents: [{ id: "hours", ...HOURS }] }, 300),
        reply,
      ],
      [
        ["start", null, "route"],
        ["route", "hours", "open"],
      ],
    ),
  },
] as const;

const graph = await startGraphEmulator({ appSecret: SECRET, pageToken: PAGE_TOKEN });
let replies = 0;
graph.onCall((call) => {
  const text = (call.body as { message?: { text?: string } } | undefined)?.message?.text;
  if (call.status === 200 && text === REPLY) replies++;
});
const model = await startAiEmulator();
const dir = mkdtempSync(join(tmpdir(), "convo-ai-bench-"));
const runtime = await startServe(dir, graph.url, {
  CONVO_AI_BASE_URL: model.baseUrl,
  CONVO_AI_API_KEY: model.apiKey,
});
const call = (method: string, path: string, payload?: unknown) =>
  api(runtime.url, method, path, payload);

interface Measured {
  eventsPerSecond: number;
  modelCalls: number;
}

/** Publishes `variant`'s flow alone, then sends `EVENTS` questions from new contacts. */
async function measure(variant: (typeof VARIANTS)[number], tag: string): Promise<Measured> {
  const { json } = await call("GET", "/api/flows");
  for (const f of (json as { flows: { id: string }[] }).flows) {
    await call("DELETE", `/api/flows/${f.id}`);
  }
  if ((await call("POST", "/api/flows/import?overwrite=1", variant.flow)).status !== 201)
    throw new Error(`${variant.name}: import failed`);
  const published = await call("POST", `/api/flows/${variant.flow.id}/publish`, {});
  if (published.status !== 201) throw new Error(`${variant.name}: ${JSON.stringify(published)}`);
  const before = replies;
  const calls = model.calls.length;
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < EVENTS) {
        const n = next++;
        const b = body(`ai-${tag}-${n}`, `mid-ai-${tag}-${n}`, "what are your opening hours");
        const status = await postWebhookBody(`${runtime.url}/webhooks/messenger`, b);
        if (status !== 200) throw new Error(`webhook answered ${status}`);
      }
    }),
  );
  const deadline = Date.now() + 120_000;
  while (replies - before < EVENTS && Date.now() < deadline) await sleep(5);
  const seconds = (Date.now() - started) / 1000;
  if (replies - before < EVENTS) throw new Error(`${variant.name}: ${replies - before} replies`);
  return { eventsPerSecond: EVENTS / seconds, modelCalls: (model.calls.length - calls) / EVENTS };
}

let results: unknown[] = [];
try {
  // A warm-up pass each (JIT, SQLite pages), then the measured ones, in the same order.
  for (const variant of VARIANTS) await measure(variant, `warm-${variant.flow.id}`);
  const measured: Measured[] = [];
  for (const variant of VARIANTS) measured.push(await measure(variant, variant.flow.id));
  const [keyword, ...ai] = measured as [Measured, ...Measured[]];
  say(`${EVENTS} events each, ${CONNECTIONS} connections`);
  say(
    VARIANTS.map(
      (v, i) =>
        `${v.name}: ${round(measured[i]?.eventsPerSecond ?? 0)} events/s, ${measured[i]?.modelCalls} model calls/event`,
    ).join(" | "),
  );
  const on = machine();
  results = ai.map((m, i) => ({
    name: `events/s through an ${VARIANTS[i + 1]?.name} asking the AI emulator (${m.modelCalls} model call/event)`,
    figure: round(m.eventsPerSecond),
    unit: "events/s",
    baseline: round(keyword.eventsPerSecond),
    baselineName: `the same flow started by a keyword trigger (${keyword.modelCalls} model calls/event)`,
    baselineUnit: "events/s",
    ratio: Math.round((m.eventsPerSecond / keyword.eventsPerSecond) * 100) / 100,
    budget: null,
    pass: null,
    notes: `${EVENTS} events from new contacts, ${CONNECTIONS} connections; the AI emulator answers in this process over HTTP`,
    machine: on,
  }));
} finally {
  await runtime.close();
  await model.close();
  await graph.close();
  rmSync(dir, { recursive: true, force: true });
}
if (!QUICK || process.env.BENCH_RESULTS_DIR) {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, "ai.json"), `${JSON.stringify({ results }, null, 2)}\n`);
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
