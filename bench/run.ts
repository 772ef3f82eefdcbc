/**
 * `npm run bench`: runs every package benchmark, then writes bench/results.md, results.json, the
 * plots, and the figures section of the README. See bench/README.md for the result format.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { renderPlots } from "./plot";
import { renderMarkdown, updateReadme } from "./report";
import { type BenchResult, normaliseResults } from "./results";

const root = join(import.meta.dirname, "..");
const quick = process.argv.includes("--quick") || process.env.BENCH_QUICK === "1";
const outDir = quick ? join(root, "bench", "tmp") : join(root, "bench");
const resultsDir = join(outDir, "results");

function say(message: string): void {
  process.stderr.write(`\x1b[35m[bench]\x1b[0m ${message}\n`);
}

export function machine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? "unknown CPU"}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
}

/** Workspace packages that define a `bench` script. */
function benchPackages(): string[] {
  const names: string[] = [];
  for (const group of ["apps", "packages"]) {
    const dir = join(root, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const manifest = join(dir, name, "package.json");
      if (!existsSync(manifest)) continue;
      const pkg = JSON.parse(readFileSync(manifest, "utf8")) as {
        name: string;
        scripts?: Record<string, string>;
      };
      if (pkg.scripts?.bench) names.push(pkg.name);
    }
  }
  return names;
}

/**
 * `--report` runs nothing: it writes the report again from the results already in the folder,
 * after one package's bench was run again on its own (BENCH_RESULTS_DIR=bench/results).
 */
const reportOnly = process.argv.includes("--report");
let run: { status: number | null } = { status: 0 };
if (!reportOnly) {
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  say(`${quick ? "quick mode (small sizes)" : "full run"} on ${machine()}`);
  const started = Date.now();
  run = spawnSync(
    "turbo",
    ["run", "bench", "--concurrency=1", "--output-logs=full", "--log-order=stream"],
    {
      cwd: root,
      stdio: "inherit",
      env: {
        ...process.env,
        BENCH_QUICK: quick ? "1" : "0",
        BENCH_RESULTS_DIR: resultsDir,
        FORCE_COLOR: "1",
      },
    },
  );
  say(`benchmarks ran in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

const results: BenchResult[] = [];
const problems: string[] = [];
for (const file of existsSync(resultsDir) ? readdirSync(resultsDir).sort() : []) {
  if (!file.endsWith(".json")) continue;
  const suite = file.replace(/\.json$/, "");
  try {
    results.push(
      ...normaliseResults(suite, JSON.parse(readFileSync(join(resultsDir, file), "utf8"))),
    );
  } catch (error) {
    problems.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const report = {
  generatedAt: new Date().toISOString(),
  machine: machine(),
  quick,
  command: quick ? "npm run bench -- --quick" : "npm run bench",
  results,
};
writeFileSync(join(outDir, "results.json"), `${JSON.stringify(report, null, 2)}\n`);
const plots = renderPlots(results);
for (const plot of plots) writeFileSync(join(outDir, plot.file), plot.svg);
writeFileSync(
  join(outDir, "results.md"),
  renderMarkdown(
    report,
    plots.map((p) => p.file),
  ),
);
if (!quick)
  updateReadme(
    join(root, "README.md"),
    report,
    plots.map((p) => `bench/${p.file}`),
  );
say(`wrote ${join(outDir, "results.md")} (${results.length} figures)`);

for (const problem of problems) say(`unreadable result: ${problem}`);
const failed = results.filter((r) => r.pass === false);
// Quick mode's sizes are too small to judge a budget (a sustained rate over a second, a p95 of a
// few frames): it says so rather than alarm whoever runs `npm test`.
const verdict = quick ? "below budget at quick-mode sizes (judged by the full run)" : "over budget";
for (const r of failed)
  say(`${verdict}: ${r.suite} / ${r.name}: ${r.figure} ${r.unit} (budget ${r.budget})`);
if (run.status !== 0) {
  say("a benchmark failed to run");
  process.exit(run.status ?? 1);
}
// Every package with a `bench` script must have written at least one result file.
const suites = benchPackages();
const files = existsSync(resultsDir)
  ? readdirSync(resultsDir).filter((f) => f.endsWith(".json"))
  : [];
if (files.length < suites.length) {
  say(
    `${suites.length} packages have a bench script (${suites.join(", ")}) but only ${files.length} wrote results`,
  );
  process.exit(1);
}
if (problems.length > 0) process.exit(1);
