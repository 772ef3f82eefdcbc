/**
 * The flows list of a brand with 500 flows: the time from opening the list to its first rows painted
 * (the latest 50: the list draws that many, then more on "Show more", see FlowsList.tsx),
 * and from a keystroke in its search field to the filtered rows painted, in the editor's production
 * build served by the real runtime (SQLite), in headless Chromium. Beside it, in the same run and
 * rounds interleaved, the same page of a runtime holding 10 flows: what the list costs as it grows.
 * The runtime's own answer (GET /api/flows, measured from the page) is reported with the opening.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { printProfile } from "./profile";
import { compareRounds, percentile } from "./rounds";

const ADMIN_TOKEN = "bench-admin-token";
const MANY = 500;
const FEW = 10;
/** The rows the list draws at first (FlowsList's PAGE). */
const FIRST_ROWS = 50;

interface RuntimeModule {
  loadConfig(env: Record<string, string | undefined>, dotEnvPath?: string): unknown;
  createRuntime(options: { config: unknown }): Promise<{
    start(): Promise<{ url: string }>;
    stop(): Promise<void>;
  }>;
}

/** Loaded by name, as the e2e harness does: the runtime's Node sources are not the editor's to type-check. */
async function loadRuntime(): Promise<RuntimeModule> {
  const name = "@convo/runtime";
  return (await import(name)) as RuntimeModule;
}

/** A runtime on a fresh SQLite file serving `appDist`, holding `count` flows. */
async function runtimeWith(appDist: string, dir: string, count: number) {
  const { createRuntime, loadConfig } = await loadRuntime();
  const config = loadConfig(
    {
      PORT: "0",
      HOST: "127.0.0.1",
      CONVO_DB: join(dir, `flows-${count}.db`),
      CONVO_ADMIN_TOKEN: ADMIN_TOKEN,
      CONVO_EDITOR_DIST: appDist,
      CONVO_LOG_LEVEL: "silent",
    },
    join(dir, "no.env"),
  );
  const runtime = await createRuntime({ config });
  const url = (await runtime.start()).url.replace(/\/$/, "");
  const headers = { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" };
  const existing = (await (await fetch(`${url}/api/flows`, { headers })).json()) as {
    flows: unknown[];
  };
  for (let i = existing.flows.length; i < count; i++) {
    const name = `Campagne ${String(i + 1).padStart(3, "0")} ${i % 2 === 0 ? "soldes" : "livraison"}`;
    const answer = await fetch(`${url}/api/flows`, {
      method: "POST",
      headers,
      body: JSON.stringify({ name }),
    });
    if (answer.status !== 201) throw new Error(`creating flow ${i}: ${answer.status}`);
  }
  return { url, runtime };
}

interface ListRun {
  /** Hash change to the list's rows painted, per opening (ms). */
  open: number[];
  /** GET /api/flows from the page, per opening (ms). */
  fetch: number[];
  /** Search keystroke to the filtered rows painted (ms). */
  keystroke: number[];
}

/** Opens the list `opens` times and types `queries` into its search, timing each in the page. */
async function measure(page: Page, url: string, rows: number, opens: number): Promise<ListRun> {
  // tsx keeps function names with a `__name` helper, which page.evaluate code would miss.
  await page.addInitScript("globalThis.__name = (f) => f;");
  await page.goto(`${url}/#/account`);
  // The sign-in form may come a moment after the page: wait for it rather than read it too soon.
  const token = page.getByLabel("Admin token");
  await token.waitFor({ timeout: 15_000 }).catch(() => undefined);
  if (await token.isVisible().catch(() => false)) {
    await token.fill(ADMIN_TOKEN);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
  }
  const run: ListRun = { open: [], fetch: [], keystroke: [] };
  // BENCH_TRACE=list: where Chromium spent the last opening of the long list.
  const tracing =
    (process.env.BENCH_TRACE === "list" && rows > FEW) ||
    (process.env.BENCH_TRACE === "list-few" && rows === FEW);
  const cdp = tracing ? await page.context().newCDPSession(page) : undefined;
  const events: { name: string; ph: string; dur?: number }[] = [];
  cdp?.on("Tracing.dataCollected", (d) => events.push(...(d.value as unknown as typeof events)));
  for (let i = 0; i < opens; i++) {
    if (cdp && i === opens - 1) {
      if (process.env.BENCH_PROFILE === "list") {
        await cdp.send("Profiler.enable");
        await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
        await cdp.send("Profiler.start");
      } else {
        await cdp.send("Tracing.start", { categories: "devtools.timeline,blink,v8" });
      }
    }
    await page.evaluate(() => {
      location.hash = "#/contacts";
    });
    await page.waitForFunction(() => document.querySelector(".flows-table") === null);
    const { open, fetched } = await page.evaluate(
      async ({ rows, token }) => {
        const painted = () =>
          new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
        const start = performance.now();
        location.hash = "#/";
        // A list that never shows its rows is a failure said in words, not a hung benchmark.
        while (document.querySelectorAll(".flows-table tbody tr").length < rows) {
          if (performance.now() - start > 60_000)
            throw new Error(
              `the flows list showed ${document.querySelectorAll(".flows-table tbody tr").length} of ${rows} rows after 60 s (${location.hash}: ${document.body.textContent?.slice(0, 200)})`,
            );
          await painted();
        }
        const open = performance.now() - start;
        const before = performance.now();
        await (await fetch("/api/flows", { headers: { authorization: `Bearer ${token}` } })).json();
        return { open, fetched: performance.now() - before };
      },
      { rows, token: ADMIN_TOKEN },
    );
    run.open.push(open);
    run.fetch.push(fetched);
  }
  if (cdp && process.env.BENCH_PROFILE === "list") {
    printProfile((await cdp.send("Profiler.stop")).profile, (m) =>
      process.stderr.write(`[flows list] js${m}\n`),
    );
  } else if (cdp) {
    const done = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
    await cdp.send("Tracing.end");
    await done;
    const sums = new Map<string, number>();
    for (const e of events)
      if (e.ph === "X" && e.dur) sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur / 1000);
    for (const [name, ms] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 25))
      process.stderr.write(`[flows list] trace ${ms.toFixed(1)} ms ${name}\n`);
  }
  // Narrowing and widening the search as a marketer looks for a campaign.
  const queries = ["s", "so", "sol", "so", "s", "", "l", "li", "liv", "li", "l", ""];
  run.keystroke = await page.evaluate(async (queries) => {
    const input = document.querySelector<HTMLInputElement>(".flows-head input[type=search]");
    if (!input) throw new Error("no search field");
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
    const painted = () =>
      new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    const times: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const query of queries) {
        await painted();
        const start = performance.now();
        setValue?.call(input, query);
        input.dispatchEvent(new Event("input", { bubbles: true }));
        await painted();
        times.push(performance.now() - start);
      }
    }
    return times;
  }, queries);
  return run;
}

