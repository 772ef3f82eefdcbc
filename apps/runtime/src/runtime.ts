import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { TEST_CONTACT } from "@convo/engine";
import { CHANNELS } from "@convo/messenger";
import type { ServerType } from "@hono/node-server";
import type { Hono } from "hono";
import { setupLink } from "./accounts/links";
import type { RunningAiEmulator } from "./ai/emulator";
import { aiProviderFor } from "./ai-provider";
import { AiProviderSettings } from "./ai-settings";
import { createApp } from "./api/app";
import { SANDBOX_PAGE_ID, SANDBOX_PSID } from "./api/sandbox";
import type { RuntimeConfig } from "./config";
import { conversationFeed, parseNews } from "./conversation-feed";
import type { Deps } from "./deps";
import { loadEditorBuild } from "./editor-build";
import { buildGateways, type SandboxEmulators } from "./graph-api/build-gateways";
import type { PageIdentity } from "./graph-api/page-identity";
import { sandboxSentCalls } from "./graph-api/sandbox-calls";
import { listenWithLimits } from "./http-server";
import { createLogger, type Logger } from "./log";
import { EchoSubscription } from "./ops/echo-subscription";
import { Metrics } from "./ops/metrics";
import { InboxWorker } from "./pipeline/inbox-worker";
import { OutboxSender } from "./pipeline/outbox-sender";
import { PublishedFlows } from "./pipeline/published-flows";
import { TimerLoop } from "./pipeline/timer-loop";
import { WebhookSender } from "./pipeline/webhook-sender";
import { resolveSecretsKey, Sealer } from "./secrets/key";
import { SecretVault } from "./secrets/vault";
import { seedExamples } from "./seed";
import { openStore } from "./store/open";
import type { SettingsStore } from "./store/settings";
import { learnIdentity } from "./webhook/identity";

export interface RuntimeOptions {
  config: RuntimeConfig;
  log?: Logger;
  now?: () => number;
  /** First retry delay of a failed send (tests shorten it). */
  retryBaseMs?: number;
  /** False: only the HTTP side runs (the intake benchmark measures the webhook alone). */
  workers?: boolean;
  /** Folder of example flows seeded into a fresh database. */
  examplesDir?: string;
  /**
   * False: acknowledged webhooks are committed at `synchronous = NORMAL` like every other write
   * (a power cut can lose the last ones). Only the ack benchmark sets it, to measure the cost.
   */
  durableAcks?: boolean;
}

export interface Runtime {
  app: Hono;
  deps: Deps;
  /** The built-in AI emulator, in sandbox mode without an AI key (tests play its faults). */
  aiEmulator: RunningAiEmulator | undefined;
  /**
   * Listens on `config.port` (0: any free port) and starts the workers. On a database with
   * nobody in it, answers a one-time setup link for the first owner.
   */
  start(): Promise<{ url: string; port: number; setupLink?: string }>;
  /** Stops taking requests, lets the event in hand finish, closes the database. */
  stop(): Promise<void>;
}

const token = () => randomBytes(24).toString("base64url");

/**
 * A setting from the environment, or the database, or generated once and kept there (replicas
 * starting together keep the same one).
 */
async function persistent(settings: SettingsStore, key: string, configured: string | undefined) {
  if (configured) return configured;
  return (await settings.get(key)) || settings.setIfAbsent(key, token());
}

/**
 * Builds the runtime on its store (one SQLite file, or PostgreSQL shared with other replicas):
 * store, app and workers. Nothing listens until `start`.
 *
 * @example
 * const runtime = await createRuntime({ config: loadConfig() });
 * const { url } = await runtime.start();
 */
