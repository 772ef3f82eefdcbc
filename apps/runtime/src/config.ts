import { existsSync, readFileSync } from "node:fs";
import { parseEnv } from "node:util";
import { GRAPH_API_VERSION } from "@convo/messenger";
import { type OrderNumberRule, parseOrderNumberRule } from "./ai/order-numbers";
import { parseTrustedProxies, type TrustedProxies } from "./client-address";
import { parseKey32 } from "./secrets/box";

/** Everything the runtime reads from its environment (DESIGN.md, "The runtime contract"). */
export interface RuntimeConfig {
  port: number;
  host: string;
  /** SQLite file; `:memory:` is allowed for throwaway runs. */
  dbPath: string;
  /** PostgreSQL instead of SQLite (`postgres://…`): several replicas may share it. */
  databaseUrl: string | undefined;
  /** Connections each process keeps to PostgreSQL. */
  databasePoolSize: number;
  /** A replica silent this long (no heartbeat) is taken for dead: its work is taken over. */
  replicaLeaseSeconds: number;
  /** The address people and Meta reach this runtime at (behind a proxy); printed at start. */
  publicUrl: string | undefined;
  /**
   * Reverse proxies in front (`CONVO_TRUSTED_PROXIES`): only a request from one of them has its
   * client read from `X-Forwarded-For` (sign-in limits by address, the audit log). Empty: the
   * header is ignored.
   */
  trustedProxies: TrustedProxies;
  /** Bearer token for `/api`; generated and kept in the database when unset. */
  adminToken: string | undefined;
  /**
   * Seals the secrets set in the editor and the events-out signing secrets (AES-256-GCM, 32
   * bytes). Unset: a key generated once into a file beside the database.
   */
  secretsKey: Buffer | undefined;
  /** `CONVO_SECRET_<NAME>` variables (environment and `.env`): `{{secrets.NAME}}` values. */
  secretEnv: Record<string, string>;
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
  /** The Instagram professional account's id: its webhook entries; unchecked when unset. */
  instagramAccountId: string | undefined;
  /** Instagram sends' token; the Page token (the account is linked to the Page) when unset. */
  instagramToken: string | undefined;
  /** The WhatsApp business phone number's id: WhatsApp runs only with it (or in sandbox mode). */
  whatsappPhoneNumberId: string | undefined;
  /** Without it WhatsApp is in sandbox mode: Cloud API calls go to the in-process emulator. */
  whatsappToken: string | undefined;
  /** Signs WhatsApp's webhooks; the Messenger app's secret when unset (one Meta app). */
  whatsappAppSecret: string | undefined;
  /** WhatsApp's GET handshake; the Messenger verify token when unset. */
  whatsappVerifyToken: string | undefined;
  /** An OpenAI-compatible chat-completions endpoint for AI steps (`…/v1`). */
  aiBaseUrl: string;
  /** The AI provider's key; without it, the AI emulator in sandbox mode, else no AI. Never logged. */
  aiApiKey: string | undefined;
  aiModel: string;
  /** Replace the contact's e-mail addresses, order numbers and phones before text goes to the model. */
  aiRedact: boolean;
  /** What counts as an order number there (`CONVO_AI_ORDER_NUMBERS`: shapes like `CMD-{6}`). */
  aiOrderNumbers: OrderNumberRule;
  /** Tokens AI steps may spend a month across the runtime; undefined: no budget. */
  aiMonthlyTokens: number | undefined;
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
  /** An event whose step takes longer than this is logged as slow (`slow step`). */
  slowStepMs: number;
  /** Folder of the editor's build, served at `/` when it exists. */
  editorDist: string | undefined;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
}

export const DEFAULT_GRAPH_API_URL = "https://graph.facebook.com";
export const DEFAULT_AI_BASE_URL = "https://api.openai.com/v1";
export const DEFAULT_AI_MODEL = "gpt-4o-mini";

/**
 * Reads a `.env` file with Node's own parser (`util.parseEnv`): comments, `export`, quotes and
 * `KEY=value # note` as people write them. Absent file: nothing. Existing variables win (see
 * `loadConfig`).
 */
