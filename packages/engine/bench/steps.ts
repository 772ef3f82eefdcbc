/**
 * Engine benchmark (`pnpm --filter @convo/engine bench`, or `npm run bench` at the root).
 *
 * - steps/s: node visits per second while a conversation walks a generated 1,000-node flow
 *   (trigger, then actions, conditions and messages, a tap every 10 nodes), and events/s for the
 *   same run and for a small real flow (examples/support.json). Baseline: JSON.parse of the same
 *   flow text, per second, measured in the same run.
 * - lint: lintFlow on the 1,000-node flow, ms per run, beside JSON.parse of it.
 * - `matches` rules: the engine's linear-time matcher, ms per test on a 1,000-character message,
 *   beside re2js (RE2's JavaScript port) on the same pattern and text.
 *
 * BENCH_QUICK=1 makes it run in a couple of seconds.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import {
  compileSafePattern,
  encodePayload,
  type Flow,
  lintFlow,
  translationsOf,
  withTranslation,
} from "@convo/flow";
import { testChannel } from "@convo/flow/testing";
import { exampleText } from "@convo/flow/testing/examples";
import { RE2JS } from "re2js";
import {
  type EngineEvent,
  initialSession,
  type Session,
  type StepContext,
  step,
} from "../src/index";
import { generateLargeFlow, LARGE_FLOW_KEYWORD } from "../src/testing/large-flow";

const quick = process.env.BENCH_QUICK === "1";
const root = join(import.meta.dirname, "../../..");
const resultsDir = process.env.BENCH_RESULTS_DIR ?? join(root, "bench", "results");
const budgetMs = quick ? 300 : 1500;

/** Runs `fn` repeatedly for about `ms` (after a warm-up) and returns runs per second. */
function rate(fn: () => number, ms = budgetMs): { perSecond: number; unitsPerSecond: number } {
  // Warm up long enough for the JIT to settle even in quick mode.
  const warmUntil = performance.now() + Math.max(300, ms / 4);
  while (performance.now() < warmUntil) fn();
  let runs = 0;
  let units = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    units += fn();
    runs++;
    elapsed = performance.now() - start;
  }
  return { perSecond: (runs * 1000) / elapsed, unitsPerSecond: (units * 1000) / elapsed };
}

const context = (): StepContext => ({
  now: Date.UTC(2025, 5, 1),
  seed: 7,
  version: 1,
  contact: { fields: { first_name: "Ada", locale: "en_GB" }, tags: [] },
});

/** Plays a conversation to its end; returns [events, node visits]. */
function playLarge(flow: Flow, ctx: StepContext): [number, number] {
  let session: Session = initialSession();
  let events = 0;
  let visits = 0;
  let event: EngineEvent = { type: "message", text: LARGE_FLOW_KEYWORD };
  for (;;) {
    const result = step(flow, session, event, ctx);
    events++;
    for (const a of result.actions) if (a.type === "track" && a.handle === undefined) visits++;
    session = result.session;
    const waiting = session.waiting;
    if (!waiting) return [events, visits];
    event = {
      type: "quick_reply",
      payload: encodePayload({ flowId: flow.id, version: 1, nodeId: waiting.nodeId, handle: "go" }),
      text: "Go",
    };
  }
}

// The small flow: the support example, help → delivery times → thanks (4 node visits, 3 events).
const supportText = exampleText("support");
const support = JSON.parse(supportText) as Flow;
const supportCtx = context();
const supportEvents: EngineEvent[] = [
  { type: "message", text: "I need help" },
  { type: "quick_reply", payload: "cv1|support|1|menu|delivery", text: "Delivery times" },
  { type: "postback", payload: "cv1|support|1|delivery|ok", title: "Thanks!" },
];
function playSmall(): number {
  let session = initialSession();
  for (const event of supportEvents) session = step(support, session, event, supportCtx).session;
  return supportEvents.length;
}

const large = generateLargeFlow(1000);
const largeText = JSON.stringify(large);
const largeCtx = context();
const [eventsPerWalk, visitsPerWalk] = playLarge(large, largeCtx);

/**
 * The same flow in version 2 with three languages: every text translated into French and German
 * (the default text with a prefix, so the lengths stay alike), walked by a French contact.
 */
