import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type RunningGraphEmulator, startGraphEmulator } from "@convo/messenger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyWebhook } from "../src/pipeline/webhook-signature";
import { type Json, startRuntime, type TestRuntime } from "./helpers";
import { APP_SECRET, PAGE_TOKEN, postWebhook, textItem, waitFor, webhookBody } from "./messenger";

/**
 * Every kind of event out, end to end over real HTTP: a flow tags a contact, sets a field, hands
 * over (ended by "resume" and by resolving the conversation), reaches its end, and a send Meta
 * refuses; a receiver subscribed to those six types gets each once, signed.
 */
const SUBSCRIBED = [
  "contact.tagged",
  "contact.field_set",
  "handover.requested",
  "handover.ended",
  "conversation.completed",
  "message.failed",
] as const;

let graph: RunningGraphEmulator;
let rt: TestRuntime;
let receiver: Server;
let secret = "";
/** Every delivery the receiver took, in order, with its signature checked. */
const received: { id: string; type: string; data: Json; signed: boolean }[] = [];

const trigger = (id: string, keyword: string, y: number) => ({
  id,
  type: "trigger",
  position: { x: 0, y },
  data: { triggers: [{ kind: "keyword", match: "exact", keywords: [keyword] }] },
});
const message = (id: string, y: number, text: string) => ({
  id,
  type: "message",
  position: { x: 600, y },
  data: { content: [{ id: `${id}-text`, kind: "text", text }] },
});

/** "vip": tag and field, then the end. "agent": hand over, then the end. "news": one message. */
const flow = {
  schemaVersion: 1,
  id: "out",
  name: "Out",
  variables: [],
  nodes: [
    trigger("t1", "vip", 0),
    {
      id: "act",
      type: "action",
      position: { x: 300, y: 0 },
      data: {
        steps: [
          { kind: "add_tag", tag: "vip" },
          { kind: "set_field", field: "plan", value: "gold" },
        ],
      },
    },
    message("done", 0, "You are a VIP."),
    trigger("t2", "agent", 200),
    {
      id: "h",
      type: "handover",
      position: { x: 300, y: 200 },
      data: { message: "A person will answer you.", reason: "asked" },
    },
    message("back", 200, "The bot is back."),
    trigger("t3", "news", 400),
    message("news", 400, "Some news."),
  ],
  edges: [
    { id: "e1", source: "t1", target: "act" },
    { id: "e2", source: "act", target: "done" },
    { id: "e3", source: "t2", target: "h" },
    { id: "e4", source: "h", target: "back" },
    { id: "e5", source: "t3", target: "news" },
  ],
};

beforeAll(async () => {
  graph = await startGraphEmulator({ appSecret: APP_SECRET, pageToken: PAGE_TOKEN });
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const header = req.headers["x-convo-signature"] as string | undefined;
      const signed = verifyWebhook(secret, body, header, Math.floor(Date.now() / 1000));
      received.push({ ...(JSON.parse(body) as { id: string; type: string; data: Json }), signed });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  rt = await startRuntime({
    MESSENGER_APP_SECRET: APP_SECRET,
    MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
    GRAPH_API_URL: graph.url,
    CONVO_ALLOW_PRIVATE_HTTP: "1",
  });
  const imported = await rt.api("POST", "/api/flows/import", flow);
  expect(imported.status, JSON.stringify(imported.json)).toBe(201);
  expect((await rt.api("POST", "/api/flows/out/publish", {})).status).toBe(201);
  const created = await rt.api("POST", "/api/webhooks/endpoints", {
    url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/convo`,
    events: SUBSCRIBED,
  });
  expect(created.status).toBe(201);
  secret = created.json.secret;
});
afterAll(async () => {
  await rt?.stop();
  await graph?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

const say = (psid: string, text: string) =>
  postWebhook(rt.url, webhookBody([textItem(psid, text)]));
/** The events the receiver got for one contact, by type. */
const receivedFor = (psid: string) => received.filter((e) => e.data.contactId === psid);
const waitForEvent = (psid: string, type: string) =>
  waitFor(() => receivedFor(psid).find((e) => e.type === type), `${type} for ${psid}`, 15_000);
const sentTo = (psid: string) =>
  graph.calls.filter(
    (c) =>
      c.path.endsWith("/me/messages") &&
      c.status === 200 &&
      (c.body as Json).recipient?.id === psid &&
      (c.body as Json).message,
  );
const conversationOf = async (psid: string) => {
  const { json } = await rt.api("GET", "/api/conversations");
  return (json.conversations as Json[]).find((c) => c.contact.id === psid);
};

describe("events out: every type reaches a subscribed receiver once, signed", () => {
  it("tells the brand of tags, fields, hand-overs and their end, completed flows and failed sends", async () => {
    // A tag and a field, then the flow's end.
    await say("ty-vip", "vip");
    await waitForEvent("ty-vip", "conversation.completed");
    // A hand-over ended by "resume", and one ended by resolving its conversation.
    await say("ty-resume", "agent");
    await say("ty-resolve", "agent");
    await waitForEvent("ty-resume", "handover.requested");
    await waitForEvent("ty-resolve", "handover.requested");
    expect((await rt.api("POST", "/api/contacts/ty-resume/resume")).status).toBe(200);
    const conversation = await waitFor(() => conversationOf("ty-resolve"), "the conversation");
    expect((await rt.api("POST", `/api/conversations/${conversation.id}/resolve`)).status).toBe(
      200,
    );
    await waitForEvent("ty-resume", "handover.ended");
    await waitForEvent("ty-resolve", "handover.ended");
    // A send Meta refuses for good (the person cannot be reached); the profile is fetched first.
    await say("ty-fail", "news");
    await waitFor(() => (sentTo("ty-fail").length > 0 ? true : undefined), "the first news");
    graph.failNext(1, 551);
    await say("ty-fail", "news");
    const failed = await waitForEvent("ty-fail", "message.failed");
    expect(failed.data).toMatchObject({ code: "551/1545041" });

    // The queue drains, then nothing more arrives: each event once, only the subscribed types.
    await waitFor(async () => {
      const { json } = await rt.api("GET", "/api/webhooks/deliveries?limit=500");
      const rows = json.deliveries as Json[];
      return rows.length > 0 && rows.every((d) => d.status === "delivered") ? true : undefined;
    }, "every delivery delivered");
    expect(received.every((e) => e.signed)).toBe(true);
    expect(new Set(received.map((e) => e.id)).size).toBe(received.length);
    expect(new Set(received.map((e) => e.type))).toEqual(new Set(SUBSCRIBED));
    const types = (psid: string) => receivedFor(psid).map((e) => e.type);
    expect(types("ty-vip").sort()).toEqual(
      ["contact.field_set", "contact.tagged", "conversation.completed"].sort(),
    );
    expect(receivedFor("ty-vip").find((e) => e.type === "contact.tagged")?.data.tag).toBe("vip");
    expect(receivedFor("ty-vip").find((e) => e.type === "contact.field_set")?.data).toMatchObject({
      field: "plan",
      value: "gold",
    });
    for (const psid of ["ty-resume", "ty-resolve"]) {
      expect(
        types(psid).filter((t) => t === "handover.requested"),
        psid,
      ).toHaveLength(1);
      expect(
        types(psid).filter((t) => t === "handover.ended"),
        psid,
      ).toHaveLength(1);
    }
    expect(types("ty-fail").filter((t) => t === "message.failed")).toHaveLength(1);
  });
});
