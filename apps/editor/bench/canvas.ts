/**
 * Canvas benchmark: drag and pan frame times of the editor's canvas on generated flows of 100,
 * 1,000 (the budget's size, 1,200 edges) and 2,000 nodes, beside a bare React Flow page with the
 * same graph, in one headless Chromium run; time to first render; and the editor's first-load JS
 * and CSS, gzipped, beside the bare page's. BENCH_QUICK=1 uses 50 and 100 nodes; BENCH_ONCE=1
 * measures each page once; BENCH_TRACE=editor|bare prints where Chromium spent the drag (layout,
 * paint, layerize…), BENCH_PROFILE=editor|bare where the JS did.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { chromium, type Page } from "playwright-core";
import { build, preview } from "vite";
import { chromiumPath } from "../e2e/chromium";
import { generateFlow } from "./generate";

const quick = process.env.BENCH_QUICK === "1";
/** Graph sizes measured; the budget (DESIGN.md) is read at BUDGET_NODES. */
const SIZES = quick ? [50, 100] : [100, 1000, 2000];
const BUDGET_NODES = quick ? 100 : 1000;
const movesFor = (nodes: number) => (quick ? 30 : nodes > 1000 ? 60 : 120);
const editorDir = join(import.meta.dirname, "..");
const repoRoot = join(editorDir, "..", "..");
const resultsDir = process.env.BENCH_RESULTS_DIR ?? join(repoRoot, "bench", "results");

interface Timing {
  /** Main-thread time from the mouse move to React's commit and layout, per move (ms). */
  work: number[];
  /** Time between animation frames while moving (ms). */
  frames: number[];
}

/**
 * Presses the mouse on `target` ("node": the step nearest the middle; "pane": empty canvas) and
 * moves it MOVES times, one move per animation frame, timing each in the page.
 */