function inLanguages(flow: Flow): Flow {
  const nodes = flow.nodes.map((node) => {
    let out = node;
    for (const text of translationsOf(node)) {
      for (const language of ["fr", "de"]) {
        out = withTranslation(
          out,
          text.holderPath,
          text.field,
          language,
          `${language}: ${text.text}`,
        );
      }
    }
    return out;
  });
  return { ...flow, languages: ["en", "fr", "de"], nodes };
}
const largeThree = inLanguages(large);
const frenchCtx: StepContext = {
  ...context(),
  contact: { fields: { first_name: "Zoé", locale: "fr_FR" }, tags: [] },
};
if (playLarge(largeThree, frenchCtx)[1] !== visitsPerWalk) throw new Error("not the same walk");

// Interleaved, so load on the machine falls on both alike.
const largeVisits = rate(() => playLarge(large, largeCtx)[1]);
const threeVisits = rate(() => playLarge(largeThree, frenchCtx)[1]);
const largeVisits2 = rate(() => playLarge(large, largeCtx)[1]);
const threeVisits2 = rate(() => playLarge(largeThree, frenchCtx)[1]);
const oneLanguage = (largeVisits.unitsPerSecond + largeVisits2.unitsPerSecond) / 2;
const threeLanguages = (threeVisits.unitsPerSecond + threeVisits2.unitsPerSecond) / 2;
const largeEvents = largeVisits.perSecond * eventsPerWalk;
const parseLarge = rate(() => (JSON.parse(largeText) as Flow).nodes.length);
const small = rate(playSmall);
const parseSmall = rate(() => (JSON.parse(supportText) as Flow).nodes.length);
const lint = rate(() => lintFlow(large, { channel: testChannel }).length);
const lintMs = 1000 / lint.perSecond;
const parseLargeMs = 1000 / parseLarge.perSecond;
// The size the canvas issue aims at: a retailer's whole support tree in one flow.
const huge = generateLargeFlow(5000);
const hugeText = JSON.stringify(huge);
const parseHuge = rate(() => (JSON.parse(hugeText) as Flow).nodes.length);
const lintHuge = rate(() => lintFlow(huge, { channel: testChannel }).length);
const lintHugeMs = 1000 / lintHuge.perSecond;
const parseHugeMs = 1000 / parseHuge.perSecond;

/** A `matches` rule's cost: ms per test, ours beside re2js, both case-insensitive. */
function patternCost(pattern: string, text: string) {
  const ours = compileSafePattern(pattern);
  if (!ours) throw new Error(`the engine refuses ${pattern}`);
  const re2 = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  if (ours.test(text) !== re2.matcher(text).find()) throw new Error(`${pattern}: engines disagree`);
  const ms = quick ? 150 : 600;
  const oursMs = 1000 / rate(() => (ours.test(text) ? 1 : 0), ms).perSecond;
  const re2Ms = 1000 / rate(() => (re2.matcher(text).find() ? 1 : 0), ms).perSecond;
  return { oursMs, re2Ms };
}
const message = "a".repeat(1000);
const counted = patternCost("[a-z]{1,1000}#", message);
// The costliest a pattern can be: a counted group in the middle, expanded to the program's bound.
const worst = patternCost("a(?:[a-z][a-z]){1,160}#", message);
const words = patternCost("\\b(?:order|colis|parcel)\\s*#?\\d{5,8}\\b", message);

