/**
 * Frames while the lint runs (issue #20: "no frame over 50 ms while it runs"): the editor's bench
 * page (its canvas, store and lint loop, the lint in a worker from 500 steps) on a generated flow of
 * 5,000 steps, in headless Chromium. An edit empties a message's text, which the lint must answer
 * with an error on that step; the next edit puts the text back, which it must answer by taking the
 * error away. Every frame (requestAnimationFrame to requestAnimationFrame) is timed from the edit
 * until the lint's problems are in the store and the step's mark has been drawn. The frames that end
 * once the 250 ms debounce has passed are the lint's (the draft sent to the worker, its answer taken
 * in, the marks rebuilt, the step re-rendered and the canvas painted again): the figure is the
 * longest of them, budget 50 ms. The frames before are the edit's own, reported on their own.
 * The page opens at fit view, where a flow this large is drawn on the overview canvas
 * (src/editor/canvas/Overview.tsx), as a marketer opening it sees it.
 *
 * Beside it, in the same run and rounds interleaved: the same page with the lint left out
 * (editor.html?lint=off), the same edits, and its frames timed over the same windows, so what the
 * edit itself costs the canvas is in both and the difference is the lint's.
 *
 * An answer that never comes, or that does not mark (or unmark) the edited step, is a failure: the
 * figure is only read when the lint did run. BENCH_PROFILE=lint prints where the main thread's JS
 * went during the edits with the lint, BENCH_TRACE=lint where Chromium spent them, per edit (JS,
 * style, paint, layerize…). BENCH_QUICK=1: one round of 6 edits.
 */
import type { Browser, Page } from "playwright-core";
import { LINT_DEBOUNCE_MS } from "../src/editor/lint/runner";
import type { BenchOptions, ListResult } from "./flows-list";
import { generateFlow } from "./generate";
import { printProfile } from "./profile";
import { compareRounds, percentile } from "./rounds";

const NODES = 5000;
const BUDGET_MS = 50;

interface Sample {
  /** Every frame's duration in the window (ms). */
  frames: number[];
  /** When each frame ended, from the edit (ms). */
  ends: number[];
  /** From the edit to the step's mark drawn (with the lint), or the window given (without). */
  window: number;
  /** From the edit to the problems in the store (with the lint). */
  answered: number | null;
  /** When the lint's debounce had passed (a timer of the same delay set just after the runner's), from the edit (ms). */
  lintFrom: number;
  /** Long tasks that began in the window: when, from the edit, and how long (ms). */
  longTasks: { at: number; duration: number }[];
}

