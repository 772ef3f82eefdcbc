import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createSendApiClient } from "../send/client";
import { parseWebhook } from "../webhook/parse";
import type { InboundEvent } from "../webhook/types";
import { verifySignature } from "../webhook/verify";
import { createGraphEmulatorApp, type GraphEmulator } from "./app";
import type { EchoOptions } from "./echoes";
import { type RunningGraphEmulator, startGraphEmulator } from "./server";

const TOKEN = "EAAGpage";
const SECRET = "s3cret";
const APP_ID = "1517776481860111";
const PAGE_ID = "104857600000001";
const AUTH = `access_token=${TOKEN}&appsecret_proof=${createHmac("sha256", SECRET).update(TOKEN).digest("hex")}`;

interface EchoItem {
  sender: { id: string };
  recipient: { id: string };
  timestamp: number;
  message: Record<string, unknown> & { mid: string; text?: string };
}

interface Received {
  raw: Buffer;
  signature: string | undefined;
  items: EchoItem[];
}

/** A webhook over real HTTP that answers 500 to its first `refuse` POSTs, then takes them. */
async function startReceiver(options: { port?: number; refuse?: number } = {}) {
  const posts: Received[] = [];
  let refuse = options.refuse ?? 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (refuse > 0) {
        refuse -= 1;
        res.writeHead(500).end();
        return;
      }
      const raw = Buffer.concat(chunks);
      const body = JSON.parse(raw.toString("utf8")) as { entry: { messaging: EchoItem[] }[] };
      const signature = req.headers["x-hub-signature-256"];
      posts.push({
        raw,
        signature: typeof signature === "string" ? signature : undefined,
        items: body.entry.flatMap((e) => e.messaging),
      });
      res.end("EVENT_RECEIVED");
    });
  });
  const port = await listen(server, options.port ?? 0);
  const receiver = {
    url: `http://127.0.0.1:${port}/webhooks/messenger`,
    port,
    posts,
    items: () => posts.flatMap((p) => p.items),
    close: () => closeServer(server),
  };
  cleanups.push(receiver.close);
  return receiver;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A loopback port with nothing listening on it (yet). */
