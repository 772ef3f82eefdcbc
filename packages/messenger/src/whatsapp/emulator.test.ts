import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import { GraphError } from "../send/graph-error";
import { verifySignature } from "../webhook/verify";
import { createWhatsAppClient } from "./client";
import { startWhatsAppEmulator } from "./emulator";
import { renderWhatsApp } from "./render";
import type { WhatsAppMessage } from "./schemas";
import { parseWhatsAppWebhook } from "./webhook";

const SECRET = "wa-app-secret";
const TOKEN = "wa-token";
const PHONE = "106540352242922";
const CUSTOMER = "16505551234";
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A webhook over real HTTP that checks Meta's signature and keeps what it was told. */
async function webhook() {
  const received: unknown[] = [];
  const app = new Hono();
  app.post("/webhooks/whatsapp", async (c) => {
    const raw = new Uint8Array(await c.req.arrayBuffer());
    if (!verifySignature(raw, c.req.header("x-hub-signature-256"), SECRET))
      return c.text("bad", 403);
    received.push(JSON.parse(Buffer.from(raw).toString("utf8")));
    return c.text("ok");
  });
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>(
    (resolve) => {
      const server = serve(
        { fetch: app.fetch, port: 0, hostname: "127.0.0.1" },
        (info: AddressInfo) => resolve({ server, port: info.port }),
      );
    },
  );
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${port}/webhooks/whatsapp`, received };
}

async function setup() {
  const hook = await webhook();
  const emulator = await startWhatsAppEmulator({
    phoneNumberId: PHONE,
    token: TOKEN,
    templates: [{ name: "order_update", language: "en_US", bodyParameters: 1 }],
    statuses: { webhookUrl: hook.url, appSecret: SECRET },
  });
  closers.push(emulator.close);
  const client = createWhatsAppClient({
    baseUrl: emulator.url,
    token: TOKEN,
    phoneNumberId: PHONE,
  });
  const statuses = async () => {
    await emulator.flushStatuses();
    return hook.received.flatMap((body) => {
      const parsed = parseWhatsAppWebhook(body, { phoneNumberId: PHONE });
      return parsed.ok ? parsed.events : [];
    });
  };
  return { emulator, client, statuses };
}

const text = (body: string): WhatsAppMessage => ({
  messaging_product: "whatsapp",
  recipient_type: "individual",
  to: CUSTOMER,
  type: "text",
  text: { body },
  biz_opaque_callback_data: "convo|o:1",
});

describe("WhatsApp emulator over HTTP", () => {
  it("answers a send with Meta's shape, then posts signed sent and delivered statuses", async () => {
    const { emulator, client, statuses } = await setup();
    emulator.customerWrote(CUSTOMER);
    const sent = await client.sendMessage(text("Hi"));
    expect(sent).toEqual({ messageId: expect.stringMatching(/^wamid\./), waId: CUSTOMER });
    expect(emulator.calls[0]?.response).toEqual({
      messaging_product: "whatsapp",
      contacts: [{ input: CUSTOMER, wa_id: CUSTOMER }],
      messages: [{ id: sent.messageId }],
    });
    expect(await statuses()).toEqual([
      expect.objectContaining({
        kind: "status",
        status: "sent",
        mid: sent.messageId,
        metadata: "convo|o:1",
      }),
      expect.objectContaining({ kind: "status", status: "delivered", mid: sent.messageId }),
    ]);
  });

  it("fails a message 24 hours after the customer wrote with 131047, and an unreachable number with 131026", async () => {
    const { emulator, client, statuses } = await setup();
    emulator.customerWrote(CUSTOMER, Date.now() - 25 * 3_600_000);
    await client.sendMessage(text("Still there?"));
    emulator.setUnreachable("33600000000");
    await client.sendMessage({ ...text("Hi"), to: "33600000000" });
    const failed = (await statuses()).map((e) =>
      e.kind === "status" ? e.errors?.[0]?.code : undefined,
    );
    expect(failed).toEqual([131047, 131026]);
  });

  it("takes an approved template outside the window; refuses an unknown one with 132001", async () => {
    const { emulator, client, statuses } = await setup();
    emulator.customerWrote(CUSTOMER, Date.now() - 25 * 3_600_000);
    const late = { lastUserMessageAt: Date.now() - 25 * 3_600_000, now: Date.now() };
    const rendered = renderWhatsApp({ kind: "text", text: "x" }, CUSTOMER, late, {
      template: { name: "order_update", language: "en_US", parameters: ["A-1"] },
    });
    if (!rendered.ok) throw new Error(rendered.message);
    await client.sendMessage(rendered.body.messages[0] as WhatsAppMessage);
    expect((await statuses()).map((e) => e.kind === "status" && e.status)).toEqual([
      "sent",
      "delivered",
    ]);
    const unknown = renderWhatsApp({ kind: "text", text: "x" }, CUSTOMER, late, {
      template: { name: "nope", language: "en_US" },
    });
    if (!unknown.ok) throw new Error(unknown.message);
    const error = await client
      .sendMessage(unknown.body.messages[0] as WhatsAppMessage)
      .catch((e) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ code: 132001, status: 404, category: "bad_request" });
  });

  it("answers faults on demand in Meta's shape: 130429 is a rate limit, a bad token 190", async () => {
    const { emulator, client } = await setup();
    emulator.failNext(1, 130429);
    const limited = await client.sendMessage(text("Hi")).catch((e) => e);
    expect(limited).toMatchObject({ code: 130429, category: "rate_limited" });
    expect(emulator.calls[0]?.response).toMatchObject({
      error: {
        code: 130429,
        error_data: {
          messaging_product: "whatsapp",
          details: "Cloud API message throughput has been reached.",
        },
      },
    });
    const wrong = createWhatsAppClient({
      baseUrl: emulator.url,
      token: "other",
      phoneNumberId: PHONE,
    });
    await expect(wrong.sendMessage(text("Hi"))).rejects.toMatchObject({
      code: 190,
      category: "bad_token",
    });
  });

  it("refuses a body the Cloud API would, naming the parameter", async () => {
    const { client, emulator } = await setup();
    const fourButtons = {
      ...text("x"),
      type: "interactive",
      text: undefined,
      interactive: {
        type: "button",
        body: { text: "x" },
        action: {
          buttons: [1, 2, 3, 4].map((n) => ({
            type: "reply",
            reply: { id: `${n}`, title: `${n}` },
          })),
        },
      },
    } as unknown as WhatsAppMessage;
    await expect(client.sendMessage(fourButtons)).rejects.toMatchObject({
      code: 100,
      category: "bad_request",
    });
    expect(emulator.calls[0]?.status).toBe(400);
  });
});
