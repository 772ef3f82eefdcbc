import { Hono } from "hono";
import {
  createGraphEmulatorApp,
  EMULATOR_APP_ID,
  EMULATOR_PAGE_ID,
  type GraphEmulator,
  type RecordedCall,
} from "./app";
import { deliverWebhook } from "./deliver-webhook";
import type { FaultCode } from "./errors";
import { listenOn } from "./server";

/**
 * The Graph API emulator as a program of its own (`convo emulator`), for a brand's developers who
 * test their integrations without Facebook: the emulator's Graph routes, plus a few `/_` control
 * routes a test script calls over HTTP.
 *
 * - `GET /_calls` — every call answered so far, oldest first (`?since=N` skips the first N), tokens
 *   and proofs replaced by `[redacted]`; `DELETE /_calls` forgets them.
 * - `POST /_say` `{ "psid", "text" }` or `{ "psid", "payload", "title"? }` — a customer writes or
 *   taps a button: the Messenger webhook event Meta would send, signed, POSTed to `--webhook`.
 * - `POST /_webhook` — any webhook body, signed with the app secret and POSTed to `--webhook` as is.
 * - `PUT /_profiles/:psid` — the profile the user-profile call answers for that PSID.
 * - `POST /_faults` `{ "next": 3, "code": 2 }` — fail the next calls with one of Meta's errors.
 * - `POST /_reset` — no calls, no faults, a good token.
 */
export interface StandaloneEmulatorOptions {
  port?: number;
  host?: string;
  /** Every call must carry this `access_token` (any non-empty token passes when absent). */
  pageToken?: string;
  /** Checks `appsecret_proof` and signs what is POSTed to the webhook. */
  appSecret?: string;
  /** The app's webhook (http): echoes of sent messages and `/_say` events go there. */
  webhookUrl?: string;
  appId?: string;
  pageId?: string;
}

export interface RunningStandaloneEmulator {
  url: string;
  emulator: Omit<GraphEmulator, "app">;
  close(): Promise<void>;
}

const SECRET_QUERY = new Set(["access_token", "appsecret_proof"]);

/** A call as `/_calls` lists it: what the token and proof were is nobody's business but Meta's. */
export function redactCall(call: RecordedCall): RecordedCall {
  const query = Object.fromEntries(
    Object.entries(call.query).map(([key, value]) => [
      key,
      SECRET_QUERY.has(key) ? "[redacted]" : value,
    ]),
  );
  return { ...call, query };
}

/** The codes `POST /_faults` takes: those the emulator answers in Meta's words. */
const FAULT_CODES: readonly FaultCode[] = [
  500, 503, 1, 2, 1200, 4, 32, 613, 551, 2018278, 2018108, 190,
];

const problem = (message: string) => ({ error: { message, type: "EmulatorControl" } });

/** The control routes, in front of the emulator's own. */
export function standaloneApp(
  emulator: GraphEmulator,
  options: Pick<StandaloneEmulatorOptions, "webhookUrl" | "appSecret" | "pageId">,
): Hono {
  const app = new Hono();
  const pageId = options.pageId ?? EMULATOR_PAGE_ID;
  const forward = async (body: unknown) => {
    if (!options.webhookUrl) return { status: 409 as const, body: problem("no --webhook given") };
    const answer = await deliverWebhook({
      url: options.webhookUrl,
      body,
      appSecret: options.appSecret ?? "",
    }).catch((error: unknown) => error as Error);
    if (answer instanceof Error) {
      return { status: 502 as const, body: problem(`webhook unreachable: ${answer.message}`) };
    }
    return { status: 200 as const, body: { delivered: true, webhookStatus: answer.status } };
  };

  app.get("/_calls", (c) => {
    const since = Math.max(0, Number(c.req.query("since") ?? 0) || 0);
    return c.json({ data: emulator.calls.slice(since).map(redactCall) });
  });
  app.delete("/_calls", (c) => {
    emulator.clear();
    return c.body(null, 204);
  });
  app.post("/_say", async (c) => {
    const said = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
    const psid = typeof said?.psid === "string" ? said.psid : "";
    const text = typeof said?.text === "string" ? said.text : undefined;
    const payload = typeof said?.payload === "string" ? said.payload : undefined;
    if (!psid || (text === undefined) === (payload === undefined)) {
      return c.json(problem('give "psid" and either "text" or "payload"'), 400);
    }
    const at = Date.now();
    const event = {
      sender: { id: psid },
      recipient: { id: pageId },
      timestamp: at,
      ...(text !== undefined
        ? { message: { mid: `m_emulated_${at}_${Math.random().toString(36).slice(2)}`, text } }
        : {
            postback: {
              mid: `m_emulated_${at}_${Math.random().toString(36).slice(2)}`,
              title: typeof said?.title === "string" ? said.title : payload,
              payload,
            },
          }),
    };
    const result = await forward({
      object: "page",
      entry: [{ id: pageId, time: at, messaging: [event] }],
    });
    return c.json(result.body, result.status);
  });
  app.post("/_webhook", async (c) => {
    const body = await c.req.json().catch(() => undefined);
    if (body === undefined) return c.json(problem("the body must be JSON"), 400);
    const result = await forward(body);
    return c.json(result.body, result.status);
  });
  app.put("/_profiles/:psid", async (c) => {
    const profile = await c.req.json().catch(() => null);
    if (!profile || typeof profile !== "object")
      return c.json(problem("the body must be a JSON object"), 400);
    emulator.profiles.set(c.req.param("psid"), profile);
    return c.body(null, 204);
  });
  app.post("/_faults", async (c) => {
    const asked = (await c.req.json().catch(() => null)) as {
      next?: unknown;
      code?: unknown;
    } | null;
    const next = Number(asked?.next);
    const code = Number(asked?.code) as FaultCode;
    if (!Number.isInteger(next) || next < 1 || !FAULT_CODES.includes(code)) {
      return c.json(
        problem(`give "next" (a count) and "code" (one of ${FAULT_CODES.join(", ")})`),
        400,
      );
    }
    emulator.failNext(next, code);
    return c.body(null, 204);
  });
  app.post("/_reset", (c) => {
    emulator.reset();
    return c.body(null, 204);
  });
  app.route("/", emulator.app);
  return app;
}

/** Starts the emulator with its control routes on `host:port` (a free port for 0). */
export async function startStandaloneEmulator(
  options: StandaloneEmulatorOptions = {},
): Promise<RunningStandaloneEmulator> {
  const { port = 0, host = "127.0.0.1", webhookUrl, appSecret, pageToken, pageId } = options;
  const appId = options.appId ?? EMULATOR_APP_ID;
  const emulator = createGraphEmulatorApp({
    ...(pageToken ? { pageToken } : {}),
    ...(appSecret ? { appSecret } : {}),
    ...(pageId ? { pageId } : {}),
    appId,
    ...(webhookUrl ? { echoes: { webhookUrl, appSecret: appSecret ?? "", appId } } : {}),
  });
  const app = standaloneApp(emulator, { webhookUrl, appSecret, pageId });
  const server = await listenOn(app.fetch, port, host);
  const { app: _app, ...controls } = emulator;
  return {
    url: server.url,
    emulator: controls,
    close: async () => {
      await emulator.close();
      await server.close();
    },
  };
}