export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config } = options;
  const log = options.log ?? createLogger(config.logLevel);
  const now = options.now ?? Date.now;
  const store = await openStore(
    {
      databaseUrl: config.databaseUrl,
      sqlitePath: config.dbPath,
      leaseMs: config.replicaLeaseSeconds * 1000,
      poolSize: config.databasePoolSize,
      durable: options.durableAcks ?? true,
    },
    now(),
    (fresh) => seedExamples(fresh, log, now(), options.examplesDir),
  );

  const channel = CHANNELS.messenger;
  // Sandbox: no Page token, so each channel's emulator runs in-process (Messenger's plays the
  // Page the sandbox's webhook bodies name, Instagram's the account linked to it).
  const sandbox = config.pageToken === undefined;
  const pageToken = config.pageToken ?? "sandbox-page-token";
  const appSecret = await persistent(store.settings, "app_secret", config.appSecret);
  const { graph, phoneNumberId, emulators, transport } = buildGateways(
    config,
    { pageToken, appSecret, sandboxPageId: SANDBOX_PAGE_ID },
    now,
    options.retryBaseMs ?? 500,
  );
  const emulator = emulators?.messenger;
  // Every sandbox tester is Sam Sandbox, as the simulator's contact is: a new tester too, so
  // `{{contact.first_name}}` is not empty in one and filled in the other.
  const nameSandboxTester = (psid: string) => {
    if (emulator && !emulator.profiles.has(psid)) emulator.profiles.set(psid, { ...TEST_CONTACT });
    const instagram = emulators?.instagram.profiles;
    if (instagram && !instagram.has(psid)) {
      instagram.set(psid, {
        name: `${TEST_CONTACT.first_name} ${TEST_CONTACT.last_name}`,
        username: psid === SANDBOX_PSID ? "sam.sandbox" : psid,
      });
    }
  };
  nameSandboxTester(SANDBOX_PSID);
  emulator?.profiles.set(SANDBOX_PSID, { ...TEST_CONTACT, locale: "en_US" });

  // The sandbox's ids are the emulator's, read from it like Meta's would be.
  const identity: PageIdentity = {
    pageId: sandbox ? undefined : config.pageId,
    appId: sandbox ? undefined : config.appId,
  };
  let stopLearning = () => {};

  let ready = false;
  const echoSubscription = new EchoSubscription(
    sandbox ? undefined : graph,
    // Read when each check runs, so the ids learned at start are the ones asked about.
    identity,
    log,
    now,
  );
  const verifyToken = await persistent(store.settings, "verify_token", config.verifyToken);
  const metrics = new Metrics();
  const secretsKey = resolveSecretsKey(config.secretsKey, config.dbPath, (message, fields) =>
    log.warn(message, fields),
  );
  const sealer = new Sealer(secretsKey.key, store.settings);
  await sealer.checkKey(secretsKey.source).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  // After the sealer: the key the owner saves in the editor is sealed under it.
  const aiSettings = new AiProviderSettings(store.settings, sealer, config);
  const ai = await aiProviderFor(config, log, {
    stats: store.stats,
    metrics,
    now,
    settings: aiSettings,
  });
  metrics.echoStatus = () => echoSubscription.state.status;
  // With replicas, news goes through the database so agents connected to any replica hear it.
  const replicas = store.replicas;
  const feed = conversationFeed(
    replicas
      ? (news) =>
          void replicas.publishNews(JSON.stringify(news)).catch((error: unknown) => {
            log.warn("could not tell the other replicas the inbox's news", { error });
          })
      : undefined,
  );
  const deps: Deps = {
    store,
    config,
    log,
    metrics,
    now,
    sealer,
    secrets: new SecretVault(store.settings, sealer, config.secretEnv),
    adminToken: await persistent(store.settings, "admin_token", config.adminToken),
    appSecret,
    verifyToken,
    whatsapp: {
      phoneNumberId,
      appSecret: config.whatsappAppSecret ?? appSecret,
      verifyToken: config.whatsappVerifyToken ?? verifyToken,
    },
    channel,
    identity,
    graph,
    ai: ai.provider,
    aiSettings,
    sandbox,
    echoSubscription,
    ...(emulator
      ? {
          sentCalls: sandboxSentCalls(emulators as SandboxEmulators),
          nameSandboxTester,
          setSandboxLocale: (psid, locale) =>
            emulator.profiles.set(psid, { ...emulator.profiles.get(psid), locale }),
        }
      : {}),
    wake: {
      inbox: (psid) => (psid === undefined ? inbox.wake() : inbox.offer(psid)),
      outbox: (psid) => (psid === undefined ? outbox.wake() : outbox.offer(psid)),
      timers: () => timers.wake(),
      webhooks: () => webhooks.wake(),
    },
    publicUrl: { value: config.publicUrl ?? `http://localhost:${config.port}` },
    flowsChanged: () => {
      flows.invalidate();
      // The other replicas reload theirs too; a lost notice is the cost of a stale flow until then.
      store.replicas?.announceFlowsChanged().catch((error: unknown) => {
        log.warn("could not tell the other replicas the flows changed", { error });
      });
    },
    publishedFlows: () => flows.load(),
    conversationFeed: feed,
  };
  const stopNews =
    store.replicas?.onNews((payload) => {
      const news = parseNews(payload);
      if (news) feed.relay(news);
    }) ?? (() => {});
  // Another replica found work of a contact this one holds: it is taken up at once.
  const stopWakes =
    store.replicas?.onWake((queue, psid) =>
      queue === "flows" ? flows.invalidate() : deps.wake[queue](psid),
    ) ?? (() => {});
  // The safety net of a lost notice: a replica reloads the published flows every few seconds.
  const reloadFlows = store.replicas ? setInterval(() => flows.invalidate(), 5_000) : undefined;
  reloadFlows?.unref();
  const flows = new PublishedFlows(store.flows);
  const inbox = new InboxWorker(deps, flows);
  const outbox = new OutboxSender(deps, options.retryBaseMs);
  const timers = new TimerLoop(deps);
  const webhooks = new WebhookSender(deps, options.retryBaseMs);

  const editor = config.editorDist ? await loadEditorBuild(config.editorDist) : undefined;
  if (config.editorDist && !editor)
    log.warn("no editor build to serve", { dir: config.editorDist });
  const app = createApp(deps, {
    isReady: () => ready && store.isReady(),
    ...(editor ? { editor } : {}),
    ...(emulator ? { graphEmulator: emulator.app } : {}),
  });

  let server: ServerType | undefined;
  return {
    app,
    deps,
    aiEmulator: ai.emulator,
    async start() {
      // Before the webhook listens, so the first batch is already checked against this Page.
      stopLearning = await learnIdentity(identity, graph.client, log);
      server = await listenWithLimits({
        fetch: app.fetch,
        port: config.port,
        hostname: config.host,
        limits: {
          maxConnections: Math.max(1, config.maxConnections),
          headersTimeoutMs: config.headersTimeoutSeconds * 1000,
          requestTimeoutMs:
            Math.max(config.requestTimeoutSeconds, config.headersTimeoutSeconds) * 1000,
          keepAliveTimeoutMs: 5_000,
          maxRequestsPerSocket: 1_000,
        },
        metrics: deps.metrics,
        log,
      });
      const port = (server.address() as AddressInfo).port;
      deps.publicUrl.value = config.publicUrl ?? `http://localhost:${port}`;
      // The first replies should not wait for the transport thread to boot.
      await transport?.ready();
      if (options.workers !== false) {
        await inbox.start();
        await outbox.start();
        timers.start();
        webhooks.start();
      }
      ready = true;
      // Not awaited: a slow Graph API must not delay the start; the result is logged.
      void echoSubscription.start();
      const host = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host;
      const url = `http://${host}:${port}`;
      log.info("listening", { url, sandbox: deps.sandbox, pageId: identity.pageId ?? null });
      const setup = await setupLink(store, deps.publicUrl.value, now());
      return { url, port, ...(setup ? { setupLink: setup } : {}) };
    },
    async stop() {
      ready = false;
      stopLearning();
      echoSubscription.stop();
      // Stop taking requests first (those in hand finish), then let the workers finish the event
      // and sends in hand; whatever is left waits in the tables for the next start.
      // Agents' open streams end now, or close() would wait for them.
      feed.end();
      const s = server;
      const closed = s
        ? new Promise<void>((resolve) => {
            s.close(() => resolve());
            (s as { closeIdleConnections?: () => void }).closeIdleConnections?.();
          })
        : Promise.resolve();
      stopWakes();
      stopNews();
      clearInterval(reloadFlows);
      await Promise.all([inbox.stop(), outbox.stop(), timers.stop(), webhooks.stop()]);
      // Keep-alive connections that stay open would hold close() forever.
      const forced = setTimeout(() => {
        (s as { closeAllConnections?: () => void } | undefined)?.closeAllConnections?.();
      }, 2_000);
      await closed;
      clearTimeout(forced);
      await transport?.close();
      await ai.emulator?.close();
      await store.close();
    },
  };
}
