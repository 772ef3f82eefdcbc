import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exampleText } from "@convo/flow/testing/examples";
import { type RunningGraphEmulator, startGraphEmulator } from "@convo/messenger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Json, startRuntime, type TestRuntime } from "./helpers";
import {
  APP_SECRET,
  echoItem,
  messageText,
  PAGE_ID,
  PAGE_TOKEN,
  postbackItem,
  postWebhook,
  quickReplyItem,
  referralItem,
  sentMessages,
  textItem,
  waitFor,
  webhookBody,
} from "./messenger";

const readExample = (name: string) => JSON.parse(exampleText(name));

let graph: RunningGraphEmulator;
let rt: TestRuntime;

beforeAll(async () => {
  graph = await startGraphEmulator({ appSecret: APP_SECRET, pageToken: PAGE_TOKEN });
  graph.profiles.set("alice", { first_name: "Alice", last_name: "Martin", locale: "en_US" });
  graph.profiles.set("chloe", { first_name: "Chloé", last_name: "Durand", locale: "fr_FR" });
  rt = await startRuntime({
    MESSENGER_APP_SECRET: APP_SECRET,
    MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
    GRAPH_API_URL: graph.url,
  });
});
afterAll(async () => {
  await rt?.stop();
  await graph?.close();
});

const messagesTo = (psid: string) => sentMessages(graph.calls, psid);
const waitForMessages = (psid: string, count: number) =>
  waitFor(() => {
    const found = messagesTo(psid);
    return found.length >= count ? found : undefined;
  }, `${count} message(s) to ${psid}`);

async function send(items: Record<string, unknown>[]) {
  const response = await postWebhook(rt.url, webhookBody(items));
  expect(response.status).toBe(200);
}

