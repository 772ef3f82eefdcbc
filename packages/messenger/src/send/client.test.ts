import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createGraphEmulatorApp, type RunningGraphEmulator, startGraphEmulator } from "../emulator";
import { mulberry32 } from "../emulator/faults";
import { GRAPH_API_VERSION } from "../graph-version";
import { createSendApiClient, type RateLimitNotice, type SendApiClientOptions } from "./client";
import { GraphError } from "./graph-error";

const TOKEN = "EAAGpageToken123";
const SECRET = "app-secret-456";
const PSID = "6543210987654321";
const TEXT = {
  recipient: { id: PSID },
  messaging_type: "RESPONSE" as const,
  message: { text: "Hi!" },
};

let graph: RunningGraphEmulator;
let delays: number[];

beforeAll(async () => {
  graph = await startGraphEmulator({ pageToken: TOKEN, appSecret: SECRET });
});
afterAll(() => graph.close());
beforeEach(() => {
  graph.reset();
  delays = [];
});

function client(overrides: Partial<SendApiClientOptions> = {}) {
  return createSendApiClient({
    baseUrl: graph.url,
    pageToken: TOKEN,
    appSecret: SECRET,
    retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000 },
    rateLimit: { baseDelayMs: 2_000, maxDelayMs: 30_000 },
    // Waits are recorded, not slept: the tests check the backoff, not the clock.
    sleep: async (ms) => {
      delays.push(ms);
    },
    random: mulberry32(7),
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<GraphError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GraphError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("Send API client against the emulator", () => {
  it("sends a message with access_token and appsecret_proof and returns Meta's ids", async () => {
    const result = await client().sendMessage(TEXT);
    expect(result.recipientId).toBe(PSID);
    expect(result.messageId).toMatch(/^m_/);
    const [call] = graph.calls;
    expect(call).toMatchObject({
      method: "POST",
      path: `/${GRAPH_API_VERSION}/me/messages`,
      status: 200,
      body: TEXT,
    });
    expect(call?.query.access_token).toBe(TOKEN);
    expect(call?.query.appsecret_proof).toMatch(/^[0-9a-f]{64}$/);
  });

  it("uses the configured Graph version", async () => {
    await client({ version: "v19.0" }).sendAction(PSID, "typing_on");
    expect(graph.calls[0]?.path).toBe("/v19.0/me/messages");
    expect(graph.calls[0]?.body).toEqual({ recipient: { id: PSID }, sender_action: "typing_on" });
  });

  it("sends typing indicators and mark_seen", async () => {
    const api = client();
    for (const action of ["typing_on", "typing_off", "mark_seen"] as const) {
      expect(await api.sendAction(PSID, action)).toEqual({ recipientId: PSID });
    }
    expect(graph.calls.map((c) => (c.body as { sender_action: string }).sender_action)).toEqual([
      "typing_on",
      "typing_off",
      "mark_seen",
    ]);
  });

  it("reads a user profile", async () => {
    graph.profiles.set(PSID, {
      first_name: "Léa",
      last_name: "Martin",
      locale: "fr_FR",
      timezone: 1,
    });
    expect(await client().getProfile(PSID)).toEqual({
      id: PSID,
      first_name: "Léa",
      last_name: "Martin",
      locale: "fr_FR",
      timezone: 1,
    });
    expect(await client().getProfile(PSID, ["first_name"])).toEqual({
      id: PSID,
      first_name: "Léa",
    });
    const unknown = await failure(client().getProfile("999"));
    expect(unknown).toMatchObject({ category: "bad_request", code: 100, subcode: 33 });
  });

  it("sets, reads and deletes the Messenger Profile", async () => {
    const api = client();
    await api.setMessengerProfile({
      get_started: { payload: "GET_STARTED" },
      greeting: [{ locale: "default", text: "Hello {{user_first_name}}!" }],
      persistent_menu: [
        {
          locale: "default",
          call_to_actions: [{ type: "web_url", title: "Shop", url: "https://example.com" }],
        },
      ],
      ice_breakers: [{ call_to_actions: [{ question: "Where is my order?", payload: "ORDER" }] }],
    });
    expect(await api.getMessengerProfile(["get_started", "greeting"])).toEqual({
      get_started: { payload: "GET_STARTED" },
      greeting: [{ locale: "default", text: "Hello {{user_first_name}}!" }],
    });
    await api.deleteMessengerProfile(["ice_breakers", "greeting"]);
    expect(await api.getMessengerProfile(["greeting", "ice_breakers"])).toEqual({});
    expect(graph.messengerProfile()).toHaveProperty("persistent_menu");
  });

  it("passes and takes thread control", async () => {
    await client().passThreadControl(PSID, "263902037430900", "customer asked for a human");
    await client().takeThreadControl(PSID);
    expect(graph.calls.map((c) => [c.path, c.body])).toEqual([
      [
        `/${GRAPH_API_VERSION}/me/pass_thread_control`,
        {
          recipient: { id: PSID },
          target_app_id: "263902037430900",
          metadata: "customer asked for a human",
        },
      ],
      [`/${GRAPH_API_VERSION}/me/take_thread_control`, { recipient: { id: PSID } }],
    ]);
  });
});

describe("Send API client in-process (the runtime's sandbox mode)", () => {
  it("talks to an emulator app through a custom fetch, without a socket", async () => {
    const sandbox = createGraphEmulatorApp({ pageToken: TOKEN, appSecret: SECRET });
    const api = createSendApiClient({
      baseUrl: "http://graph.sandbox",
      pageToken: TOKEN,
      appSecret: SECRET,
      fetch: async (url, { timeoutMs: _timeoutMs, ...init }) => sandbox.app.request(url, init),
    });
    const sent = await api.sendMessage(TEXT);
    expect(sent.recipientId).toBe(PSID);
    expect(sandbox.calls.map((c) => [c.path, c.status])).toEqual([
      [`/${GRAPH_API_VERSION}/me/messages`, 200],
    ]);
  });
});

describe("Send API client: transient errors are retried with backoff and jitter", () => {
  it.each([500, 503, 1, 2, 1200] as const)(
    "retries %s and succeeds when Graph recovers",
    async (code) => {
      graph.failNext(2, code);
      const result = await client().sendMessage(TEXT);
      expect(result.messageId).toMatch(/^m_/);
      expect(graph.calls.map((c) => c.status)).toEqual([
        code === 503 ? 503 : 500,
        code === 503 ? 503 : 500,
        200,
      ]);
      expect(delays).toHaveLength(2);
    },
  );

  it("gives up after maxAttempts with the last error, its attempts counted", async () => {
    graph.failNext(10, 1200);
    const error = await failure(client({ retry: { maxAttempts: 3 } }).sendMessage(TEXT));
    expect(error).toMatchObject({ category: "transient", code: 1200, attempts: 3, status: 500 });
    expect(error.fbtraceId).toBeTruthy();
    expect(graph.calls).toHaveLength(3);
  });

  it("draws each wait from a window that doubles up to the cap (full jitter)", async () => {
    graph.failNext(10, 500);
    await failure(
      client({ retry: { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 500 } }).sendMessage(TEXT),
    );
    const caps = [100, 200, 400, 500, 500];
    expect(delays).toHaveLength(caps.length);
    delays.forEach((delay, i) => {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(caps[i] ?? 0);
    });
    expect(new Set(delays).size).toBeGreaterThan(1);
  });

  it("retries network errors (nothing listening) and reports them as transient", async () => {
    const closedPort = await freePort();
    const error = await failure(
      client({ baseUrl: `http://127.0.0.1:${closedPort}`, retry: { maxAttempts: 2 } }).sendMessage(
        TEXT,
      ),
    );
    expect(error).toMatchObject({ category: "transient", attempts: 2, status: undefined });
    expect(error.message).toMatch(/network error/);
  });

  it("treats a call that outlives its time-out as transient", async () => {
    graph.setLatency(300);
    const error = await failure(
      client({ timeoutMs: 50, retry: { maxAttempts: 1 } }).sendMessage(TEXT),
    );
    expect(error).toMatchObject({ category: "transient", message: "Graph API call timed out" });
    // The emulator still answers the abandoned call; let it land before the next test starts.
    await vi.waitFor(() => expect(graph.calls).toHaveLength(1));
  });
});

describe("Send API client: rate limits slow the Page down", () => {
  it.each([4, 32, 613] as const)(
    "backs off after %s, tells the caller, then succeeds",
    async (code) => {
      const notices: RateLimitNotice[] = [];
      graph.failNext(2, code);
      const api = client({ onRateLimit: (notice) => notices.push(notice) });
      const result = await api.sendMessage(TEXT);
      expect(result.messageId).toMatch(/^m_/);
      expect(graph.calls).toHaveLength(3);
      expect(notices.map((n) => [n.code, n.attempt])).toEqual([
        [code, 1],
        [code, 2],
      ]);
      // Longer than transient backoff: at least half of 2 s, then of 4 s.
      expect(notices[0]?.delayMs).toBeGreaterThanOrEqual(1_000);
      expect(notices[1]?.delayMs).toBeGreaterThanOrEqual(2_000);
      expect(delays.every((d) => d > 0)).toBe(true);
      expect(api.pace().consecutiveRateLimits).toBe(0);
    },
  );

  it("keeps the Page slowed down for the next call too", async () => {
    const api = client();
    graph.failNext(1, 613);
    await api.sendMessage(TEXT);
    const { slowedUntil } = api.pace();
    expect(slowedUntil).toBeGreaterThan(Date.now());
    delays = [];
    await api.sendAction(PSID, "typing_on");
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThan(0);
  });

  it("gives up as rate_limited when the limit persists", async () => {
    graph.failNext(10, 4);
    const notices: RateLimitNotice[] = [];
    const error = await failure(
      client({ retry: { maxAttempts: 3 }, onRateLimit: (n) => notices.push(n) }).sendMessage(TEXT),
    );
    expect(error).toMatchObject({ category: "rate_limited", code: 4, attempts: 3 });
    expect(notices).toHaveLength(3);
    expect(graph.calls).toHaveLength(3);
  });
});

describe("Send API client: permanent errors are sent exactly once", () => {
  it.each([
    [551, "user_unreachable", 551],
    [2018108, "user_unreachable", 10],
    [2018278, "outside_window", 10],
    [190, "bad_token", 190],
    [100, "bad_request", 100],
  ] as const)("fault %s is %s and never retried", async (fault, category, code) => {
    graph.failNext(1, fault);
    const error = await failure(client().sendMessage(TEXT));
    expect(error).toMatchObject({ category, code, attempts: 1 });
    expect(error.retryable).toBe(false);
    expect(graph.calls).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it("reports a wrong token as bad_token", async () => {
    const error = await failure(client({ pageToken: "EAAGexpired" }).sendMessage(TEXT));
    expect(error).toMatchObject({ category: "bad_token", code: 190 });
    graph.setBadToken(true);
    expect(await failure(client().sendAction(PSID, "mark_seen"))).toMatchObject({
      category: "bad_token",
    });
    expect(graph.calls).toHaveLength(2);
  });

  it("reports a wrong app secret (appsecret_proof) as bad_request", async () => {
    const error = await failure(client({ appSecret: "not-the-secret" }).sendMessage(TEXT));
    expect(error).toMatchObject({ category: "bad_request", code: 100 });
    expect(error.message).toMatch(/appsecret_proof/);
    expect(graph.calls).toHaveLength(1);
  });

  it("reports a body Meta would refuse as bad_request, naming the parameter", async () => {
    const error = await failure(
      client().sendMessage({ recipient: { id: PSID }, message: { text: "x".repeat(2001) } }),
    );
    expect(error).toMatchObject({ category: "bad_request", code: 100, status: 400 });
    expect(error.message).toContain("message[text]");
    expect(graph.calls).toHaveLength(1);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.once("error", reject);
  });
}