/** Opens the page and makes `edits` edits (half emptying, half restoring), timing each in the page. */
async function measure(
  browser: Browser,
  url: string,
  flow: ReturnType<typeof generateFlow>,
  lint: boolean,
  edits: number,
  windows: readonly number[],
  say: (message: string) => void,
): Promise<Sample[]> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page: Page = await context.newPage();
    page.on("pageerror", (error) => say(`lint page error: ${error.message}`));
    // tsx keeps function names with a `__name` helper, which page.evaluate code would miss.
    await page.addInitScript("globalThis.__name = (f) => f;");
    await page.addInitScript((f) => {
      (window as unknown as { __FLOW__: unknown }).__FLOW__ = f;
    }, flow);
    await page.goto(`${url}${lint ? "" : "?lint=off"}`);
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll(".react-flow__node").length === n ||
        document.querySelector(`.overview[data-steps="${n}"]`) !== null,
      flow.nodes.length,
      { timeout: 300_000, polling: "raf" },
    );
    // The first lint, sent once the canvas is drawn, answers the generated flow's warnings.
    if (lint)
      await page.waitForFunction(
        () =>
          (
            window as unknown as { __editor: { store: { getState(): { problems: unknown[] } } } }
          ).__editor.store.getState().problems.length > 0,
        undefined,
        { timeout: 60_000 },
      );
    await page.waitForTimeout(1000);
    const profiling = lint && process.env.BENCH_PROFILE === "lint";
    const cdp = profiling ? await context.newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
      await cdp.send("Profiler.start");
    }
    const tracing = lint && process.env.BENCH_TRACE === "lint";
    const tcdp = tracing ? await context.newCDPSession(page) : undefined;
    const events: {
      name: string;
      ph: string;
      dur?: number;
      tid: number;
      args?: { name?: string };
    }[] = [];
    if (tcdp) {
      tcdp.on("Tracing.dataCollected", (d) =>
        events.push(...(d.value as unknown as typeof events)),
      );
      await tcdp.send("Tracing.start", { categories: "devtools.timeline,blink,cc,v8,toplevel" });
    }
    const samples = await page.evaluate(
      async ({ lint, edits, windows, debounce }) => {
        type Problem = { code: string; nodeId?: string };
        type Node = { id: string; type: string; data: { content?: { text?: string }[] } };
        interface State {
          flow: { nodes: Node[] };
          problems: Problem[];
          marks: ReadonlyMap<string, string>;
        }
        const editor = (
          window as unknown as {
            __editor: {
              store: {
                getState(): State;
                subscribe(listener: (now: State, before: State) => void): () => void;
              };
              setNodeField(id: string, path: (string | number)[], value: unknown): void;
            };
          }
        ).__editor;
        const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
        const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
        const { nodes } = editor.store.getState().flow;
        // At fit view a large flow is drawn on the editor's overview canvas, which draws a new
        // mark in the same task as the store change; cards draw theirs in a React render.
        const overview = document.querySelector("[data-testid=overview]") !== null;
        // Messages spread over the flow, each drawn on the canvas and without an error yet.
        const wanted = Math.ceil(edits / 2);
        const messages = nodes.filter((n) => n.type === "message" && n.data.content?.[0]?.text);
        const steps = Array.from({ length: wanted }, (_, k) => {
          const node = messages[Math.floor(((k + 0.5) * messages.length) / wanted)] as Node;
          if (!overview && !document.querySelector(`[data-testid="node-${node.id}"]`))
            throw new Error(`step ${node.id} is not drawn`);
          if (editor.store.getState().marks.get(node.id) === "error")
            throw new Error(`step ${node.id} has an error before the edit`);
          return { id: node.id, text: node.data.content?.[0]?.text as string };
        });
        const longTasks: { start: number; duration: number }[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries())
            longTasks.push({ start: e.startTime, duration: e.duration });
        });
        observer.observe({ type: "longtask" });
        let answeredAt = 0;
        const unsubscribe = editor.store.subscribe((now, before) => {
          if (now.problems !== before.problems) answeredAt = performance.now();
        });
        const out: Sample[] = []; // a type only: nothing of it reaches the page
        for (let k = 0; k < edits; k++) {
          const step = steps[Math.floor(k / 2)] as { id: string; text: string };
          const emptying = k % 2 === 0;
          await wait(100);
          await frame();
          const start = await frame();
          answeredAt = 0;
          editor.setNodeField(step.id, ["data", "content", 0, "text"], emptying ? "" : step.text);
          // The runner set its debounce timer in that call: this one, of the same delay, follows it.
          let lintFrom = Number.POSITIVE_INFINITY;
          setTimeout(() => {
            lintFrom = performance.now();
          }, debounce);
          const stamps = [start];
          let drawn = false;
          // Looked up once (a query among 5,000 steps each frame would be the bench's own long frame).
          let card = document.querySelector(`[data-testid="node-${step.id}"]`);
          for (;;) {
            const now = await frame();
            stamps.push(now);
            // One frame more once the mark is in the DOM: the frame that paints it is counted.
            if (drawn) break;
            if (lint) {
              if (!card?.isConnected)
                card = document.querySelector(`[data-testid="node-${step.id}"]`);
              const marked = overview
                ? editor.store.getState().marks.get(step.id) === "error"
                : (card?.classList.contains("has-error") ?? false);
              if (answeredAt > 0 && marked === emptying) {
                const problem = editor.store
                  .getState()
                  .problems.some((p) => p.code === "text-empty" && p.nodeId === step.id);
                if (problem !== emptying)
                  throw new Error(
                    `the lint's answer ${emptying ? "lacks" : "still has"} text-empty on ${step.id}`,
                  );
                drawn = true;
              }
              // Without the lint: as long as with it, and at least one frame past the debounce.
            } else if (now - start >= (windows[k] ?? 0) && now > lintFrom) break;
            if (now - start > 15_000)
              throw new Error(
                `edit ${k} of ${step.id}: ${answeredAt > 0 ? "the problems came but the step's mark was not drawn" : "no answer from the lint"} after 15 s`,
              );
          }
          while (lintFrom === Number.POSITIVE_INFINITY) await wait(10);
          if (!lint && answeredAt > 0) throw new Error("problems came with the lint left out");
          const text = editor.store.getState().flow.nodes.find((n) => n.id === step.id)?.data
            .content?.[0]?.text;
          if (text !== (emptying ? "" : step.text)) throw new Error(`edit ${k} was not made`);
          const frames = stamps.slice(1).map((t, i) => t - (stamps[i] as number));
          const end = stamps.at(-1) as number;
          await wait(0); // the observer's last entries
          out.push({
            frames,
            ends: stamps.slice(1).map((t) => t - start),
            window: end - start,
            answered: lint ? answeredAt - start : null,
            lintFrom: lintFrom - start,
            longTasks: longTasks
              .filter((t) => t.start >= start && t.start < end)
              .map((t) => ({ at: t.start - start, duration: t.duration })),
          });
        }
        unsubscribe();
        observer.disconnect();
        return out;
      },
      { lint, edits, windows: [...windows], debounce: LINT_DEBOUNCE_MS },
    );
    if (cdp) printProfile((await cdp.send("Profiler.stop")).profile, (m) => say(`lint js${m}`));
    if (tcdp) {
      const done = new Promise((r) => tcdp.once("Tracing.tracingComplete", r));
      await tcdp.send("Tracing.end");
      await done;
      const threads = new Map<number, string>();
      for (const e of events)
        if (e.ph === "M" && e.name === "thread_name") threads.set(e.tid, e.args?.name ?? "");
      const sums = new Map<string, number>();
      for (const e of events) {
        if (e.ph !== "X" || !e.dur) continue;
        const key = `${threads.get(e.tid) ?? e.tid} ${e.name}`;
        sums.set(key, (sums.get(key) ?? 0) + e.dur / 1000);
      }
      for (const [k, v] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 30))
        say(`lint trace ${(v / edits).toFixed(1)} ms per edit ${k}`);
    }
    return samples;
  } finally {
    await context.close();
  }
}

