import type { ChildProcess } from "node:child_process";
import { createServer, type IncomingHttpHeaders, request, type Server } from "node:http";
import pg from "pg";
import { freePort } from "./free-port";
import { APP_SECRET, PAGE_TOKEN } from "./messenger";
import { FROM_BUILD, serveConvo } from "./serve";

/**
 * The one webhook URL in front of the replicas, as a load balancer is: each request goes to the
 * next replica in turn; one that does not answer (dead, restarting, stopping) is skipped, as a
 * balancer's health check would, and a request it refused or dropped is tried on the next one.
 */
export async function startBalancer(
  ports: () => readonly number[],
): Promise<{ url: string; close(): Promise<void> }> {
  let next = 0;
  const forward = (
    port: number,
    req: { method?: string; url?: string; headers: IncomingHttpHeaders },
    body: Buffer,
  ) =>
    new Promise<{ status: number; headers: object; body: Buffer }>((resolve, reject) => {
      const out = request(
        { host: "127.0.0.1", port, method: req.method, path: req.url, headers: req.headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 502,
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          );
          res.on("error", reject);
        },
      );
      out.on("error", reject);
      out.end(body);
    });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      // A webhook refused, reset or answered 5xx goes to the next replica, as Meta would retry it.
      for (let attempt = 0; attempt < 100; attempt++) {
        const upstream = ports();
        const port = upstream[next++ % Math.max(1, upstream.length)];
        if (port !== undefined) {
          try {
            const answer = await forward(port, req, body);
            if (answer.status < 500) {
              res.writeHead(answer.status, answer.headers as Record<string, string>);
              res.end(answer.body);
              return;
            }
          } catch {}
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      res.writeHead(502).end();
    });
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)),
  );
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface Replica {
  port: number;
  process: ChildProcess | undefined;
  url: string;
}

/** Replicas of the built runtime on one PostgreSQL, each on a port it keeps across restarts. */
export class Cluster {
  readonly replicas: Replica[] = [];

  constructor(
    private readonly databaseUrl: string,
    private readonly graphUrl: string,
    private readonly env: Record<string, string> = {},
  ) {}

  async add(): Promise<Replica> {
    const port = await freePort();
    const replica: Replica = { port, process: undefined, url: `http://127.0.0.1:${port}` };
    this.replicas.push(replica);
    await this.start(replica);
    return replica;
  }

  async start(replica: Replica): Promise<void> {
    const running = await serveConvo(
      {
        PORT: String(replica.port),
        CONVO_DATABASE_URL: this.databaseUrl,
        MESSENGER_APP_SECRET: APP_SECRET,
        MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
        GRAPH_API_URL: this.graphUrl,
        CONVO_SEND_RATE: "5000",
        CONVO_ECHO_WAIT_SECONDS: "5",
        CONVO_REPLICA_LEASE_SECONDS: "2",
        CONVO_DATABASE_POOL_SIZE: "8",
        ...this.env,
      },
      { entry: FROM_BUILD },
    );
    replica.process = running.process;
  }

  /** SIGKILL: no goodbye, its rows stay held until its lease runs out. */
  async kill(replica: Replica): Promise<void> {
    await this.#signal(replica, "SIGKILL");
  }

  /** SIGTERM: the graceful stop, finishing what it holds. */
  async stop(replica: Replica): Promise<void> {
    await this.#signal(replica, "SIGTERM");
  }

  /**
   * The replica stays in the balancer's set until it has exited, as a health check lags: during
   * a graceful stop requests still reach it and are refused or answered.
   */
  async #signal(replica: Replica, signal: NodeJS.Signals): Promise<void> {
    const p = replica.process;
    if (!p || p.exitCode !== null) {
      replica.process = undefined;
      return;
    }
    const exited = new Promise((resolve) => p.once("exit", resolve));
    p.kill(signal);
    await exited;
    replica.process = undefined;
  }

  /** Ports of the replicas running (the balancer's healthy set). */
  livePorts(): number[] {
    return this.replicas.filter((r) => r.process).map((r) => r.port);
  }

  async close(): Promise<void> {
    for (const r of this.replicas) await this.kill(r);
  }
}

/** One query on the database, on a connection of its own. */
export async function queryDb<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}
