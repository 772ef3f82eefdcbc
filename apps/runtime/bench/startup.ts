/**
 * `npm run bench` for the runtime's start: how long `convo serve` from the production build takes
 * from the process's spawn to its first `200` on `/readyz` (listening, workers started, the
 * editor's build read and compressed in memory), on a fresh database (migrations and the examples
 * seeded) and on one that exists. Beside it, the same start from the TypeScript sources through
 * tsx, which is what the build replaces. Each start is a new process; the median is reported.
 * BENCH_QUICK=1 starts fewer times. Results go to $BENCH_RESULTS_DIR/startup.json.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const QUICK = process.env.BENCH_QUICK === "1";
const RUNS = QUICK ? 2 : 7;
const BUDGET_MS = 2000;
const runtimeDir = join(import.meta.dirname, "..");
const root = join(runtimeDir, "..", "..");
const resultsDir = process.env.BENCH_RESULTS_DIR ?? join(root, "bench", "results");
const BUILT = [join(runtimeDir, "dist", "cli.mjs")];
const SOURCES = ["--import", "tsx", join(runtimeDir, "src", "cli.ts")];

const say = (message: string) => process.stderr.write(`[startup bench] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/** Never leave a runtime behind, even when the benchmark fails. */
const children = new Set<ReturnType<typeof spawn>>();
process.once("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

/** Milliseconds from spawn to the first 200 on /readyz, then a graceful stop. */
async function timeStart(entry: string[], db: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [...entry, "serve"], {
    cwd: runtimeDir,
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      CONVO_DB: db,
      CONVO_ADMIN_TOKEN: "bench-admin",
      CONVO_LOG_LEVEL: "error",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.add(child);
  child.once("exit", () => children.delete(child));
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Convo is running: (http:\/\/[\d.:]+)\//.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`convo serve exited with ${code}: ${out}`)));
  });
  // The banner comes after start(); /readyz is what a load balancer waits for.
  for (;;) {
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    await sleep(5);
  }
  const elapsed = performance.now() - started;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
  return elapsed;
}

async function measure(label: string, entry: string[]) {
  const dir = mkdtempSync(join(tmpdir(), "convo-startup-"));
  const fresh: number[] = [];
  const existing: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const db = join(dir, `convo-${i}.db`);
      fresh.push(await timeStart(entry, db));
      existing.push(await timeStart(entry, db));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const result = { fresh: median(fresh), existing: median(existing) };
  say(
    `${label}: ${result.fresh.toFixed(0)} ms on a fresh database, ${result.existing.toFixed(0)} ms on an existing one (medians of ${RUNS})`,
  );
  return result;
}

if (!existsSync(BUILT[0] as string)) throw new Error("no dist/cli.mjs: run `pnpm build` first");
const editorBuilt = existsSync(join(root, "apps", "editor", "dist", "index.html"));
say(editorBuilt ? "with the editor's build served" : "without the editor's build (not built)");
// Alternate nothing: the build first, then the sources, each warm in the OS cache by its first run.
const built = await measure("build", BUILT);
const sources = await measure("sources (tsx)", SOURCES);

const cpu = cpus();
const machine = `${cpu[0]?.model.trim() ?? "cpu"}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()[0]?.toFixed(1) ?? "?"}`;
const editor = editorBuilt ? ", editor build served" : "";
const results = (["fresh", "existing"] as const).map((db) => ({
  name: `convo serve ready, production build (${db === "fresh" ? "fresh database: migrations, examples seeded" : "existing database"}${editor})`,
  figure: Math.round(built[db]),
  unit: "ms",
  baseline: Math.round(sources[db]),
  baselineName: "the same start from the TypeScript sources through tsx",
  baselineUnit: "ms",
  ratio: Number((built[db] / sources[db]).toFixed(3)),
  budget: "≤ 2 s after the build",
  pass: built[db] <= BUDGET_MS,
  machine,
}));
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, "startup.json"), `${JSON.stringify({ results }, null, 2)}\n`);