describe("end to end: signed webhook in, Send API call out", () => {
  it("answers a first text with the welcome menu, using the contact's profile", async () => {
    await send([textItem("alice", "hello")]);
    const [menu] = await waitForMessages("alice", 1);
    expect(messageText(menu as Json)).toContain("Hi Alice!");
    expect(menu?.quick_replies?.map((q) => q.title)).toContain("Track my order");
    // The typing pause of the welcome message went out before it.
    const typing = graph.calls.find(
      (c) =>
        (c.body as Json)?.recipient?.id === "alice" &&
        (c.body as Json)?.sender_action === "typing_on",
    );
    expect(typing).toBeDefined();

    const transcript = await rt.api("GET", "/api/contacts/alice/transcript");
    expect(transcript.json.messages[0]).toMatchObject({
      direction: "in",
      author: "contact",
      text: "hello",
    });
    await waitFor(async () => {
      const t = await rt.api("GET", "/api/contacts/alice/transcript");
      return t.json.messages.at(-1)?.status === "sent" ? true : undefined;
    }, "the reply marked sent");
    const contact = await rt.api("GET", "/api/contacts/alice");
    expect(contact.json).toMatchObject({ firstName: "Alice", locale: "en_US", paused: false });
  });

  it("follows a quick reply and a postback to where they were drawn", async () => {
    const [menu] = messagesTo("alice");
    const help = menu?.quick_replies?.find((q) => q.title === "Talk to us");
    expect(help).toBeDefined();
    await send([quickReplyItem("alice", help?.payload as string, "Talk to us")]);
    const afterHelp = await waitForMessages("alice", 2);
    expect(messageText(afterHelp[1] as Json)).toBe("How can we help?");

    const delivery = afterHelp[1]?.quick_replies?.find((q) => q.title === "Delivery times");
    await send([quickReplyItem("alice", delivery?.payload as string, "Delivery times")]);
    const afterDelivery = await waitForMessages("alice", 3);
    const buttons = afterDelivery[2]?.attachment?.payload.buttons ?? [];
    const thanks = buttons.find((b) => b.title === "Thanks!");
    expect(thanks?.payload).toBeDefined();

    await send([postbackItem("alice", thanks?.payload as string, "Thanks!")]);
    const afterThanks = await waitForMessages("alice", 4);
    expect(messageText(afterThanks[3] as Json)).toContain("Glad I could help");

    const stats = await rt.api("GET", "/api/flows/support/stats");
    expect(stats.json.nodes.glad.entered).toBe(1);
  });

  it("starts the flow an m.me referral names", async () => {
    // Lead capture answers keywords a newcomer's flow may want, so it is seeded paused.
    expect((await rt.api("POST", "/api/flows/lead-capture/resume")).status).toBe(200);
    await send([referralItem("bob", "summer_sale")]);
    const messages = await waitFor(() => {
      const found = messagesTo("bob");
      return found.some((m) => messageText(m as Json).includes("email")) ? found : undefined;
    }, "the lead capture question");
    expect(messages.map((m) => messageText(m as Json)).join("\n")).toContain("Summer sale");
  });

  it("answers a French contact in French (the profile's locale)", async () => {
    await send([textItem("chloe", "bonjour")]);
    const [menu] = await waitForMessages("chloe", 1);
    expect(messageText(menu as Json)).toContain("Bonjour Chloé");
  });

  it("answers a redelivered event once", async () => {
    const body = webhookBody([textItem("dave", "hi there", "m_redelivered_1")]);
    for (let i = 0; i < 3; i++) expect((await postWebhook(rt.url, body)).status).toBe(200);
    await waitForMessages("dave", 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(messagesTo("dave")).toHaveLength(1);
    const metrics = await (await fetch(`${rt.url}/metrics`)).text();
    expect(metrics).toMatch(/convo_events_duplicate_total [1-9]/);
  });

  it("answers two messages sent at once in the order they arrived", async () => {
    const ordering = {
      schemaVersion: 1,
      id: "ordering",
      name: "Ordering",
      variables: [],
      nodes: [
        {
          id: "t1",
          type: "trigger",
          position: { x: 0, y: 0 },
          data: { triggers: [{ kind: "keyword", match: "exact", keywords: ["first"] }] },
        },
        {
          id: "m1",
          type: "message",
          position: { x: 1, y: 0 },
          data: { content: [{ id: "a", kind: "text", text: "one" }] },
        },
        {
          id: "t2",
          type: "trigger",
          position: { x: 0, y: 1 },
          data: { triggers: [{ kind: "keyword", match: "exact", keywords: ["second"] }] },
        },
        {
          id: "m2",
          type: "message",
          position: { x: 1, y: 1 },
          data: { content: [{ id: "b", kind: "text", text: "two" }] },
        },
      ],
      edges: [
        { id: "e1", source: "t1", target: "m1" },
        { id: "e2", source: "t2", target: "m2" },
      ],
    };
    expect((await rt.api("POST", "/api/flows/import", ordering)).status).toBe(201);
    expect((await rt.api("POST", "/api/flows/ordering/publish", {})).status).toBe(201);

    // In one body (Meta batches): arrival order is the body's order.
    await send([textItem("erin", "first"), textItem("erin", "second")]);
    const batched = await waitForMessages("erin", 2);
    expect(batched.map((m) => m.text)).toEqual(["one", "two"]);

    // Two requests at once: whichever the runtime received first is answered first.
    await Promise.all([send([textItem("frank", "first")]), send([textItem("frank", "second")])]);
    const replies = await waitForMessages("frank", 2);
    const transcript = await rt.api("GET", "/api/contacts/frank/transcript");
    const incoming = transcript.json.messages
      .filter((m: Json) => m.direction === "in")
      .map((m: Json) => (m.text === "first" ? "one" : "two"));
    expect(replies.map((m) => m.text)).toEqual(incoming);
  });

  it("records standby events without answering them", async () => {
    const standby = JSON.stringify({
      object: "page",
      entry: [
        {
          id: PAGE_ID,
          time: Date.now(),
          standby: [
            {
              sender: { id: "lena" },
              recipient: { id: PAGE_ID },
              timestamp: Date.now(),
              message: { mid: "m_standby_1", text: "is anyone there?" },
            },
          ],
        },
      ],
    });
    expect((await postWebhook(rt.url, standby)).status).toBe(200);
    await waitFor(async () => {
      const t = await rt.api("GET", "/api/contacts/lena/transcript");
      return t.status === 200 && t.json.messages.length > 0 ? true : undefined;
    }, "the standby message recorded");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(messagesTo("lena")).toEqual([]);
  });

  it("wakes a delay with a timer and goes on", async () => {
    const delayed = {
      schemaVersion: 1,
      id: "delayed",
      name: "Delayed",
      variables: [],
      nodes: [
        {
          id: "t",
          type: "trigger",
          position: { x: 0, y: 0 },
          data: { triggers: [{ kind: "keyword", match: "exact", keywords: ["later"] }] },
        },
        {
          id: "a",
          type: "message",
          position: { x: 1, y: 0 },
          data: { content: [{ id: "x", kind: "text", text: "One moment" }] },
        },
        { id: "d", type: "delay", position: { x: 2, y: 0 }, data: { amount: 1, unit: "seconds" } },
        {
          id: "b",
          type: "message",
          position: { x: 3, y: 0 },
          data: { content: [{ id: "y", kind: "text", text: "Done waiting" }] },
        },
      ],
      edges: [
        { id: "e1", source: "t", target: "a" },
        { id: "e2", source: "a", target: "d" },
        { id: "e3", source: "d", target: "b" },
      ],
    };
    expect((await rt.api("POST", "/api/flows/import", delayed)).status).toBe(201);
    expect((await rt.api("POST", "/api/flows/delayed/publish", {})).status).toBe(201);
    await send([textItem("kim", "later")]);
    const messages = await waitForMessages("kim", 2);
    expect(messages.map((m) => m.text)).toEqual(["One moment", "Done waiting"]);
  });

  it("wakes two delays in a row: the second timer is not taken for the first one again", async () => {
    const node = (id: string, x: number, text: string) => ({
      id,
      type: "message",
      position: { x, y: 0 },
      data: { content: [{ id: `${id}-text`, kind: "text", text }] },
    });
    const delay = (id: string, x: number) => ({
      id,
      type: "delay",
      position: { x, y: 0 },
      data: { amount: 1, unit: "seconds" },
    });
    const twice = {
      schemaVersion: 1,
      id: "twice-delayed",
      name: "Twice delayed",
      variables: [],
      nodes: [
        {
          id: "t",
          type: "trigger",
          position: { x: 0, y: 0 },
          data: { triggers: [{ kind: "keyword", match: "exact", keywords: ["twice"] }] },
        },
        node("a", 1, "First"),
        delay("d1", 2),
        node("b", 3, "Second"),
        delay("d2", 4),
        node("c", 5, "Third"),
      ],
      edges: [
        { id: "e1", source: "t", target: "a" },
        { id: "e2", source: "a", target: "d1" },
        { id: "e3", source: "d1", target: "b" },
        { id: "e4", source: "b", target: "d2" },
        { id: "e5", source: "d2", target: "c" },
      ],
    };
    expect((await rt.api("POST", "/api/flows/import", twice)).status).toBe(201);
    expect((await rt.api("POST", "/api/flows/twice-delayed/publish", {})).status).toBe(201);
    await send([textItem("noor", "twice")]);
    const messages = await waitForMessages("noor", 3);
    expect(messages.map((m) => m.text)).toEqual(["First", "Second", "Third"]);
  });

  it("keeps quiet once a person answered in the Page Inbox, until resumed", async () => {
    await send([textItem("gina", "hello")]);
    await waitForMessages("gina", 1);
    await send([echoItem("gina", "Hi Gina, Paul from the shop here!")]);
    await waitFor(
      async () => ((await rt.api("GET", "/api/contacts/gina")).json.paused ? true : undefined),
      "the pause",
    );
    await send([textItem("gina", "thanks Paul")]);
    await waitFor(async () => {
      const t = await rt.api("GET", "/api/contacts/gina/transcript");
      return t.json.messages.some((m: Json) => m.text === "thanks Paul") ? true : undefined;
    }, "the message recorded");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(messagesTo("gina")).toHaveLength(1);
    const transcript = (await rt.api("GET", "/api/contacts/gina/transcript")).json.messages;
    expect(transcript.some((m: Json) => m.author === "agent" && m.text?.includes("Paul"))).toBe(
      true,
    );

    const resumed = await rt.api("POST", "/api/contacts/gina/resume");
    expect(resumed.json.paused).toBe(false);
    await send([textItem("gina", "hello again")]);
    await waitForMessages("gina", 2);
  });

  it("sends an agent's message and pauses on request", async () => {
    const paused = await rt.api("POST", "/api/contacts/alice/pause", { minutes: 30 });
    expect(paused.json).toMatchObject({ paused: true, pausedUntil: expect.any(String) });
    const listed = await rt.api("GET", "/api/contacts?paused=true");
    expect(listed.json.contacts.map((c: Json) => c.id)).toContain("alice");
    const sent = await rt.api("POST", "/api/contacts/alice/messages", {
      text: "Hello from a person",
    });
    expect(sent.status).toBe(202);
    const all = await waitFor(() => {
      const found = messagesTo("alice");
      return found.some((m) => m.text === "Hello from a person") ? found : undefined;
    }, "the agent's message");
    expect(all.at(-1)?.text).toBe("Hello from a person");
    const transcript = (await rt.api("GET", "/api/contacts/alice/transcript")).json.messages;
    expect(transcript.at(-1)).toMatchObject({ author: "agent", text: "Hello from a person" });
  });

  it("exports a contact's data and erases everything about them", async () => {
    const exported = await rt.api("GET", "/api/contacts/dave/export");
    expect(exported.status).toBe(200);
    expect(exported.json.contact.psid).toBe("dave");
    expect(exported.json.transcript.length).toBeGreaterThan(0);
    expect((await rt.api("DELETE", "/api/contacts/dave")).status).toBe(204);
    expect((await rt.api("GET", "/api/contacts/dave")).status).toBe(404);
    expect((await rt.api("GET", "/api/contacts/dave/export")).status).toBe(404);
    const contacts = await rt.api("GET", "/api/contacts?search=dave");
    expect(contacts.json.contacts).toEqual([]);
  });
});

describe("end to end: order tracking (input → HTTP → condition)", () => {
  let shop: Server;
  let shopUrl: string;
  const seen: { url: string; auth: string | undefined; key: string | undefined }[] = [];

  beforeAll(async () => {
    shop = createServer((req, res) => {
      const key = req.headers["idempotency-key"];
      seen.push({ url: req.url ?? "", auth: req.headers.authorization, key: String(key) });
      const number = (req.url ?? "").split("/").pop();
      res.setHeader("content-type", "application/json");
      if (number === "A12345")
        res.end(JSON.stringify({ status: "shipped", delivery: { eta: "Friday" } }));
      else if (number === "B22222") res.end(JSON.stringify({ status: "delivered" }));
      else {
        res.statusCode = 404;
        res.end(JSON.stringify({ error: "not found" }));
      }
    });
    await new Promise<void>((resolve) => shop.listen(0, "127.0.0.1", resolve));
    shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
    process.env.CONVO_SECRET_SHOP_API_KEY = "shop-key-123";
    const flow = readExample("order-tracking");
    const lookup = flow.nodes.find((n: Json) => n.id === "lookup");
    lookup.data.steps[0].url = `${shopUrl}/api/orders/{{order_number}}`;
    for (const target of [rt]) {
      expect((await target.api("POST", "/api/flows/import?overwrite=1", flow)).status).toBe(201);
      expect((await target.api("POST", "/api/flows/order-tracking/publish", {})).status).toBe(201);
    }
  });
  afterAll(async () => {
    delete process.env.CONVO_SECRET_SHOP_API_KEY;
    await new Promise((resolve) => shop.close(resolve));
  });

  it("refuses a private address when CONVO_ALLOW_PRIVATE_HTTP is not set", async () => {
    await send([textItem("henry", "where is my order?")]);
    await waitForMessages("henry", 1);
    await send([textItem("henry", "A12345")]);
    const messages = await waitForMessages("henry", 2);
    expect(messageText(messages[1] as Json)).toContain("not answering");
    expect(seen).toEqual([]);
  });

  it("asks, calls the shop's API with the secret filled in, and branches on the answer", async () => {
    const open = await startRuntime({
      MESSENGER_APP_SECRET: APP_SECRET,
      MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
      GRAPH_API_URL: graph.url,
      CONVO_ALLOW_PRIVATE_HTTP: "1",
      // Read from the runtime's configuration (its environment), not from the test's process.
      CONVO_SECRET_SHOP_API_KEY: "shop-key-123",
    });
    try {
      const flow = readExample("order-tracking");
      flow.nodes.find((n: Json) => n.id === "lookup").data.steps[0].url =
        `${shopUrl}/api/orders/{{order_number}}`;
      expect((await open.api("POST", "/api/flows/import?overwrite=1", flow)).status).toBe(201);
      expect((await open.api("POST", "/api/flows/order-tracking/publish", {})).status).toBe(201);

      const body = (items: Record<string, unknown>[]) => postWebhook(open.url, webhookBody(items));
      await body([textItem("iris", "I want to track my parcel")]);
      const [question] = await waitForMessages("iris", 1);
      expect(messageText(question as Json)).toContain("What's your order number?");
      await body([textItem("iris", "A12345")]);
      const [, shipped] = await waitForMessages("iris", 2);
      expect(messageText(shipped as Json)).toBe(
        "Order A12345 is on its way 🚚 Expected on Friday.",
      );
      // The shop can tell a repeat of this step (after a crash) from a new lookup.
      expect(seen).toEqual([
        {
          url: "/api/orders/A12345",
          auth: "Bearer shop-key-123",
          key: expect.stringMatching(/^convo-outbox-\d+$/),
        },
      ]);

      const simulated = await open.api("POST", "/api/simulator/http", {
        method: "GET",
        url: `${shopUrl}/api/orders/B22222`,
        headers: [],
        timeoutMs: 2000,
      });
      expect(simulated.json).toMatchObject({
        ok: true,
        status: 200,
        body: { status: "delivered" },
      });
    } finally {
      await open.stop();
    }
  });
});

describe("bad input", () => {
  const contactsNamed = async (psid: string) =>
    (await rt.api("GET", `/api/contacts?search=${psid}`)).json.contacts;

  it("refuses a wrong or missing signature with 403 and stores nothing", async () => {
    const body = webhookBody([textItem("mallory", "hi")]);
    expect((await postWebhook(rt.url, body, "not-the-secret")).status).toBe(403);
    expect((await postWebhook(rt.url, body, null)).status).toBe(403);
    const tampered = await fetch(`${rt.url}/webhooks/messenger`, {
      method: "POST",
      headers: {
        "x-hub-signature-256": (await import("@convo/messenger")).signBody(body, APP_SECRET),
      },
      body: body.replace("hi", "ho"),
    });
    expect(tampered.status).toBe(403);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await contactsNamed("mallory")).toEqual([]);
  });

  it("answers malformed JSON with 400 and an oversized body with 413", async () => {
    const malformed = await postWebhook(rt.url, '{"object":"page","entry":[');
    expect(malformed.status).toBe(400);
    expect((await malformed.json()) as Json).toMatchObject({ error: { code: "invalid_json" } });
    const notWebhook = await postWebhook(rt.url, JSON.stringify({ hello: "world" }));
    expect(notWebhook.status).toBe(400);
    const huge = webhookBody([textItem("oscar", "x".repeat(1024 * 1024 + 10))]);
    const tooBig = await postWebhook(rt.url, huge);
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as Json).error.code).toBe("too_large");
  });

  it("answers 413 to an oversized body sent without a length (chunked), and stores nothing", async () => {
    const { request } = await import("node:http");
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${rt.url}/webhooks/messenger`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-hub-signature-256": "sha256=00" },
      });
      req.on("response", (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => {
          body += chunk.toString();
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
      // No content-length: Node sends it chunked, 64 KB at a time, past the 1 MB cap.
      const chunk = "x".repeat(64 * 1024);
      for (let i = 0; i < 20; i++) req.write(chunk);
      req.end();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "too_large" } });
  });

  it("keeps events of unknown kinds and answers 200", async () => {
    const before = await (await fetch(`${rt.url}/metrics`)).text();
    const received = (text: string) => Number(/convo_events_received_total (\d+)/.exec(text)?.[1]);
    const body = webhookBody([
      {
        sender: { id: "peggy" },
        recipient: { id: "1" },
        timestamp: Date.now(),
        brand_new_thing: { x: 1 },
      },
    ]);
    expect((await postWebhook(rt.url, body)).status).toBe(200);
    const after = await (await fetch(`${rt.url}/metrics`)).text();
    expect(received(after)).toBe(received(before) + 1);
  });

  it("answers the GET handshake only with the verify token", async () => {
    const verifyToken = rt.runtime.deps.verifyToken;
    const ok = await fetch(
      `${rt.url}/webhooks/messenger?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=12345`,
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("12345");
    const bad = await fetch(
      `${rt.url}/webhooks/messenger?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`,
    );
    expect(bad.status).toBe(403);
  });
});
