import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeFlow, makeNode } from "@convo/flow/testing";
import { type RunningGraphEmulator, startGraphEmulator } from "@convo/messenger";
import Database from "better-sqlite3";
import { afterAll, beforeAll } from "vitest";
import { freePort } from "./free-port";
import { APP_SECRET, PAGE_TOKEN, waitFor } from "./messenger";
import { type RunningConvo, serveConvo } from "./serve";

/**
 * The Graph API emulator as a Page subscribed to message_echoes: each message Convo sends comes
 * back to the webhook on `port`, and Meta keeps trying while the webhook is down. It takes
 * `latencyMs` to answer, so sends are in flight when a kill comes.
 */
export async function echoingGraph(port: number, latencyMs: number): Promise<RunningGraphEmulator> {
  const graph = await startGraphEmulator({
    appSecret: APP_SECRET,
    pageToken: PAGE_TOKEN,
    echoes: {
      webhookUrl: `http://127.0.0.1:${port}/webhooks/messenger`,
      appSecret: APP_SECRET,
      appId: "1517776481860111",
    },
  });
  graph.setLatency(latencyMs);
  return graph;
}

/** `<event>` (field `order_id`) → "Shipped <order_id>", tagged POST_PURCHASE_UPDATE. */
export const shippingFlow = (event: string) =>
  makeFlow(
    "shipping",
    [
      makeNode("start", "trigger", {
        triggers: [{ kind: "event", event, fields: [{ name: "order_id", type: "text" }] }],
      }),
      makeNode("say", "message", {
        sendAs: "POST_PURCHASE_UPDATE",
        content: [{ id: "t", kind: "text", text: "Shipped {{event.order_id}}" }],
      }),
    ],
    [["start", "say"]],
  );

/** What a crash test works with: the runtime as a child process it can kill, and its database. */
export interface CrashRig {
  readonly graph: RunningGraphEmulator;
  /** The SQLite file the runtime writes. */
  readonly databaseFile: string;
  /** `convo serve` on the test's database and port (kept across restarts, as a deployment does). */
  serve(): Promise<RunningConvo>;
  /** SIGKILL (a crash) or SIGTERM (a clean stop), and wait until the process has gone. */
  stop(running: RunningConvo, signal: "SIGKILL" | "SIGTERM"): Promise<void>;
  /** The database file as the test reads it, read-only; closed after `read` returns. */
  query<T>(read: (db: Database.Database) => T): T;
  /** Wait until `sql` (a `SELECT COUNT(*) AS n …`) counts nothing left. */
  settled(what: string, sql: string, timeoutMs: number): Promise<void>;
  /** The Graph API calls that succeeded with a text starting with `prefix`. */
  sentTexts(prefix: string): { recipient: string; text: string }[];
}

/**
 * Registers the rig's set-up and clean-up with vitest: an echoing Graph emulator answering in
 * `latencyMs`, a fresh temporary directory for the database, and a child process killed at the end
 * if a failed test left it running.
 */
export function useCrashRig(name: string, latencyMs: number): CrashRig {
  let graph: RunningGraphEmulator | undefined;
  let dir = "";
  let port = 0;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    port = await freePort();
    graph = await echoingGraph(port, latencyMs);
    dir = mkdtempSync(join(tmpdir(), `convo-${name}-`));
  });
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    await graph?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const query = <T>(read: (db: Database.Database) => T): T => {
    const db = new Database(rig.databaseFile, { readonly: true });
    try {
      return read(db);
    } finally {
      db.close();
    }
  };
  const rig: CrashRig = {
    get graph() {
      if (!graph) throw new Error("the crash rig is used outside a test");
      return graph;
    },
    get databaseFile() {
      return join(dir, "convo.db");
    },
    async serve() {
      const running = await serveConvo({
        PORT: String(port),
        CONVO_DB: rig.databaseFile,
        MESSENGER_APP_SECRET: APP_SECRET,
        MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
        GRAPH_API_URL: rig.graph.url,
        CONVO_SEND_RATE: "5000",
        // Long enough for the echoes of the sends the kill interrupted to reach the new process.
        CONVO_ECHO_WAIT_SECONDS: "8",
      });
      child = running.process;
      return running;
    },
    async stop(running, signal) {
      const exited = new Promise((resolve) => running.process.once("exit", resolve));
      running.process.kill(signal);
      await exited;
    },
    query,
    async settled(what, sql, timeoutMs) {
      await waitFor(
        () => (query((db) => (db.prepare(sql).get() as { n: number }).n) === 0 ? true : undefined),
        what,
        timeoutMs,
      );
    },
    sentTexts: (prefix) =>
      rig.graph.calls.flatMap((c) => {
        const body = c.body as { recipient?: { id?: string }; message?: { text?: string } };
        const text = body?.message?.text;
        return c.status === 200 && text?.startsWith(prefix)
          ? [{ recipient: body.recipient?.id ?? "", text }]
          : [];
      }),
  };
  return rig;
}