async function gesture(page: Page, target: "node" | "pane", moves: number): Promise<Timing> {
  return page.evaluate(
    async ({ target, moves }) => {
      const pane = document.querySelector(".react-flow__pane") as HTMLElement;
      const box = pane.getBoundingClientRect();
      let element: Element = pane;
      let x = box.left + 12;
      let y = box.top + 12;
      if (target === "node") {
        const cx = box.left + box.width / 2;
        const cy = box.top + box.height / 2;
        let best = Number.POSITIVE_INFINITY;
        for (const node of document.querySelectorAll(".react-flow__node")) {
          const r = node.getBoundingClientRect();
          const d = Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
          if (d < best) {
            best = d;
            element = node;
            x = r.left + r.width / 2;
            y = r.top + Math.min(8, r.height / 2);
          }
        }
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
      mouse("mousedown", element, x, y);
      let last = await frame();
      for (let i = 1; i <= moves; i++) {
        const t0 = performance.now();
        mouse("mousemove", window, x + i * 3, y + i * 2);
        await tick(); // React's work for this move (a microtask or a scheduler task) is done…
        void document.body.offsetHeight; // …and the new positions are laid out.
        work.push(performance.now() - t0);
        const now = await frame();
        frames.push(now - last);
        last = now;
      }
      mouse("mouseup", window, x + moves * 3, y + moves * 2);
      await frame();
      return { work, frames };
    },
    { target, moves },
  );
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
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
    await build({ root: editorDir, logLevel: "error", build: { outDir: appDist } });
    const appFirstLoad = gzippedSize(appDist, firstLoadFiles(appDist, "index.html"));
    const appCss = gzippedSize(appDist, firstLoadCss(appDist, "index.html"));
    // Opening a flow also fetches the canvas chunk and what it imports (not the lazy inspector).
    const editorChunk = readdirSync(join(appDist, "assets")).find((f) =>
      /^EditorPage-.*\.js$/.test(f),
    );
    const openFlowFiles = new Set(firstLoadFiles(appDist, "index.html"));
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
      await tab.goto(`http://127.0.0.1:${port}/${page}.html`);
      // Time to first render: from navigation start until every step is in the DOM.
      const firstRender = (await (
        await tab.waitForFunction(
          (n) =>
            document.querySelectorAll(".react-flow__node").length === n ? performance.now() : false,
          NODES,
          { timeout: 120_000, polling: "raf" },
        )
      ).jsonValue()) as number;
      await tab.waitForTimeout(500);
      await gesture(tab, "node", moves); // warm-up
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
      const drag = await gesture(tab, "node", moves);
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
      if (cdp) {
        const { profile } = await cdp.send("Profiler.stop");
        const self = new Map<string, number>();
        const dt = profile.timeDeltas ?? [];
        const byId = new Map(profile.nodes.map((n) => [n.id, n]));
        (profile.samples ?? []).forEach((id, i) => {
          const n = byId.get(id);
          const key = `${n?.callFrame.functionName || "(anon)"} ${n?.callFrame.url.split("/").pop()}:${n?.callFrame.lineNumber}`;
          self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
        });
        for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
          say(`  ${v.toFixed(1)} ms ${k}`);
      }
      const pan = await gesture(tab, "pane", moves);
      await context.close();
      return { drag, pan, firstRender };
    };
    // Every size, alternating the two pages so drift on a shared machine hits both alike; the
    // budget's size twice.
    type Run = Awaited<ReturnType<typeof measure>>;
    const bySize = new Map<number, { editor: Run[]; bare: Run[]; edges: number }>();
    for (const nodes of SIZES) {
      const flow = generateFlow(nodes);
      say(
        `${flow.nodes.length} nodes, ${flow.edges.length} edges, ${movesFor(nodes)} moves per gesture`,
      );
      const runsAtSize = { editor: [] as Run[], bare: [] as Run[], edges: flow.edges.length };
      const rounds = nodes === BUDGET_NODES && !quick && !process.env.BENCH_ONCE ? 2 : 1;
      for (let round = 0; round < rounds; round++) {
        runsAtSize.bare.push(await measure("bare", flow));
        runsAtSize.editor.push(await measure("editor", flow));
      }
      bySize.set(nodes, runsAtSize);
    }
    const atBudget = bySize.get(BUDGET_NODES);
    if (!atBudget) throw new Error("the budget size was not measured");
    const runs = atBudget;
    const NODES = BUDGET_NODES;
    const flow = { edges: { length: atBudget.edges } };
    const all = (page: "editor" | "bare", gesture: "drag" | "pan", key: keyof Timing) =>
      runs[page].flatMap((r) => r[gesture][key]);

    const stats = (page: "editor" | "bare", g: "drag" | "pan") => ({
      p50: percentile(all(page, g, "work"), 50),
      p95: percentile(all(page, g, "work"), 95),
      frameP50: percentile(all(page, g, "frames"), 50),
      frameP95: percentile(all(page, g, "frames"), 95),
    });
    const at = (nodes: number, page: "editor" | "bare", g: "drag" | "pan", p: number) =>
      percentile(
        (bySize.get(nodes)?.[page] ?? []).flatMap((r) => r[g].work),
        p,
      );
    const p95At = (nodes: number, page: "editor" | "bare") => at(nodes, page, "drag", 95);
    const firstRenderAt = (page: "editor" | "bare") =>
      percentile(
        runs[page].map((r) => r.firstRender),
        50,
      );
    const editor = { drag: stats("editor", "drag"), pan: stats("editor", "pan") };
    const bare = { drag: stats("bare", "drag"), pan: stats("bare", "pan") };
    for (const g of ["drag", "pan"] as const) {
      say(
        `${g}: editor p50 ${round(editor[g].p50)} ms, p95 ${round(editor[g].p95)} ms (frames p95 ${round(editor[g].frameP95, 1)} ms) | ` +
          `bare React Flow p50 ${round(bare[g].p50)} ms, p95 ${round(bare[g].p95)} ms (frames p95 ${round(bare[g].frameP95, 1)} ms)`,
      );
    }
    say(
      `first-load JS gzip: editor ${round(appFirstLoad / 1024, 1)} KB (opening a flow: ${round(openFlowJs / 1024, 1)} KB), bare React Flow page ${round(bareFirstLoad / 1024, 1)} KB`,
    );

    const size = `${NODES.toLocaleString("en")} nodes / ${flow.edges.length.toLocaleString("en")} edges`;
    const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 3) : null);
    const dragRatio = ratio(editor.drag.p95, bare.drag.p95);
    const machine = `${cpus()[0]?.model.trim() ?? "unknown CPU"}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
    const results = [
      {
        name: `canvas drag frame p95 (${size})`,
        figure: round(editor.drag.p95),
        unit: "ms",
        baseline: round(bare.drag.p95),
        baselineName: "bare React Flow page, same graph",
        baselineUnit: "ms",
        ratio: dragRatio,
        budget: "≤ 1.3 × bare React Flow",
        pass: dragRatio !== null && dragRatio <= 1.3,
        machine,
      },
      {
        name: `canvas drag frame p50 (${size})`,
        figure: round(editor.drag.p50),
        unit: "ms",
        baseline: round(bare.drag.p50),
        baselineName: "bare React Flow page, same graph",
        baselineUnit: "ms",
        ratio: ratio(editor.drag.p50, bare.drag.p50),
        budget: null,
        pass: null,
        machine,
      },
      ...(["p50", "p95"] as const).map((p) => ({
        name: `canvas pan frame ${p} (${size})`,
        figure: round(editor.pan[p]),
        unit: "ms",
        baseline: round(bare.pan[p]),
        baselineName: "bare React Flow page, same graph",
        baselineUnit: "ms",
        ratio: ratio(editor.pan[p], bare.pan[p]),
        budget: null,
        pass: null,
        machine,
      })),
      // The other sizes: drag and pan, p50 and p95, each beside the bare page.
      ...SIZES.filter((n) => n !== BUDGET_NODES).flatMap((nodes) =>
        (["drag", "pan"] as const).flatMap((g) =>
          ([50, 95] as const).map((p) => ({
            name: `canvas ${g} frame p${p} (${nodes.toLocaleString("en")} nodes)`,
            figure: round(at(nodes, "editor", g, p)),
            unit: "ms",
            baseline: round(at(nodes, "bare", g, p)),
            baselineName: "bare React Flow page, same graph",
            baselineUnit: "ms",
            ratio: ratio(at(nodes, "editor", g, p), at(nodes, "bare", g, p)),
            budget: null,
            pass: null,
            machine,
          })),
        ),
      ),
      ...(["editor", "bare"] as const).map((page) => ({
        name: `drag frame p95 against node count (${page === "editor" ? "Convo editor" : "bare React Flow"})`,
        figure: round(p95At(BUDGET_NODES, page)),
        unit: "ms",
        baseline: null,
        budget: null,
        pass: null,
        machine,
        series: {
          x: "nodes on the canvas",
          y: "drag frame p95 (ms)",
          label: page === "editor" ? "Convo editor" : "bare React Flow, same graph",
          points: SIZES.map((nodes) => [nodes, round(p95At(nodes, page))]),
        },
      })),
      {
        name: `time to first render (${size})`,
        figure: round(firstRenderAt("editor")),
        unit: "ms",
        baseline: round(firstRenderAt("bare")),
        baselineName: "bare React Flow page, same graph",
        baselineUnit: "ms",
        ratio: ratio(firstRenderAt("editor"), firstRenderAt("bare")),
        budget: null,
        pass: null,
        machine,
      },
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
