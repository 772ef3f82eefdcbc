import { existsSync, readFileSync } from "node:fs";

/** Everything the runtime reads from its environment (DESIGN.md, "The runtime contract"). */
export interface RuntimeConfig {
  port: number;
  host: string;
  /** SQLite file; `:memory:` is allowed for throwaway runs. */
  dbPath: string;
  /** Bearer token for `/api`; generated and kept in the database when unset. */
  adminToken: string | undefined;
  appSecret: string | undefined;
  verifyToken: string | undefined;
  /** Without it the runtime is in sandbox mode: Send API calls go to the in-process emulator. */
  pageToken: string | undefined;
  /** The Page's id; read from the Graph API with the Page token at start when unset. */
  pageId: string | undefined;
  /** The Facebook app's id; read from the Graph API with the Page token at start when unset. */
  appId: string | undefined;
  graphApiUrl: string;
  graphApiVersion: string;
  /** Let HTTP actions reach loopback and private networks (tests, on-premise shop APIs). */
  allowPrivateHttp: boolean;
  /** Sends per second to the Graph API for the Page (token bucket). */
  sendRate: number;
  /** Events stepped at once, across contacts. */
  workerConcurrency: number;
  /** How long the bot stays quiet after a human answered in the Page Inbox. */
  humanPauseMinutes: number;
  /**
   * After a crash, how long a message that was in flight waits for Meta's echo (which proves it
   * arrived) before it is sent again. Needs the Page subscribed to `message_echoes`.
   */
  echoWaitSeconds: number;
  /** How long one Graph API call may take before it counts as unanswered. */
  graphTimeoutSeconds: number;
  /** Connections served at once (a small reserve past it keeps `/healthz` answering). */
  maxConnections: number;
  /** A request's headers must arrive within this many seconds. */
  headersTimeoutSeconds: number;
  /** A whole request, headers and body, must arrive within this many seconds. */
  requestTimeoutSeconds: number;
  /** Folder of the editor's build, served at `/` when it exists. */
  editorDist: string | undefined;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
}

export const DEFAULT_GRAPH_API_URL = "https://graph.facebook.com";

/** Reads `KEY=value` lines; quotes around the value are removed. Existing variables win. */
export function readDotEnv(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const out: Record<string, string> = {};
  for (const line of readFileSync(path, "utf8").split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match?.[1]) continue;
    let value = match[2] ?? "";
    if (/^(['"]).*\1$/.test(value)) value = value.slice(1, -1);
    out[match[1]] = value;
  }
  return out;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

function number(value: string | undefined, fallback: number, name: string): number {
  if (nonEmpty(value) === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number, not "${value}"`);
  return n;
}

/** Page and app ids are numbers written as strings; anything else is a typo worth stopping for. */
function graphId(value: string | undefined, name: string): string | undefined {
  const id = nonEmpty(value);
  if (id !== undefined && !/^\d{1,32}$/.test(id))
    throw new Error(`${name} must be digits, not "${id}"`);
  return id;
}

const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;

/** The configuration from environment variables (and `.env`, which the environment overrides). */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  dotEnvPath = ".env",
): RuntimeConfig {
  const e = { ...readDotEnv(dotEnvPath), ...env };
  const logLevel = nonEmpty(e.CONVO_LOG_LEVEL) ?? "info";
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new Error(`CONVO_LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}`);
  }
  return {
    port: number(e.PORT, 8080, "PORT"),
    host: nonEmpty(e.HOST) ?? "0.0.0.0",
    dbPath: nonEmpty(e.CONVO_DB) ?? "./data/convo.db",
    adminToken: nonEmpty(e.CONVO_ADMIN_TOKEN),
    appSecret: nonEmpty(e.MESSENGER_APP_SECRET),
    verifyToken: nonEmpty(e.MESSENGER_VERIFY_TOKEN),
    pageToken: nonEmpty(e.MESSENGER_PAGE_TOKEN),
    pageId: graphId(e.MESSENGER_PAGE_ID, "MESSENGER_PAGE_ID"),
    appId: graphId(e.MESSENGER_APP_ID, "MESSENGER_APP_ID"),
    graphApiUrl: nonEmpty(e.GRAPH_API_URL) ?? DEFAULT_GRAPH_API_URL,
    graphApiVersion: nonEmpty(e.GRAPH_API_VERSION) ?? "v23.0",
    allowPrivateHttp: ["1", "true", "yes"].includes((e.CONVO_ALLOW_PRIVATE_HTTP ?? "").trim()),
    sendRate: number(e.CONVO_SEND_RATE, 250, "CONVO_SEND_RATE"),
    workerConcurrency: number(e.CONVO_WORKER_CONCURRENCY, 64, "CONVO_WORKER_CONCURRENCY"),
    humanPauseMinutes: number(e.CONVO_HUMAN_PAUSE_MINUTES, 30, "CONVO_HUMAN_PAUSE_MINUTES"),
    echoWaitSeconds: number(e.CONVO_ECHO_WAIT_SECONDS, 10, "CONVO_ECHO_WAIT_SECONDS"),
    graphTimeoutSeconds: number(e.CONVO_GRAPH_TIMEOUT_SECONDS, 10, "CONVO_GRAPH_TIMEOUT_SECONDS"),
    maxConnections: number(e.CONVO_MAX_CONNECTIONS, 1024, "CONVO_MAX_CONNECTIONS"),
    headersTimeoutSeconds: number(
      e.CONVO_HEADERS_TIMEOUT_SECONDS,
      10,
      "CONVO_HEADERS_TIMEOUT_SECONDS",
    ),
    requestTimeoutSeconds: number(
      e.CONVO_REQUEST_TIMEOUT_SECONDS,
      30,
      "CONVO_REQUEST_TIMEOUT_SECONDS",
    ),
    editorDist: nonEmpty(e.CONVO_EDITOR_DIST),
    logLevel: logLevel as RuntimeConfig["logLevel"],
  };
}
