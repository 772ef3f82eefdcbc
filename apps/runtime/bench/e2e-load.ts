/**
 * What the runtime's end-to-end benchmarks share (bench/runtime.ts, bench/replicas.ts): the
 * emulator and `convo serve` in processes of their own, the load generator, CPU from /proc.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { signBody } from "@convo/messenger";

export const SECRET = "bench-secret";
export const PAGE_TOKEN = "bench-token";
export const TOKEN = "bench-admin";

export const machine = () => {
  const cpu = cpus();
  // The load average says how shared the machine was: these figures move with it.
  const load = loadavg()[0]?.toFixed(1) ?? "?";
  return `${cpu[0]?.model.trim() ?? "cpu"}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${load}`;
};
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function body(psid: string, mid: string, text: string): string {
  const now = Date.now();
  return JSON.stringify({
    object: "page",
    entry: [
      {
        id: "1",
        time: now,
        messaging: [
          { sender: { id: psid }, recipient: { id: "1" }, timestamp: now, message: { mid, text } },
        ],
      },
    ],
  });
}

/** The runtime's environment in every part: a Page on the emulator, no send-rate ceiling. */
export const benchEnv = (dir: string, graphUrl: string) => ({
  CONVO_DB: join(dir, "convo.db"),
  PORT: "0",
  HOST: "127.0.0.1",
  CONVO_ADMIN_TOKEN: TOKEN,
  MESSENGER_APP_SECRET: SECRET,
  MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
  // The Page the bench's bodies name (the emulator plays another; only the ids must agree).
  MESSENGER_PAGE_ID: "1",
  GRAPH_API_URL: graphUrl,
  CONVO_SEND_RATE: "100000",
  CONVO_LOG_LEVEL: "error",
});

export async function api(url: string, method: string, path: string, payload?: unknown) {
  const response = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null };
}

export async function startEmulator() {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROF}`] : []),
      "--import",
      "tsx",
      join(import.meta.dirname, "graph-emulator.ts"),
    ],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  // Never leave the emulator behind, even when the benchmark fails.
  process.once("exit", () => child.kill("SIGKILL"));
  const replies = new Map<string, number>();
  /** Replies so far per run tag (the id before its last dash), so waiting costs no scan. */
  const repliesByTag = new Map<string, number>();
  let buffer = "";
  const url = await new Promise<string>((resolve) => {
    child.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        if (line.startsWith("URL ")) resolve(line.slice(4));
        else {
          const space = line.indexOf(" ");
          const id = line.slice(space + 1);
          if (replies.has(id)) continue;
          replies.set(id, Number(line.slice(0, space)));
          const tag = id.slice(0, id.lastIndexOf("-"));
          repliesByTag.set(tag, (repliesByTag.get(tag) ?? 0) + 1);
        }
      }
    });
  });
  return {
    url,
    replies,
    repliesByTag,
    pid: child.pid as number,
    close: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

/**
 * `convo serve` from the build in its own process, as it is deployed: the load generator and the
 * emulator (Meta) are not in its process, so its one thread is all its own.
 */
export async function startServe(
  dir: string,
  graphUrl: string,
  /** On top of `benchEnv`: another store, a fixed port. */
  extra: Record<string, string> = {},
) {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROF}`] : []),
      // The production build, as `npm start` runs it (turbo builds it before any bench).
      join(import.meta.dirname, "..", "dist", "cli.mjs"),
      "serve",
    ],
    {
      env: { ...process.env, ...benchEnv(dir, graphUrl), ...extra },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  process.once("exit", () => child.kill("SIGKILL"));
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Convo is running: (http:\/\/[\d.:]+)\//.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`convo serve exited with ${code}: ${out}`)));
  });
  return {
    url,
    pid: child.pid as number,
    close: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** CPU time (µs) a process has used so far, from /proc (Linux); NaN elsewhere. */
export function cpuOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime and stime, fields 14 and 15 of stat(5), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return Number.NaN;
  }
}

/**
 * The load generator's client: node:http over keep-alive sockets, which costs a fraction of
 * `fetch` per request, so the generator takes little of the CPU the runtime and emulator share.
 */
const loadAgent = new Agent({ keepAlive: true, maxSockets: 256 });
export function postWebhookBody(url: string, b: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        agent: loadAgent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(b),
          "x-hub-signature-256": signBody(b, SECRET),
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(b);
  });
}

export interface E2e {
  sent: number;
  seconds: number;
  p50: number;
  p99: number;
  eventsPerSecond: number;
}
export const none: E2e = {
  sent: 0,
  seconds: 0,
  p50: Number.NaN,
  p99: Number.NaN,
  eventsPerSecond: 0,
};

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Posts `count` events at `rate`/s (0: as fast as 64 connections go) and times each reply. */
export async function endToEnd(
  /** One runtime, or replicas: event n goes to the n-th in turn. */
  url: string | readonly string[],
  graph: Emulator,
  contacts: number,
  count: number,
  rate: number,
  tag: string,
): Promise<E2e> {
  const urls = typeof url === "string" ? [url] : url;
  const postedAt = new Map<string, number>();
  const replyAt = new Map<string, number>();
  const collect = () => {
    for (const id of postedAt.keys()) {
      const at = graph.replies.get(id);
      if (at !== undefined) replyAt.set(id, at);
    }
  };
  const started = Date.now();
  let next = 0;
  const post = async (n: number) => {
    const id = `${tag}-${n}`;
    const b = body(`e2e-${n % contacts}`, `mid-${id}`, id);
    postedAt.set(id, Date.now());
    // Like Meta: a delivery that fails is tried again (the inbox drops any duplicate).
    for (let attempt = 0; ; attempt++) {
      try {
        const status = await postWebhookBody(`${urls[n % urls.length]}/webhooks/messenger`, b);
        if (status >= 200 && status < 300) return;
      } catch (error) {
        if (attempt >= 5) throw error;
      }
      await sleep(50 * (attempt + 1));
    }
  };
  if (rate > 0) {
    const inFlight = new Set<Promise<void>>();
    while (next < count) {
      const due = Math.floor(((Date.now() - started) / 1000) * rate);
      // At most 256 deliveries in flight, as a sender with a connection pool would.
      while (next < Math.min(due, count) && inFlight.size < 256) {
        const p = post(next++).finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      await sleep(2);
    }
    await Promise.all(inFlight);
  } else {
    await Promise.all(
      Array.from({ length: 64 }, async () => {
        while (next < count) await post(next++);
      }),
    );
  }
  const deadline = Date.now() + 120_000;
  while ((graph.repliesByTag.get(tag) ?? 0) < count && Date.now() < deadline) await sleep(20);
  collect();
  const finished = Math.max(...replyAt.values());
  const latencies = [...replyAt.entries()]
    .map(([id, at]) => at - (postedAt.get(id) as number))
    .sort((a, b) => a - b);
  return {
    sent: count,
    seconds: (finished - started) / 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    eventsPerSecond: replyAt.size / ((finished - started) / 1000),
  };
}

/** Until the runtime's queues are empty, read from its /metrics. */
export async function waitIdle(url: string) {
  for (let i = 0; i < 3000; i++) {
    const text = await (await fetch(`${url}/metrics`)).text();
    const depth = (queue: string) =>
      Number(new RegExp(`convo_queue_depth\\{queue="${queue}"\\} (\\d+)`).exec(text)?.[1] ?? 1);
    if (depth("inbox") === 0 && depth("outbox") === 0) return;
    await sleep(20);
  }
}
