/**
 * Canvas benchmark: drag, pan and zoom (wheel) frame times of the editor's canvas on generated
 * flows of 100, 1,000 (1,200 edges), 2,000 and 5,000 (6,000 edges) nodes, beside a bare React Flow
 * page with the same graph, in one headless Chromium run; time to first render and the JS heap
 * after it; and the editor's first-load JS and CSS, gzipped, beside the bare page's.
 *
 * Each size is measured in ROUNDS interleaved rounds (bare, editor, bare, editor…); a figure is the
 * median of the rounds with the lowest and highest beside it, and a ratio whose rounds disagree by
 * more than 30 % is said to be unreadable (see rounds.ts). From 1,000 nodes the gestures are
 * measured twice: at fit view (the whole flow visible) and at 100 % zoom.
 *
 * BENCH_QUICK=1: 100 nodes, 2 rounds, fit view only. BENCH_SIZES=5000 (comma-separated) measures
 * only those sizes; BENCH_ROUNDS=n sets the rounds; BENCH_TRACE=editor|bare prints where Chromium
 * spent the drag (layout, paint, layerize…), BENCH_PROFILE=editor|bare where the JS did, and
 * BENCH_GESTURE=pan|zoom traces or profiles that gesture instead of the drag (open: profiles the
 * first render), BENCH_DOM=1 counts what each page has to paint, and BENCH_CSS='<css>' adds a
 * stylesheet to both pages (to try a CSS idea before changing the editor). The flows
 * list of 500 flows is measured in the same run (flows-list.ts; BENCH_TRACE=list traces it).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { chromium, type Page } from "playwright-core";
import { build, preview } from "vite";
import { chromiumPath } from "../e2e/chromium";
import { measureFlowsList } from "./flows-list";
import { generateFlow } from "./generate";
import { measureLintFrames } from "./lint-frames";
import { printProfile } from "./profile";
import { type Compared, compareRounds, percentile } from "./rounds";

const quick = process.env.BENCH_QUICK === "1";
/** Graph sizes measured. */
const SIZES = process.env.BENCH_SIZES
  ? process.env.BENCH_SIZES.split(",").map(Number)
  : quick
    ? [100]
    : [100, 1000, 2000, 5000];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (quick ? 2 : 3));
const movesFor = (nodes: number) => (quick ? 30 : nodes > 2000 ? 40 : nodes > 100 ? 60 : 90);
/** From this size the gestures are also measured at 100 % zoom. */
const FULL_ZOOM_FROM = quick ? Number.POSITIVE_INFINITY : 1000;
const editorDir = join(import.meta.dirname, "..");
const repoRoot = join(editorDir, "..", "..");
const resultsDir = process.env.BENCH_RESULTS_DIR ?? join(repoRoot, "bench", "results");

const GESTURES = ["drag", "pan", "zoom"] as const;
type GestureName = (typeof GESTURES)[number];

interface Timing {
  /** Main-thread time from the mouse move to React's commit and layout, per move (ms). */
  work: number[];
  /** Time between animation frames while moving (ms). */
  frames: number[];
}

/**
 * BENCH_DOM=1: what the browser has to paint on the canvas, counted in the page: elements, and those
 * that make paint layers or property nodes (transforms, clips, rounded corners, shadows, opacity).
 */
function domCensus(): string {
  const all = document.querySelectorAll(".react-flow__viewport *");
  const count = { elements: all.length, transform: 0, clip: 0, radius: 0, shadow: 0, opacity: 0 };
  const by = new Map<string, number>();
  const note = (what: string, el: Element) => {
    const key = `${what} ${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 2).join(".")}`;
    by.set(key, (by.get(key) ?? 0) + 1);
  };
  for (const el of all) {
    const s = getComputedStyle(el);
    if (s.transform !== "none") {
      count.transform++;
      note("transform", el);
    }
    if (s.overflow !== "visible" || s.contain.includes("paint")) {
      count.clip++;
      note("clip", el);
    }
    if (s.borderRadius !== "0px") count.radius++;
    if (s.boxShadow !== "none") count.shadow++;
    if (s.opacity !== "1") {
      count.opacity++;
      note("opacity", el);
    }
  }
  const top = [...by].sort((a, b) => b[1] - a[1]).slice(0, 8);
  return `${JSON.stringify(count)} ${top.map(([k, n]) => `${k}×${n}`).join(", ")}`;
}

