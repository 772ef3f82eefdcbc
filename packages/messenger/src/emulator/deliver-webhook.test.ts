import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, fixtureBytes } from "../webhook/fixtures";
import { parseWebhook } from "../webhook/parse";
import type { InboundEvent } from "../webhook/types";
import { verifySignature } from "../webhook/verify";
import { deliverWebhook } from "./deliver-webhook";

const SECRET = "webhook-secret";
const received: InboundEvent[] = [];
let url = "";
let close: () => void = () => {};

// A minimal webhook receiver over real HTTP: what the runtime does on its request path.
beforeAll(async () => {
  const app = new Hono();
  app.post("/webhooks/messenger", async (c) => {
    const raw = new Uint8Array(await c.req.arrayBuffer());
    if (!verifySignature(raw, c.req.header("x-hub-signature-256"), SECRET)) {
      return c.json({ error: { code: "bad_signature", message: "bad signature" } }, 403);
    }
    const parsed = parseWebhook(JSON.parse(new TextDecoder().decode(raw)));
    if (!parsed.ok) return c.json({ error: { code: "bad_body", message: parsed.error } }, 400);
    received.push(...parsed.events);
    return c.text("EVENT_RECEIVED");
  });
  await new Promise<void>((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
      url = `http://127.0.0.1:${info.port}/webhooks/messenger`;
      close = () => server.close();
      resolve();
    });
  });
});
afterAll(() => close());

describe("deliverWebhook", () => {
  it("delivers signed bodies, non-ASCII text included, that a receiver verifies and parses", async () => {
    const answer = await deliverWebhook({ url, body: fixtureBytes("text"), appSecret: SECRET });
    expect(answer.status).toBe(200);
    const again = await deliverWebhook({ url, body: fixture("batched"), appSecret: SECRET });
    expect(again.status).toBe(200);
    expect(received.map((e) => e.kind)).toEqual([
      "text",
      "text",
      "read",
      "text",
      "postback",
      "unknown",
    ]);
    expect(received[0]).toMatchObject({ text: "Bonjour ! Où est ma commande n° 4512 ? 📦" });
  });

  it("is refused with another secret or a forged signature", async () => {
    const before = received.length;
    expect((await deliverWebhook({ url, body: fixture("text"), appSecret: "wrong" })).status).toBe(
      403,
    );
    expect(
      (
        await deliverWebhook({
          url,
          body: fixture("text"),
          appSecret: SECRET,
          signature: "sha256=00",
        })
      ).status,
    ).toBe(403);
    expect(received.length).toBe(before);
  });
});