async function freePort(): Promise<number> {
  const server = createServer();
  const port = await listen(server, 0);
  await closeServer(server);
  return port;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function echoOptions(webhookUrl: string, extra: Partial<EchoOptions> = {}): EchoOptions {
  return { webhookUrl, appSecret: SECRET, appId: APP_ID, ...extra };
}

function emulatorWith(echoes: EchoOptions): GraphEmulator {
  const graph = createGraphEmulatorApp({ pageToken: TOKEN, appSecret: SECRET, echoes });
  cleanups.push(graph.close);
  return graph;
}

async function running(echoes: EchoOptions): Promise<RunningGraphEmulator> {
  const graph = await startGraphEmulator({ pageToken: TOKEN, appSecret: SECRET, echoes });
  cleanups.push(graph.close);
  return graph;
}

/** One Send API call in-process; answers the status and body. */
async function send(graph: GraphEmulator, body: unknown) {
  const response = await graph.app.request(`/v21.0/me/messages?${AUTH}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const text = (psid: string, value: string, metadata?: string) => ({
  recipient: { id: psid },
  messaging_type: "RESPONSE" as const,
  message: { text: value, ...(metadata === undefined ? {} : { metadata }) },
});

function textsFor(items: EchoItem[], psid: string): (string | undefined)[] {
  return items.filter((item) => item.recipient.id === psid).map((item) => item.message.text);
}

describe("Graph API emulator: message echoes", () => {
  it("echoes a sent message to the webhook, signed, with its mid, metadata and app id", async () => {
    const receiver = await startReceiver();
    const graph = await running(echoOptions(receiver.url));
    const client = createSendApiClient({ baseUrl: graph.url, pageToken: TOKEN, appSecret: SECRET });
    const sent = await client.sendMessage(text("6543210987654321", "Hi Léa! 📦", "convo|f|n"));
    await graph.flushEchoes();

    expect(receiver.posts).toHaveLength(1);
    const [post] = receiver.posts;
    if (!post) throw new Error("no echo arrived");
    expect(verifySignature(post.raw, post.signature, SECRET)).toBe(true);
    expect(verifySignature(post.raw, post.signature, "another secret")).toBe(false);
    expect(JSON.parse(post.raw.toString("utf8"))).toMatchObject({
      object: "page",
      entry: [{ id: PAGE_ID, time: expect.any(Number) }],
    });
    expect(post.items).toEqual([
      {
        sender: { id: PAGE_ID },
        recipient: { id: "6543210987654321" },
        timestamp: expect.any(Number),
        message: {
          is_echo: true,
          app_id: Number(APP_ID),
          metadata: "convo|f|n",
          mid: sent.messageId,
          text: "Hi Léa! 📦",
        },
      },
    ]);
    const parsed = parseWebhook(JSON.parse(post.raw.toString("utf8")), { appId: APP_ID });
    expect(parsed.ok && parsed.events[0]).toMatchObject({
      kind: "echo",
      psid: "6543210987654321",
      mid: sent.messageId,
      appId: APP_ID,
      metadata: "convo|f|n",
      fromPageInbox: false,
    } satisfies Partial<InboundEvent> & Record<string, unknown>);
  });

  it("echoes attachments and templates as Meta does, under `attachments`", async () => {
    const receiver = await startReceiver();
    const graph = emulatorWith(echoOptions(receiver.url));
    const image = { type: "image", payload: { url: "https://example.com/a.png" } };
    const template = {
      type: "template",
      payload: {
        template_type: "button",
        text: "Pick one",
        buttons: [{ type: "postback", title: "Track", payload: "cv1|f|1|n|h" }],
      },
    };
    for (const attachment of [image, template]) {
      const answer = await send(graph, { recipient: { id: "42" }, message: { attachment } });
      expect(answer.status).toBe(200);
    }
    await graph.flushEchoes();
    expect(receiver.items().map((item) => item.message.attachments)).toEqual([[image], [template]]);
    expect(receiver.items().every((item) => item.message.text === undefined)).toBe(true);
  });

  it("batches echoes into fewer POSTs, at most 100 items each, in send order per recipient", async () => {
    const receiver = await startReceiver();
    const graph = emulatorWith(echoOptions(receiver.url));
    const recipients = ["1001", "1002", "1003"];
    const mids = new Map<string, unknown[]>();
    await Promise.all(
      recipients.map(async (psid) => {
        for (let i = 0; i < 80; i++) {
          const answer = await send(graph, text(psid, `${psid}-${i}`));
          mids.set(psid, [...(mids.get(psid) ?? []), answer.body.message_id]);
        }
      }),
    );
    await graph.flushEchoes();

    expect(receiver.posts.length).toBeGreaterThanOrEqual(3);
    expect(receiver.posts.length).toBeLessThan(240);
    expect(receiver.posts.every((post) => post.items.length <= 100)).toBe(true);
    const items = receiver.items();
    expect(items).toHaveLength(240);
    for (const psid of recipients) {
      expect(textsFor(items, psid)).toEqual(Array.from({ length: 80 }, (_, i) => `${psid}-${i}`));
      expect(
        items.filter((item) => item.recipient.id === psid).map((item) => item.message.mid),
      ).toEqual(mids.get(psid));
    }
  });

  it("retries while the webhook is down and delivers every echo once, in order, when it is back", async () => {
    const port = await freePort();
    const graph = emulatorWith(echoOptions(`http://127.0.0.1:${port}/webhooks/messenger`));
    for (let i = 0; i < 5; i++) await send(graph, text("42", `before ${i}`));
    // Let a few deliveries be refused before the webhook comes up on the same port.
    await new Promise((resolve) => setTimeout(resolve, 250));
    const receiver = await startReceiver({ port });
    for (let i = 0; i < 3; i++) await send(graph, text("42", `after ${i}`));
    await graph.flushEchoes();

    expect(textsFor(receiver.items(), "42")).toEqual([
      "before 0",
      "before 1",
      "before 2",
      "before 3",
      "before 4",
      "after 0",
      "after 1",
      "after 2",
    ]);
  });

  it("retries a webhook that answers 500, without duplicates or reordering", async () => {
    const receiver = await startReceiver({ refuse: 2 });
    const graph = emulatorWith(echoOptions(receiver.url));
    await send(graph, text("42", "one"));
    await send(graph, text("7", "for someone else"));
    await send(graph, text("42", "two"));
    await graph.flushEchoes();
    await send(graph, text("42", "three"));
    await graph.flushEchoes();

    expect(textsFor(receiver.items(), "42")).toEqual(["one", "two", "three"]);
    expect(textsFor(receiver.items(), "7")).toEqual(["for someone else"]);
  });

  it("gives up on echoes older than retryForMs", async () => {
    const port = await freePort();
    const graph = emulatorWith(
      echoOptions(`http://127.0.0.1:${port}/webhooks/messenger`, { retryForMs: 150 }),
    );
    await send(graph, text("42", "lost"));
    await graph.flushEchoes();
    const receiver = await startReceiver({ port });
    await send(graph, text("42", "kept"));
    await graph.flushEchoes();
    expect(textsFor(receiver.items(), "42")).toEqual(["kept"]);
  });

  it("echoes nothing for sender actions, refused calls and faults; answers as before", async () => {
    const receiver = await startReceiver();
    const graph = emulatorWith(echoOptions(receiver.url));
    expect(await send(graph, { recipient: { id: "42" }, sender_action: "typing_on" })).toEqual({
      status: 200,
      body: { recipient_id: "42" },
    });
    expect((await send(graph, text("42", "x".repeat(2001)))).status).toBe(400);
    graph.failNext(1, 500);
    expect((await send(graph, text("42", "faulted"))).status).toBe(500);
    graph.setBadToken(true);
    expect((await send(graph, text("42", "bad token"))).status).toBe(400);
    graph.setBadToken(false);
    const ok = await send(graph, text("42", "delivered"));
    expect(ok).toEqual({
      status: 200,
      body: { recipient_id: "42", message_id: expect.stringMatching(/^m_[\w-]+$/) },
    });
    await graph.flushEchoes();

    expect(receiver.items().map((item) => item.message.text)).toEqual(["delivered"]);
    expect(receiver.items()[0]?.message.mid).toBe(ok.body.message_id);
    expect(graph.calls.map((call) => call.status)).toEqual([200, 400, 500, 400, 200]);
  });

  it("wants a plain http:// webhook, as it stays on loopback", () => {
    expect(() =>
      createGraphEmulatorApp({ echoes: echoOptions("https://example.com/webhooks/messenger") }),
    ).toThrow(/http:\/\//);
  });

  it("stops at close() and with setEchoes(null); setEchoes starts or retargets delivery", async () => {
    const port = await freePort();
    const graph = createGraphEmulatorApp({ pageToken: TOKEN, appSecret: SECRET });
    await send(graph, text("42", "before echoes"));
    graph.setEchoes(echoOptions(`http://127.0.0.1:${port}/webhooks/messenger`));
    await send(graph, text("42", "pending"));
    const receiver = await startReceiver();
    // The pending echo follows the new target.
    graph.setEchoes(echoOptions(receiver.url));
    await graph.flushEchoes();
    expect(textsFor(receiver.items(), "42")).toEqual(["pending"]);

    graph.setEchoes(null);
    await send(graph, text("42", "after stop"));
    await graph.flushEchoes();

    graph.setEchoes(echoOptions(`http://127.0.0.1:${port}/webhooks/messenger`));
    await send(graph, text("42", "dropped at close"));
    await graph.close();
    await graph.flushEchoes();
    const late = await startReceiver({ port });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(late.posts).toEqual([]);
    expect(textsFor(receiver.items(), "42")).toEqual(["pending"]);
  });
});