export interface ListResult {
  name: string;
  figure: number;
  unit: string;
  baseline: number;
  baselineName: string;
  baselineUnit: string;
  ratio: number | null;
  budget: string | null;
  pass: boolean | null;
  machine: string;
}

/** What each of the canvas bench's companion measurements is given (flows list, lint frames). */
export interface BenchOptions {
  browser: Browser;
  rounds: number;
  quick: boolean;
  machine: string;
  say: (message: string) => void;
}

/** The flows list's figures, measured in `rounds` interleaved rounds of 10 and 500 flows. */
export async function measureFlowsList(
  options: BenchOptions & { appDist: string },
): Promise<ListResult[]> {
  const { appDist, browser, rounds, quick, machine, say } = options;
  const dir = mkdtempSync(join(tmpdir(), "convo-flows-list-bench-"));
  const started: Awaited<ReturnType<typeof runtimeWith>>[] = [];
  try {
    const many = await runtimeWith(appDist, dir, quick ? 100 : MANY);
    started.push(many);
    const few = await runtimeWith(appDist, dir, FEW);
    started.push(few);
    const manyRows = quick ? 100 : MANY;
    const runs = { many: [] as ListRun[], few: [] as ListRun[] };
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? (["few", "many"] as const) : (["many", "few"] as const);
      for (const which of order) {
        const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
        const page = await context.newPage();
        const target = which === "many" ? many : few;
        runs[which].push(
          await measure(
            page,
            target.url,
            Math.min(FIRST_ROWS, which === "many" ? manyRows : FEW),
            quick ? 3 : 20,
          ),
        );
        await context.close();
      }
    }
    const round = (n: number) => Math.round(n * 100) / 100;
    const p95 = (pick: (run: ListRun) => number[]) =>
      compareRounds(
        runs.many.map((run) => percentile(pick(run), 95)),
        runs.few.map((run) => percentile(pick(run), 95)),
      );
    const open = p95((run) => run.open);
    const key = p95((run) => run.keystroke);
    const fetched = percentile(
      runs.many.flatMap((run) => run.fetch),
      95,
    );
    const spread = (c: ReturnType<typeof compareRounds>) =>
      `median of ${rounds} interleaved rounds; ${manyRows} flows ${round(c.editor.low)}–${round(c.editor.high)} ms, ${FEW} flows ${round(c.bare.low)}–${round(c.bare.high)} ms` +
      (c.readable ? "" : "; the rounds disagree too much for the ratio to be read");
    const results: ListResult[] = [
      {
        name: `flows list opened, p95 (${manyRows} flows, the latest ${FIRST_ROWS} rows painted)`,
        figure: round(open.editor.median),
        unit: "ms",
        baseline: round(open.bare.median),
        baselineName: `the same list with ${FEW} flows (${spread(open)}; GET /api/flows of ${manyRows} flows from the page: p95 ${round(fetched)} ms)`,
        baselineUnit: "ms",
        ratio: open.ratio === null ? null : round(open.ratio),
        budget: "≤ 100 ms",
        pass: open.editor.median <= 100,
        machine,
      },
      {
        name: `flows list search keystroke, p95 (${manyRows} flows, filtered rows painted)`,
        figure: round(key.editor.median),
        unit: "ms",
        baseline: round(key.bare.median),
        baselineName: `the same list with ${FEW} flows (${spread(key)})`,
        baselineUnit: "ms",
        ratio: key.ratio === null ? null : round(key.ratio),
        budget: "≤ 100 ms",
        pass: key.editor.median <= 100,
        machine,
      },
    ];
    for (const r of results) say(`${r.name}: ${r.figure} ms — ${r.baseline} ms ${r.baselineName}`);
    return results;
  } finally {
    for (const { runtime } of started) await runtime.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