/**
 * Presses the mouse on `target` ("node": the step nearest the middle; "pane": empty canvas) and
 * moves it MOVES times, one move per animation frame, timing each in the page.
 */
async function gesture(
  page: Page,
  target: "node" | "pane" | "wheel",
  moves: number,
): Promise<Timing> {
  return page.evaluate(
    async ({ target, moves }) => {
      const pane = document.querySelector(".react-flow__pane") as HTMLElement;
      const box = pane.getBoundingClientRect();
      let element: Element = pane;
      let x = box.left + 12;
      let y = box.top + 12;
      if (target === "node") {
        // The step nearest the middle, pressed where it is drawn (pages/expose.tsx): an element on
        // the bare page, an element or the editor's overview canvas on the editor's.
        const step = (
          window as unknown as {
            __stepNearMiddle: () => { id: string; x: number; y: number } | null;
          }
        ).__stepNearMiddle();
        if (!step) throw new Error("no step on the canvas");
        x = step.x;
        y = step.y;
        element =
          document.querySelector(`.react-flow__node[data-id="${step.id}"]`) ??
          document.elementFromPoint(x, y) ??
          pane;
      }
      const mouse = (type: string, at: EventTarget, cx: number, cy: number) =>
        at.dispatchEvent(
          new MouseEvent(type, {
            clientX: cx,
            clientY: cy,
            bubbles: true,
            cancelable: true,
            view: window,
            button: 0,
            buttons: 1,
          }),
        );
      const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
      const channel = new MessageChannel();
      const tick = () =>
        new Promise<void>((r) => {
          channel.port1.onmessage = () => r();
          channel.port2.postMessage(0);
        });
      const work: number[] = [];
      const frames: number[] = [];
      if (target === "wheel") {
        // Zoom about the middle of the canvas: in for half the moves, then out again.
        x = box.left + box.width / 2;
        y = box.top + box.height / 2;
      } else mouse("mousedown", element, x, y);
      let last = await frame();
      for (let i = 1; i <= moves; i++) {
        const t0 = performance.now();
        if (target === "wheel") {
          element.dispatchEvent(
            new WheelEvent("wheel", {
              clientX: x,
              clientY: y,
              deltaY: i <= moves / 2 ? -10 : 10,
              deltaMode: 0,
              bubbles: true,
              cancelable: true,
              view: window,
            }),
          );
        } else mouse("mousemove", window, x + i * 3, y + i * 2);
        // React's work for this move is done: its render (a microtask or a scheduler task), the
        // effects it runs after, and the render those ask for (the bare page's nodes reach React
        // Flow's store in an effect, StoreUpdater, and are drawn in a task of their own). One
        // tick alone timed the editor's whole frame and a part of the bare page's.
        for (let k = 0; k < 3; k++) await tick();
        void document.body.offsetHeight; // …and the new positions are laid out.
        work.push(performance.now() - t0);
        const now = await frame();
        frames.push(now - last);
        last = now;
      }
      if (target !== "wheel") mouse("mouseup", window, x + moves * 3, y + moves * 2);
      await frame();
      return { work, frames };
    },
    { target, moves },
  );
}

/** The JS a page loads before anything is clicked: its entry and the chunks it preloads. */
function firstLoadFiles(dist: string, html: string): string[] {
  const text = readFileSync(join(dist, html), "utf8");
  return [...text.matchAll(/(?:src|href)="\/?assets\/([^"]+\.js)"/g)].map((m) => m[1] as string);
}

/** The stylesheets a page links from its HTML. */
function firstLoadCss(dist: string, html: string): string[] {
  const text = readFileSync(join(dist, html), "utf8");
  return [...text.matchAll(/href="\/?assets\/([^"]+\.css)"/g)].map((m) => m[1] as string);
}

function gzippedSize(dist: string, files: readonly string[]): number {
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, "assets", f))).length, 0);
}