const machine = `${cpus()[0]?.model.trim() ?? "unknown CPU"}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const round = (x: number, digits = 0) => Number(x.toFixed(digits));

const results = [
  {
    name: "engine steps/s (1,000-node flow in 3 languages, French contact)",
    figure: round(threeLanguages),
    unit: "steps/s",
    baseline: round(oneLanguage),
    baselineName: "the same flow in one language",
    baselineUnit: "steps/s",
    ratio: round(threeLanguages / oneLanguage, 2),
    budget: "≥ 90 % of one language",
    pass: threeLanguages >= 0.9 * oneLanguage,
    machine,
  },
  {
    name: "engine steps/s (1,000-node flow)",
    figure: round(largeVisits.unitsPerSecond),
    unit: "steps/s",
    baseline: round(parseLarge.perSecond, 1),
    baselineName: "JSON.parse of the same flow",
    baselineUnit: "parses/s",
    ratio: round(largeVisits.unitsPerSecond / parseLarge.perSecond, 1),
    budget: "≥ 200,000 steps/s",
    pass: largeVisits.unitsPerSecond >= 200_000,
    machine,
  },
  {
    name: "engine events/s (1,000-node flow, ~10 nodes per event)",
    figure: round(largeEvents),
    unit: "events/s",
    baseline: round(parseLarge.perSecond, 1),
    baselineName: "JSON.parse of the same flow",
    baselineUnit: "parses/s",
    ratio: round(largeEvents / parseLarge.perSecond, 1),
    budget: null,
    pass: null,
    machine,
  },
  {
    name: "engine events/s (small flow: examples/support.json)",
    figure: round(small.unitsPerSecond),
    unit: "events/s",
    baseline: round(parseSmall.perSecond),
    baselineName: "JSON.parse of the same flow",
    baselineUnit: "parses/s",
    ratio: round(small.unitsPerSecond / parseSmall.perSecond, 2),
    budget: null,
    pass: null,
    machine,
  },
  {
    name: "lintFlow of a 1,000-node flow",
    figure: round(lintMs, 3),
    unit: "ms",
    baseline: round(parseLargeMs, 3),
    baselineName: "JSON.parse of the same flow",
    baselineUnit: "ms",
    ratio: round(lintMs / parseLargeMs, 2),
    budget: "≤ 5 ms",
    pass: lintMs <= 5,
    machine,
  },
  {
    name: "lintFlow of a 5,000-node flow",
    figure: round(lintHugeMs, 3),
    unit: "ms",
    baseline: round(parseHugeMs, 3),
    baselineName: "JSON.parse of the same flow",
    baselineUnit: "ms",
    ratio: round(lintHugeMs / parseHugeMs, 2),
    budget: "≤ 15 ms",
    pass: lintHugeMs <= 15,
    machine,
  },
  {
    name: "matches rule [a-z]{1,1000}# on a 1,000-character message",
    figure: round(counted.oursMs, 4),
    unit: "ms per test",
    baseline: round(counted.re2Ms, 4),
    baselineName: "re2js (RE2's JavaScript port), same pattern and text",
    baselineUnit: "ms per test",
    ratio: round(counted.oursMs / counted.re2Ms, 3),
    budget: null,
    pass: null,
    machine,
  },
  {
    name: "matches rule a(?:[a-z][a-z]){1,160}# on a 1,000-character message (the worst case)",
    figure: round(worst.oursMs, 4),
    unit: "ms per test",
    baseline: round(worst.re2Ms, 4),
    baselineName: "re2js (RE2's JavaScript port), same pattern and text",
    baselineUnit: "ms per test",
    ratio: round(worst.oursMs / worst.re2Ms, 3),
    budget: null,
    pass: null,
    machine,
  },
  {
    name: "matches rule \\b(?:order|colis|parcel)\\s*#?\\d{5,8}\\b on a 1,000-character message",
    figure: round(words.oursMs, 4),
    unit: "ms per test",
    baseline: round(words.re2Ms, 4),
    baselineName: "re2js (RE2's JavaScript port), same pattern and text",
    baselineUnit: "ms per test",
    ratio: round(words.oursMs / words.re2Ms, 3),
    budget: null,
    pass: null,
    machine,
  },
];

mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, "engine.json"), `${JSON.stringify({ results }, null, 2)}\n`);

const rows = results.map((r) => [
  r.name,
  `${r.figure.toLocaleString("en")} ${r.unit}`,
  `${r.baseline.toLocaleString("en")} ${r.baselineUnit}`,
  r.budget ?? "",
  r.pass === null ? "" : r.pass ? "pass" : "FAIL",
]);
const header = ["what", "figure", "baseline", "budget", ""];
const widths = header.map((h, i) =>
  Math.max(h.length, ...rows.map((row) => (row[i] as string).length)),
);
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join("  ");
process.stdout.write(
  [
    `engine benchmark${quick ? " (quick)" : ""} on ${machine}`,
    `1,000-node flow: ${visitsPerWalk} node visits in ${eventsPerWalk} events per conversation; ${largeText.length.toLocaleString("en")} bytes of JSON`,
    "",
    line(header),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    "",
    `written to ${join(resultsDir, "engine.json")}`,
    "",
  ].join("\n"),
);
