/**
 * Webhook intake cost: verifying the signature and parsing a batched body into events, measured
 * beside the least any handler does with the same bytes (JSON.parse). Rounds alternate between the
 * two so drift on a shared machine hits both alike; the median round is reported.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { parseWebhook, signBody, verifySignature } from "../src";

const quick = process.env.BENCH_QUICK === "1";
const roundMs = quick ? 100 : 1_000;
const rounds = quick ? 3 : 9;
const SECRET = "bench-app-secret";

function messagingItem(i: number): Record<string, unknown> {
  const base = {
    sender: { id: `${6_500_000_000_000_000 + i}` },
    recipient: { id: "104857600000001" },
    timestamp: 1_732_356_000_000 + i,
  };
  switch (i % 5) {
    case 0:
      return {
        ...base,
        message: { mid: `m_${i}`, text: `Bonjour, où est ma commande n° ${i} ? 📦` },
      };
    case 1:
      return {
        ...base,
        message: {
          mid: `m_${i}`,
          text: "Track",
          quick_reply: { payload: "cv1|order|3|ask|track" },
        },
      };
    case 2:
      return {
        ...base,
        postback: { mid: `m_${i}`, title: "Shop", payload: "cv1|welcome|1|menu|shop" },
      };
    case 3:
      return { ...base, read: { watermark: 1_732_355_000_000 } };
    default:
      return { ...base, delivery: { mids: [`m_${i - 1}`], watermark: 1_732_355_000_000 } };
  }
}

const entries = Array.from({ length: 5 }, (_, e) => ({
  id: "104857600000001",
  time: 1_732_356_000_000 + e,
  messaging: Array.from({ length: 20 }, (_, i) => messagingItem(e * 20 + i)),
}));
const bytes = Buffer.from(JSON.stringify({ object: "page", entry: entries }), "utf8");
const signature = signBody(bytes, SECRET);
const eventsPerBody = 100;

function intake(): number {
  if (!verifySignature(bytes, signature, SECRET)) throw new Error("signature must verify");
  const result = parseWebhook(JSON.parse(bytes.toString("utf8")));
  if (!result.ok || result.events.length !== eventsPerBody) throw new Error("parse failed");
  return result.events.length;
}

function bare(): number {
  return (JSON.parse(bytes.toString("utf8")) as { entry: unknown[] }).entry.length;
}

/** Bodies per second over one round. */
function round(work: () => number): number {
  let count = 0;
  let sink = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < roundMs) {
    for (let i = 0; i < 20; i++) sink += work();
    count += 20;
    elapsed = performance.now() - start;
  }
  if (sink < 0) throw new Error("unreachable");
  return (count / elapsed) * 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

for (let i = 0; i < 200; i++) {
  intake();
  bare();
}
const measured: number[] = [];
const baselines: number[] = [];
for (let r = 0; r < rounds; r++) {
  measured.push(round(intake));
  baselines.push(round(bare));
}
const bodiesPerSecond = median(measured);
const parsesPerSecond = median(baselines);
const eventsPerSecond = bodiesPerSecond * eventsPerBody;
// Intake must stay a small share of the 2,000 events/s end-to-end budget: 10× that, at least.
const budgetEvents = 20_000;
const cpu = cpus();
const result = {
  name: "webhook verify + parse (100-event body)",
  figure: Math.round(eventsPerSecond),
  unit: "events/s",
  baseline: Math.round(parsesPerSecond * eventsPerBody),
  baselineName: "JSON.parse of the same body",
  baselineUnit: "events/s",
  ratio: Number((bodiesPerSecond / parsesPerSecond).toFixed(3)),
  budget: "≥ 20,000 events/s (10× the end-to-end budget)",
  pass: eventsPerSecond >= budgetEvents,
  machine: `${cpu[0]?.model.trim() ?? "unknown CPU"}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
};

const dir =
  process.env.BENCH_RESULTS_DIR ?? join(import.meta.dirname, "..", "..", "..", "bench", "results");
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "messenger-webhook.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `${result.name}: ${result.figure.toLocaleString("en")} events/s; baseline ${result.baselineName} ${result.baseline.toLocaleString("en")} events/s; ratio ${result.ratio}; ${result.pass ? "pass" : "FAIL"} (${result.budget})`,
);