/** The chunks a chunk imports statically, followed to the end (what the browser fetches with it). */
function withStaticImports(dist: string, entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(join(dist, "assets", entry), "utf8");
  for (const m of code.matchAll(
    /(?:^|[;\n}])\s*import\s*(?:[^"'()]*?from\s*)?["']\.\/([^"']+\.js)["']/g,
  )) {
    withStaticImports(dist, m[1] as string, seen);
  }
  return seen;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

async function main() {
  const work = mkdtempSync(join(tmpdir(), "convo-canvas-bench-"));
  const say = (m: string) => process.stderr.write(`[editor bench] ${m}\n`);
  let server: Awaited<ReturnType<typeof preview>> | undefined;
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  try {
    // The editor's production build, for its first-load size.
    const appDist = join(work, "app");
    // Readable function names for BENCH_PROFILE=list (the sizes are measured minified).
    await build({
      root: editorDir,
      logLevel: "error",
      build: { outDir: appDist, minify: process.env.BENCH_PROFILE !== "list" },
    });
    // The reader's words load before the first screen (their own chunk, with the chunks it
    // imports: words shared with another language would be downloaded too): English here.
    const catalogue = [
      ...new Set(
        readdirSync(join(appDist, "assets"))
          .filter((f) => /^en-.*\.js$/.test(f))
          .flatMap((f) => [...withStaticImports(appDist, f)]),
      ),
    ];
    // The first screen is the list of flows, a chunk of its own with its words.
    const listFiles = readdirSync(join(appDist, "assets"))
      .filter((f) => /^(FlowsList|flows-en)-.*\.js$/.test(f))
      .flatMap((f) => [...withStaticImports(appDist, f)]);
    const appFirstLoad = gzippedSize(appDist, [
      ...new Set([...firstLoadFiles(appDist, "index.html"), ...catalogue, ...listFiles]),
    ]);
    const appCss = gzippedSize(appDist, firstLoadCss(appDist, "index.html"));
    // Opening a flow also fetches the canvas chunk and what it imports (not the lazy inspector).
    const editorChunk = readdirSync(join(appDist, "assets")).find((f) =>
      /^EditorPage-.*\.js$/.test(f),
    );
    const openFlowFiles = new Set([...firstLoadFiles(appDist, "index.html"), ...catalogue]);
    if (editorChunk) for (const f of withStaticImports(appDist, editorChunk)) openFlowFiles.add(f);
    const openFlowJs = gzippedSize(appDist, [...openFlowFiles]);

    // The two bench pages, built together so they share React and React Flow chunks.
    const pagesDist = join(work, "pages");
    const pagesRoot = join(import.meta.dirname, "pages");
    await build({
      root: pagesRoot,
      configFile: false,
      logLevel: "error",
      plugins: [react()],
      build: {
        outDir: pagesDist,
        // Readable function names in the profile BENCH_PROFILE=editor|bare prints.
        minify: !process.env.BENCH_PROFILE,
        rollupOptions: {
          input: { editor: join(pagesRoot, "editor.html"), bare: join(pagesRoot, "bare.html") },
        },
      },
    });
    const bareFirstLoad = gzippedSize(pagesDist, firstLoadFiles(pagesDist, "bare.html"));
    const bareCss = gzippedSize(pagesDist, firstLoadCss(pagesDist, "bare.html"));
    server = await preview({
      root: pagesRoot,
      configFile: false,
      logLevel: "error",
      build: { outDir: pagesDist },
      preview: { port: 0, host: "127.0.0.1", strictPort: false },
    });
    const address = server.httpServer.address();
    const port = typeof address === "object" && address ? address.port : 0;

    const launched = await chromium.launch({
      executablePath: chromiumPath(),
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
    browser = launched;
    const measure = async (page: "editor" | "bare", flow: ReturnType<typeof generateFlow>) => {
      const NODES = flow.nodes.length;
      const moves = movesFor(NODES);
      const context = await launched.newContext({ viewport: { width: 1400, height: 900 } });
      const tab = await context.newPage();
      // tsx keeps function names with a `__name` helper, which page.evaluate code would miss.
      tab.on("pageerror", (error) => say(`${page} page error: ${error.message}`));
      await tab.addInitScript("globalThis.__name = (f) => f;");
      await tab.addInitScript((f) => {
        (window as unknown as { __FLOW__: unknown }).__FLOW__ = f;
      }, flow);
      // BENCH_GESTURE=open with BENCH_PROFILE=editor|bare: where the JS of the first render went.
      const openCdp =
        process.env.BENCH_PROFILE === page && process.env.BENCH_GESTURE === "open"
          ? await context.newCDPSession(tab)
          : undefined;
      if (openCdp) {
        await openCdp.send("Profiler.enable");
        await openCdp.send("Profiler.start");
      }
      await tab.goto(`http://127.0.0.1:${port}/${page}.html`);
      if (process.env.BENCH_CSS) await tab.addStyleTag({ content: process.env.BENCH_CSS });
      // Time to first render: from navigation start until every step is drawn: in the DOM (at fit
      // view every step is on screen, so culling hides none), or on the editor's overview canvas.
      // The editor's overview draws every step on one canvas and says how many it drew.
      const firstRender = (await (
        await tab.waitForFunction(
          (n) =>
            document.querySelectorAll(".react-flow__node").length === n ||
            document.querySelector(`.overview[data-steps="${n}"]`)
              ? performance.now()
              : false,
          NODES,
          { timeout: 300_000, polling: "raf" },
        )
      ).jsonValue()) as number;
      if (openCdp) printProfile((await openCdp.send("Profiler.stop")).profile, say);
      await tab.waitForTimeout(500);
      const heapSession = await context.newCDPSession(tab);
      await heapSession.send("HeapProfiler.collectGarbage");
      const heap = (await heapSession.send("Runtime.getHeapUsage")).usedSize;
      if (process.env.BENCH_DOM === "1") say(`${page} DOM: ${await tab.evaluate(domCensus)}`);
      await gesture(tab, "node", Math.min(moves, 20)); // warm-up
      const profiling = process.env.BENCH_PROFILE === page;
      const cdp = profiling ? await context.newCDPSession(tab) : undefined;
      if (cdp) {
        await cdp.send("Profiler.enable");
        await cdp.send("Profiler.start");
      }
      const tracing = process.env.BENCH_TRACE === page;
      const tcdp = tracing ? await context.newCDPSession(tab) : undefined;
      const events: { name: string; ph: string; dur?: number; tid: number }[] = [];
      if (tcdp) {
        tcdp.on("Tracing.dataCollected", (d) =>
          events.push(...(d.value as unknown as typeof events)),
        );
        await tcdp.send("Tracing.start", { categories: "devtools.timeline,blink,cc,v8" });
      }
      const profiled = process.env.BENCH_GESTURE ?? "drag";
      const target = { drag: "node", pan: "pane", zoom: "wheel" } as const;
      const first = await gesture(tab, target[profiled as GestureName] ?? "node", moves);
      if (tcdp) {
        const done = new Promise((r) => tcdp.once("Tracing.tracingComplete", r));
        await tcdp.send("Tracing.end");
        await done;
        const sums = new Map<string, number>();
        for (const e of events)
          if (e.ph === "X" && e.dur) sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur / 1000);
        for (const [k, v] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 30))
          say(`  trace ${v.toFixed(1)} ms ${k}`);
      }
      if (cdp) printProfile((await cdp.send("Profiler.stop")).profile, say);
      const drag = profiled === "drag" ? first : await gesture(tab, "node", moves);
      const pan = profiled === "pan" ? first : await gesture(tab, "pane", moves);
      const zoom = profiled === "zoom" ? first : await gesture(tab, "wheel", moves);
      const views: Record<string, Gestures> = { fit: { drag, pan, zoom } };
      if (NODES >= FULL_ZOOM_FROM) {
        await tab.evaluate(() =>
          (window as unknown as { __zoomTo: (z: number) => void }).__zoomTo(1),
        );
        await tab.waitForTimeout(500);
        views.full = {
          drag: await gesture(tab, "node", moves),
          pan: await gesture(tab, "pane", moves),
          zoom: await gesture(tab, "wheel", moves),
        };
      }
      await context.close();
      return { views, firstRender, heap };
    };
    type Gestures = Record<GestureName, Timing>;
    type Run = Awaited<ReturnType<typeof measure>>;
    const bySize = new Map<number, { editor: Run[]; bare: Run[]; edges: number }>();
    for (const nodes of SIZES) {
      const flow = generateFlow(nodes);
      say(
        `${flow.nodes.length} nodes, ${flow.edges.length} edges, ${movesFor(nodes)} moves per gesture, ${ROUNDS} rounds`,
      );
      const runsAtSize = { editor: [] as Run[], bare: [] as Run[], edges: flow.edges.length };
      for (let r = 0; r < ROUNDS; r++) {
        // Alternate which page goes first, so neither always gets the warmer machine.
        const order = r % 2 === 0 ? (["bare", "editor"] as const) : (["editor", "bare"] as const);
        for (const page of order) runsAtSize[page].push(await measure(page, flow));
      }
      bySize.set(nodes, runsAtSize);
    }

    const machine = `${cpus()[0]?.model.trim() ?? "unknown CPU"}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version} (shared with other work)`;
    const sizeName = (nodes: number) =>
      `${nodes.toLocaleString("en")} nodes / ${(bySize.get(nodes)?.edges ?? 0).toLocaleString("en")} edges`;
    const ms = (n: number) => round(n, 1);
    /** The figure of every round on each page, compared. */
    const compare = (nodes: number, pick: (run: Run) => number | undefined): Compared | null => {
      const runs = bySize.get(nodes);
      if (!runs) return null;
      const editor = runs.editor.map(pick);
      const bare = runs.bare.map(pick);
      if (editor.some((v) => v === undefined) || bare.some((v) => v === undefined)) return null;
      return compareRounds(editor as number[], bare as number[]);
    };
    const spreadText = (c: Compared, unit: string) =>
      `median of ${ROUNDS} interleaved rounds; editor ${ms(c.editor.low)}–${ms(c.editor.high)} ${unit}, bare ${ms(c.bare.low)}–${ms(c.bare.high)} ${unit}` +
      (c.readable ? "" : "; the rounds disagree too much for the ratio to be read");
    /** A budget on the ratio, or on the editor's figure alone. */
    type Budget = { text: string; ratio?: number; figure?: number } | null;
    const result = (name: string, c: Compared, unit: string, budget: Budget) => {
      const ratio = c.ratio === null ? null : round(c.ratio, 3);
      let pass: boolean | null = null;
      if (budget?.ratio !== undefined)
        pass = c.readable && ratio !== null ? ratio <= budget.ratio : null;
      if (budget?.figure !== undefined) pass = c.editor.median <= budget.figure;
      return {
        name,
        figure: round(c.editor.median),
        unit,
        baseline: round(c.bare.median),
        baselineName: `bare React Flow page, same graph (${spreadText(c, unit)})`,
        baselineUnit: unit,
        ratio,
        budget: budget?.text ?? null,
        pass,
        machine,
      };
    };
    const budgetFor = (nodes: number, view: string, p: 50 | 95, g: GestureName): Budget => {
      if (nodes === 1000 && view === "fit" && g !== "zoom")
        return { text: "≤ 1.0 × bare React Flow", ratio: 1.0 };
      if (nodes === 100) return { text: "≤ 1.2 × bare React Flow", ratio: 1.2 };
      if (nodes === 5000 && p === 95) return { text: "≤ 33 ms", figure: 33 };
      return null;
    };
    const frameResults = SIZES.flatMap((nodes) =>
      (["fit", "full"] as const).flatMap((view) =>
        GESTURES.flatMap((g) =>
          ([50, 95] as const).flatMap((p) => {
            const c = compare(nodes, (run) => {
              const t = run.views[view]?.[g];
              return t ? percentile(t.work, p) : undefined;
            });
            if (!c) return [];
            const where = view === "fit" ? "fit view" : "100 % zoom";
            return [
              result(
                `canvas ${g} frame p${p} (${sizeName(nodes)}, ${where})`,
                c,
                "ms",
                budgetFor(nodes, view, p, g),
              ),
            ];
          }),
        ),
      ),
    );
    for (const r of frameResults)
      say(
        `${r.name}: editor ${r.figure} ms, bare ${r.baseline} ms, ratio ${r.ratio} — ${r.baselineName}`,
      );
    const seriesResults = (["drag", "pan"] as const).flatMap((g) =>
      (["editor", "bare"] as const).map((page) => {
        const points = SIZES.map((nodes): [number, number] => {
          const c = compare(nodes, (run) => percentile(run.views.fit?.[g].work ?? [], 95));
          return [nodes, round(c ? c[page].median : Number.NaN)];
        });
        return {
          name: `${g} frame p95 against node count (${page === "editor" ? "Convo editor" : "bare React Flow"})`,
          figure: points.at(-1)?.[1] ?? Number.NaN,
          unit: "ms",
          baseline: null,
          budget: null,
          pass: null,
          machine,
          series: {
            x: "nodes on the canvas",
            y: `${g} frame p95 (ms)`,
            label: page === "editor" ? "Convo editor" : "bare React Flow, same graph",
            points,
          },
        };
      }),
    );
    const loadResults = SIZES.flatMap((nodes) => {
      const first = compare(nodes, (run) => run.firstRender);
      const heap = compare(nodes, (run) => run.heap / 2 ** 20);
      return [
        ...(first
          ? [
              result(
                `time to first render (${sizeName(nodes)})`,
                first,
                "ms",
                nodes === 1000 ? { text: "≤ 1.0 × bare React Flow", ratio: 1.0 } : null,
              ),
            ]
          : []),
        ...(heap
          ? [result(`JS heap after first render (${sizeName(nodes)})`, heap, "MB", null)]
          : []),
      ];
    });
    for (const r of loadResults)
      say(
        `${r.name}: editor ${r.figure} ${r.unit}, bare ${r.baseline} ${r.unit} — ${r.baselineName}`,
      );
    say(
      `first-load JS gzip: editor ${round(appFirstLoad / 1024, 1)} KB (opening a flow: ${round(openFlowJs / 1024, 1)} KB), bare React Flow page ${round(bareFirstLoad / 1024, 1)} KB`,
    );
    const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 3) : null);
    const listResults = await measureFlowsList({
      appDist,
      browser: launched,
      rounds: ROUNDS,
      quick,
      machine,
      say,
    });
    const lintResults = await measureLintFrames({
      url: `http://127.0.0.1:${port}/editor.html`,
      browser: launched,
      rounds: ROUNDS,
      quick,
      machine,
      say,
    });
    const results = [
      ...listResults,
      ...lintResults,
      ...frameResults,
      ...seriesResults,
      ...loadResults,
      {
        name: "editor first-load CSS (gzip)",
        figure: round(appCss / 1024, 1),
        unit: "KB",
        baseline: round(bareCss / 1024, 1),
        baselineName: "bare React Flow page",
        baselineUnit: "KB",
        ratio: ratio(appCss, bareCss),
        budget: null,
        pass: null,
        machine,
      },
      {
        name: "editor first-load JS (gzip)",
        figure: round(appFirstLoad / 1024, 1),
        unit: "KB",
        baseline: round(bareFirstLoad / 1024, 1),
        baselineName: "bare React Flow page",
        baselineUnit: "KB",
        ratio: ratio(appFirstLoad, bareFirstLoad),
        budget: "≤ 200 KB gzip",
        pass: appFirstLoad <= 200 * 1024,
        machine,
      },
      {
        name: "editor JS to open a flow (gzip)",
        figure: round(openFlowJs / 1024, 1),
        unit: "KB",
        baseline: round(bareFirstLoad / 1024, 1),
        baselineName: "bare React Flow page",
        baselineUnit: "KB",
        ratio: ratio(openFlowJs, bareFirstLoad),
        budget: "≤ 200 KB gzip",
        pass: openFlowJs <= 200 * 1024,
        machine,
      },
    ];
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(resultsDir, "editor.json"), `${JSON.stringify({ results }, null, 2)}\n`);
    say(`wrote ${join(resultsDir, "editor.json")}`);
  } finally {
    await browser?.close();
    await new Promise<void>((resolve) =>
      server ? server.httpServer.close(() => resolve()) : resolve(),
    );
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