export function readDotEnv(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(parseEnv(readFileSync(path, "utf8")))) {
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** A start refused by its configuration: every bad variable, one line each, named. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  ${problems.join("\n  ")}`);
    this.name = "ConfigError";
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;
const TRUE = ["1", "true", "yes", "on"];
const FALSE = ["0", "false", "no", "off"];

/**
 * The configuration from environment variables (and `.env`, which the environment overrides).
 * Throws a `ConfigError` naming every variable whose value is not usable, so a typo stops the
 * start instead of running with a surprise.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  dotEnvPath = ".env",
): RuntimeConfig {
  const e = { ...readDotEnv(dotEnvPath), ...env };
  const problems: string[] = [];
  const bad = <T>(name: string, value: string, rule: string, fallback: T): T => {
    problems.push(`${name} must be ${rule}, not "${value}"`);
    return fallback;
  };
  /** A number within bounds (`integer`: no fraction); the default when unset. */
  const number = (
    name: string,
    fallback: number,
    rule: { min: number; max?: number; integer?: boolean; above?: boolean },
  ): number => {
    const raw = nonEmpty(e[name]);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    const ok =
      Number.isFinite(n) &&
      (rule.above ? n > rule.min : n >= rule.min) &&
      (rule.max === undefined || n <= rule.max) &&
      (!rule.integer || Number.isInteger(n));
    if (ok) return n;
    const kind = rule.integer ? "an integer" : "a number";
    const range =
      rule.max !== undefined
        ? `from ${rule.min} to ${rule.max}`
        : rule.above
          ? `above ${rule.min}`
          : `of ${rule.min} or more`;
    return bad(name, raw, `${kind} ${range}`, fallback);
  };
  /** An absolute http(s) URL, without its trailing slash. */
  const url = (name: string): string | undefined => {
    const raw = nonEmpty(e[name]);
    if (raw === undefined) return undefined;
    if (URL.canParse(raw) && /^https?:$/.test(new URL(raw).protocol))
      return raw.replace(/\/+$/, "");
    return bad(name, raw, "an http:// or https:// URL", undefined);
  };
  /** Page and app ids are numbers written as strings; anything else is a typo worth stopping for. */
  const graphId = (name: string): string | undefined => {
    const raw = nonEmpty(e[name]);
    if (raw === undefined || /^\d{1,32}$/.test(raw)) return raw;
    return bad(name, raw, "digits", undefined);
  };
  const flag = (name: string): boolean => {
    const raw = (e[name] ?? "").trim().toLowerCase();
    if (raw === "" || FALSE.includes(raw)) return false;
    if (TRUE.includes(raw)) return true;
    return bad(name, raw, `one of ${[...TRUE, ...FALSE].join(", ")}`, false);
  };
  const oneOf = <T extends string>(name: string, values: readonly T[], fallback: T): T => {
    const raw = nonEmpty(e[name]);
    if (raw === undefined) return fallback;
    if ((values as readonly string[]).includes(raw)) return raw as T;
    return bad(name, raw, `one of ${values.join(", ")}`, fallback);
  };
  /** A postgres:// URL; never repeated in the error, as it may hold a password. */
  const databaseUrl = (name: string): string | undefined => {
    const raw = nonEmpty(e[name]);
    if (raw === undefined) return undefined;
    if (URL.canParse(raw) && /^postgres(ql)?:$/.test(new URL(raw).protocol)) return raw;
    problems.push(`${name} must be a postgres:// or postgresql:// URL (value not shown)`);
    return undefined;
  };
  /** 32 bytes as 64 hex digits or base64; never repeated in the error. */
  const key32 = (name: string): Buffer | undefined => {
    const raw = nonEmpty(e[name]);
    if (raw === undefined) return undefined;
    const key = parseKey32(raw);
    if (key) return key;
    problems.push(
      `${name} must be 32 bytes as 64 hex digits or base64, e.g. from \`openssl rand -base64 32\` (value not shown)`,
    );
    return undefined;
  };
  /** Order numbers' shapes, `none`, or empty for the default. */
  const orderNumbers = (name: string): OrderNumberRule => {
    const read = parseOrderNumberRule(e[name]);
    return read.ok ? read.rule : bad(name, e[name] ?? "", read.error, { kind: "default" });
  };
  /** Addresses and CIDR ranges, comma-separated. */
  const proxies = (name: string): TrustedProxies => {
    const { ranges, bad } = parseTrustedProxies(e[name] ?? "");
    if (bad.length > 0) {
      problems.push(
        `${name} must be IP addresses or CIDR ranges (like 127.0.0.1,10.0.0.0/8), not "${bad.join(",")}"`,
      );
    }
    return ranges;
  };
  const version = nonEmpty(e.GRAPH_API_VERSION) ?? GRAPH_API_VERSION;
  if (!/^v\d+\.\d+$/.test(version)) bad("GRAPH_API_VERSION", version, "like v27.0", undefined);

  const config: RuntimeConfig = {
    port: number("PORT", 8080, { min: 0, max: 65535, integer: true }),
    host: nonEmpty(e.HOST) ?? "0.0.0.0",
    dbPath: nonEmpty(e.CONVO_DB) ?? "./data/convo.db",
    databaseUrl: databaseUrl("CONVO_DATABASE_URL"),
    databasePoolSize: number("CONVO_DATABASE_POOL_SIZE", 10, { min: 1, max: 1000, integer: true }),
    replicaLeaseSeconds: number("CONVO_REPLICA_LEASE_SECONDS", 10, { min: 0, above: true }),
    publicUrl: url("CONVO_PUBLIC_URL"),
    trustedProxies: proxies("CONVO_TRUSTED_PROXIES"),
    adminToken: nonEmpty(e.CONVO_ADMIN_TOKEN),
    secretsKey: key32("CONVO_SECRETS_KEY"),
    secretEnv: Object.fromEntries(
      Object.entries(e).filter(
        (entry): entry is [string, string] =>
          /^CONVO_SECRET_./.test(entry[0]) && entry[1] !== undefined && entry[1] !== "",
      ),
    ),
    appSecret: nonEmpty(e.MESSENGER_APP_SECRET),
    verifyToken: nonEmpty(e.MESSENGER_VERIFY_TOKEN),
    pageToken: nonEmpty(e.MESSENGER_PAGE_TOKEN),
    pageId: graphId("MESSENGER_PAGE_ID"),
    appId: graphId("MESSENGER_APP_ID"),
    graphApiUrl: url("GRAPH_API_URL") ?? DEFAULT_GRAPH_API_URL,
    graphApiVersion: version,
    instagramAccountId: graphId("INSTAGRAM_ACCOUNT_ID"),
    instagramToken: nonEmpty(e.INSTAGRAM_TOKEN),
    whatsappPhoneNumberId: graphId("WHATSAPP_PHONE_NUMBER_ID"),
    whatsappToken: nonEmpty(e.WHATSAPP_TOKEN),
    whatsappAppSecret: nonEmpty(e.WHATSAPP_APP_SECRET),
    whatsappVerifyToken: nonEmpty(e.WHATSAPP_VERIFY_TOKEN),
    aiBaseUrl: url("CONVO_AI_BASE_URL") ?? DEFAULT_AI_BASE_URL,
    aiApiKey: nonEmpty(e.CONVO_AI_API_KEY),
    aiModel: nonEmpty(e.CONVO_AI_MODEL) ?? DEFAULT_AI_MODEL,
    // On unless turned off: the contact's data stays in the runtime by default.
    aiRedact: nonEmpty(e.CONVO_AI_REDACT) === undefined || flag("CONVO_AI_REDACT"),
    aiOrderNumbers: orderNumbers("CONVO_AI_ORDER_NUMBERS"),
    aiMonthlyTokens: number("CONVO_AI_MONTHLY_TOKENS", 0, { min: 0, integer: true }) || undefined,
    allowPrivateHttp: flag("CONVO_ALLOW_PRIVATE_HTTP"),
    sendRate: number("CONVO_SEND_RATE", 250, { min: 0, above: true }),
    workerConcurrency: number("CONVO_WORKER_CONCURRENCY", 64, { min: 1, integer: true }),
    humanPauseMinutes: number("CONVO_HUMAN_PAUSE_MINUTES", 30, { min: 0 }),
    echoWaitSeconds: number("CONVO_ECHO_WAIT_SECONDS", 10, { min: 0 }),
    graphTimeoutSeconds: number("CONVO_GRAPH_TIMEOUT_SECONDS", 10, { min: 0, above: true }),
    maxConnections: number("CONVO_MAX_CONNECTIONS", 1024, { min: 1, integer: true }),
    headersTimeoutSeconds: number("CONVO_HEADERS_TIMEOUT_SECONDS", 10, { min: 0, above: true }),
    requestTimeoutSeconds: number("CONVO_REQUEST_TIMEOUT_SECONDS", 30, { min: 0, above: true }),
    slowStepMs: number("CONVO_SLOW_STEP_MS", 1000, { min: 0 }),
    editorDist: nonEmpty(e.CONVO_EDITOR_DIST),
    logLevel: oneOf("CONVO_LOG_LEVEL", LOG_LEVELS, "info"),
  };
  if (config.whatsappToken !== undefined && config.whatsappPhoneNumberId === undefined) {
    problems.push(
      "WHATSAPP_PHONE_NUMBER_ID must be set with WHATSAPP_TOKEN (the number's id, digits)",
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