/** The longest frame and the frame p95 from an edit until its problems are drawn, with and without the lint. */
export async function measureLintFrames(
  options: BenchOptions & {
    /** The editor bench page (bench/pages/editor.html), served. */
    url: string;
  },
): Promise<ListResult[]> {
  const { url, browser, quick, machine, say } = options;
  const rounds = quick ? 1 : options.rounds;
  const flow = generateFlow(NODES);
  const edits = quick ? 6 : 10;
  const runs = { lint: [] as Sample[][], off: [] as Sample[][] };
  for (let r = 0; r < rounds; r++) {
    const lint = await measure(browser, url, flow, true, edits, [], say);
    runs.lint.push(lint);
    runs.off.push(
      await measure(
        browser,
        url,
        flow,
        false,
        edits,
        lint.map((s) => s.window),
        say,
      ),
    );
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  // The lint's phase: the frames that end once the debounce has passed (the draft sent to the
  // worker, its answer taken in and drawn); the edit's: the frames before (the edit drawn).
  const lintFrames = (s: Sample) => s.frames.filter((_, i) => (s.ends[i] as number) > s.lintFrom);
  const editFrames = (s: Sample) => s.frames.filter((_, i) => (s.ends[i] as number) <= s.lintFrom);
  const byRound = (pick: (frames: number[]) => number, phase: (s: Sample) => number[]) =>
    compareRounds(
      runs.lint.map((run) => pick(run.flatMap(phase))),
      runs.off.map((run) => pick(run.flatMap(phase))),
    );
  const max = (frames: number[]) => Math.max(...frames);
  const longest = byRound(max, lintFrames);
  const p95 = byRound((f) => percentile(f, 95), lintFrames);
  const edit = byRound(max, editFrames);
  const lintRuns = runs.lint.flat();
  const answered = percentile(
    lintRuns.map((s) => s.answered ?? Number.NaN),
    50,
  );
  const drawn = percentile(
    lintRuns.map((s) => s.window),
    50,
  );
  for (const [which, run] of [
    ["with the lint", lintRuns],
    ["lint left out", runs.off.flat()],
  ] as const) {
    say(
      `lint frames, ${which}: longest per edit, its own frames ${run.map((s) => round(max(editFrames(s)))).join(", ")} ms, then the lint's ${run.map((s) => round(max(lintFrames(s)))).join(", ")} ms; long tasks ${run.flatMap((s) => s.longTasks.map((t) => `${Math.round(t.duration)}@${Math.round(t.at)}`)).join(", ") || "none"} (ms@ms after the edit)`,
    );
  }
  const spread = (c: ReturnType<typeof compareRounds>) =>
    `${rounds === 1 ? "1 round" : `median of ${rounds} interleaved rounds`} of ${edits} edits; with the lint ${round(c.editor.low)}–${round(c.editor.high)} ms, without ${round(c.bare.low)}–${round(c.bare.high)} ms`;
  const sizeName = `${NODES.toLocaleString("en")} nodes / ${flow.edges.length.toLocaleString("en")} edges`;
  const phase = `from the ${LINT_DEBOUNCE_MS} ms debounce after an edit to its problems drawn`;
  const baselineName =
    "the same page and edits with the lint left out, its frames over the same windows";
  const results: ListResult[] = [
    {
      name: `longest frame while the lint runs (${sizeName}, ${phase})`,
      figure: round(longest.editor.median),
      unit: "ms",
      baseline: round(longest.bare.median),
      baselineName: `${baselineName} (${spread(longest)}; the problems were in the store ${Math.round(answered)} ms after the edit and drawn after ${Math.round(drawn)} ms, median)`,
      baselineUnit: "ms",
      ratio: longest.ratio === null ? null : round(longest.ratio),
      budget: `≤ ${BUDGET_MS} ms`,
      pass: longest.editor.median <= BUDGET_MS,
      machine,
    },
    {
      name: `frame p95 while the lint runs (${sizeName}, ${phase})`,
      figure: round(p95.editor.median),
      unit: "ms",
      baseline: round(p95.bare.median),
      baselineName: `${baselineName} (${spread(p95)})`,
      baselineUnit: "ms",
      ratio: p95.ratio === null ? null : round(p95.ratio),
      budget: null,
      pass: null,
      machine,
    },
    {
      name: `longest frame of the edit before the lint (${sizeName}, a message's text set through the store, the ${LINT_DEBOUNCE_MS} ms until the lint's debounce passes)`,
      figure: round(edit.editor.median),
      unit: "ms",
      baseline: round(edit.bare.median),
      baselineName: `${baselineName} (${spread(edit)})`,
      baselineUnit: "ms",
      ratio: edit.ratio === null ? null : round(edit.ratio),
      budget: null,
      pass: null,
      machine,
    },
  ];
  for (const r of results) say(`${r.name}: ${r.figure} ms — ${r.baseline} ms ${r.baselineName}`);
  return results;
}
