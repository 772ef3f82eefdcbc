import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { dirname } from "node:path";
import { type ServerType, serve } from "@hono/node-server";
import type { Hono } from "hono";
import { createApp } from "./api/app";
import type { RuntimeConfig } from "./config";
import type { Deps } from "./deps";
import { unavailableGraph } from "./graph/unavailable";
import { createLogger, type Logger } from "./log";
import { Metrics } from "./ops/metrics";
import { seedExamples } from "./seed";
import { SqliteStore } from "./store/sqlite/sqlite-store";

export interface RuntimeOptions {
  config: RuntimeConfig;
  log?: Logger;
  now?: () => number;
  /** Folder of example flows seeded into a fresh database. */
  examplesDir?: string;
}

export interface Runtime {
  app: Hono;
  deps: Deps;
  /** Listens on `config.port` (0: any free port) and starts the workers. */
  start(): Promise<{ url: string; port: number }>;
  /** Stops taking requests, lets the event in hand finish, closes the database. */
  stop(): Promise<void>;
}

const token = () => randomBytes(24).toString("base64url");

/** A setting from the environment, or the database, or generated once and kept there. */
async function persistent(store: SqliteStore, key: string, configured: string | undefined) {
  if (configured) return configured;
  const stored = await store.getSetting(key);
  if (stored) return stored;
  const value = token();
  await store.setSetting(key, value);
  return value;
}

/**
 * Builds the runtime on one SQLite file: store, app and workers. Nothing listens until `start`.
 *
 * @example
 * const runtime = await createRuntime({ config: loadConfig() });
 * const { url } = await runtime.start();
 */
export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config } = options;
  const log = options.log ?? createLogger(config.logLevel);
  const now = options.now ?? Date.now;
  if (config.dbPath !== ":memory:") mkdirSync(dirname(config.dbPath), { recursive: true });
  const store = new SqliteStore(config.dbPath, now());
  await seedExamples(store, log, now(), options.examplesDir);

  let ready = false;
  const deps: Deps = {
    store,
    config,
    log,
    metrics: new Metrics(),
    now,
    adminToken: await persistent(store, "admin_token", config.adminToken),
    appSecret: await persistent(store, "app_secret", config.appSecret),
    verifyToken: await persistent(store, "verify_token", config.verifyToken),
    graph: unavailableGraph,
    sandbox: config.pageToken === undefined,
    wake: { inbox() {}, outbox() {}, timers() {} },
    flowsChanged() {},
  };

  const app = createApp(deps, {
    isReady: () => ready && store.isReady(),
    editorDist: config.editorDist,
  });

  let server: ServerType | undefined;
  return {
    app,
    deps,
    async start() {
      server = await new Promise<ServerType>((resolve) => {
        const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
          resolve(s),
        );
      });
      const port = (server.address() as AddressInfo).port;
      ready = true;
      const host = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host;
      const url = `http://${host}:${port}`;
      log.info("listening", { url, sandbox: deps.sandbox });
      return { url, port };
    },
    async stop() {
      ready = false;
      const s = server;
      if (s) {
        await new Promise<void>((resolve) => {
          s.close(() => resolve());
          // Keep-alive connections would hold close() open; the requests in hand are done by now.
          (s as { closeAllConnections?: () => void }).closeAllConnections?.();
        });
      }
      store.close();
    },
  };
}
