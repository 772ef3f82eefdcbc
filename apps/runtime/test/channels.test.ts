import { EMULATOR_APP_ID, whatsappWebhookBody } from "@convo/messenger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Json, startRuntime, type TestRuntime } from "./helpers";
import { APP_SECRET, PAGE_ID, PAGE_TOKEN, postWebhook, sentMessages, waitFor } from "./messenger";
import {
  IG_ACCOUNT,
  IG_TOKEN,
  postWhatsApp,
  startMeta,
  WA_PHONE_ID,
  WA_SECRET,
  WA_TOKEN,
  waButtonReply,
  waListReply,
  waSent,
  waText,
} from "./meta";

let meta: Awaited<ReturnType<typeof startMeta>>;
let rt: TestRuntime;

beforeAll(async () => {
  meta = await startMeta([{ name: "order_update", language: "en_US", bodyParameters: 0 }]);
  rt = await startRuntime({
    MESSENGER_APP_SECRET: APP_SECRET,
    MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
    GRAPH_API_URL: meta.url,
    INSTAGRAM_ACCOUNT_ID: IG_ACCOUNT,
    INSTAGRAM_TOKEN: IG_TOKEN,
    WHATSAPP_PHONE_NUMBER_ID: WA_PHONE_ID,
    WHATSAPP_TOKEN: WA_TOKEN,
    WHATSAPP_APP_SECRET: WA_SECRET,
    MESSENGER_VERIFY_TOKEN: "test-verify-token",
  });
  meta.whatsapp.setStatusWebhook({
    webhookUrl: `${rt.url}/webhooks/whatsapp`,
    appSecret: WA_SECRET,
  });
});
afterAll(async () => {
  await rt?.stop();
  await meta?.close();
});

/** An Instagram text as Meta posts it to the Messenger webhook: `object: "instagram"`. */
const igBody = (igsid: string, text: string, account = IG_ACCOUNT) =>
  JSON.stringify({
    object: "instagram",
    entry: [
      {
        id: account,
        time: Date.now(),
        messaging: [
          {
            sender: { id: igsid },
            recipient: { id: account },
            timestamp: Date.now(),
            message: { mid: `ig_mid_${igsid}_${text}`, text },
          },
        ],
      },
    ],
  });

const waitForWa = (waId: string, count: number) =>
  waitFor(() => {
    const sent = waSent(meta.whatsapp, waId);
    return sent.length >= count ? sent : undefined;
  }, `${count} WhatsApp message(s) to ${waId}`);

describe("WhatsApp end to end: signed webhook in, Cloud API call out", () => {
  it("answers a text with the welcome menu as reply buttons, the customer named by the webhook", async () => {
    meta.whatsapp.customerWrote("33611111111");
    const response = await postWhatsApp(rt.url, [waText("33611111111", "hello")], {
      name: "Kerry Fisher",
    });
    expect(response.status).toBe(200);
    const [menu] = await waitForWa("33611111111", 1);
    expect(menu).toMatchObject({
      messaging_product: "whatsapp",
      to: "33611111111",
      type: "interactive",
      interactive: {
        type: "button",
        body: { text: expect.stringContaining("Hi Kerry!") },
        action: {
          buttons: [
            { type: "reply", reply: { title: "Track my order" } },
            { type: "reply", reply: { title: "Get 10% off" } },
            { type: "reply", reply: { title: "Talk to us" } },
          ],
        },
      },
    });
    const contact = await rt.api("GET", "/api/contacts/wa:33611111111");
    expect(contact.json).toMatchObject({ firstName: "Kerry", lastName: "Fisher" });
  });

  it("follows a tapped reply button to where it was drawn", async () => {
    meta.whatsapp.customerWrote("33622222222");
    await postWhatsApp(rt.url, [waText("33622222222", "hi")]);
    const [menu] = await waitForWa("33622222222", 1);
    const track = (
      menu as unknown as { interactive: { action: { buttons: { reply: { id: string } }[] } } }
    ).interactive.action.buttons[0]?.reply.id as string;
    await postWhatsApp(rt.url, [waButtonReply("33622222222", track, "Track my order")]);
    const sent = await waitForWa("33622222222", 2);
    // The order-tracking flow answers, not the menu again.
    expect(sent[1]).not.toEqual(sent[0]);
    expect(JSON.stringify(sent[1])).toMatch(/order/i);
  });

  it("answers a wamid delivered three times once", async () => {
    meta.whatsapp.customerWrote("33633333333");
    const item = waText("33633333333", "hello");
    for (let i = 0; i < 3; i++) expect((await postWhatsApp(rt.url, [item])).status).toBe(200);
    await waitForWa("33633333333", 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(waSent(meta.whatsapp, "33633333333")).toHaveLength(1);
  });

  it("marks a message failed when WhatsApp reports it undeliverable (131026)", async () => {
    meta.whatsapp.customerWrote("33644444444");
    meta.whatsapp.setUnreachable("33644444444");
    await postWhatsApp(rt.url, [waText("33644444444", "hello")]);
    await waitForWa("33644444444", 1);
    await meta.whatsapp.flushStatuses();
    const line = await waitFor(async () => {
      const t = await rt.api("GET", "/api/contacts/wa:33644444444/transcript");
      const last = t.json.messages.at(-1);
      return last?.status === "failed" ? last : undefined;
    }, "the reply marked failed");
    expect(line).toMatchObject({ direction: "out", status: "failed" });
  });
});

/** Five sizes to pick from: more than WhatsApp's 3 reply buttons hold, so a list message. */
const SIZES = ["Extra small", "Small", "Medium", "Large", "Extra large (add €5)"];

const sizePicker = (created: { flow: object }) => ({
  ...created.flow,
  channels: ["whatsapp"],
  nodes: [
    {
      id: "start",
      type: "trigger",
      position: { x: 0, y: 0 },
      data: { triggers: [{ kind: "keyword", match: "exact", keywords: ["sizes"] }] },
    },
    {
      id: "pick",
      type: "message",
      position: { x: 300, y: 0 },
      data: {
        content: [{ id: "ask", kind: "text", text: "Which size would you like?" }],
        quickReplies: SIZES.map((title, i) => ({ id: `size${i}`, title })),
      },
    },
    ...SIZES.map((title, i) => ({
      id: `chose${i}`,
      type: "message",
      position: { x: 600, y: i * 100 },
      data: { content: [{ id: `said${i}`, kind: "text", text: `${title} it is.` }] },
    })),
  ],
  edges: [
    { id: "e-start", source: "start", target: "pick" },
    ...SIZES.map((_, i) => ({
      id: `e${i}`,
      source: "pick",
      sourceHandle: `size${i}`,
      target: `chose${i}`,
    })),
  ],
});

interface ListMessage {
  type: string;
  interactive: {
    type: string;
    body: { text: string };
    action: { button: string; sections: { rows: { id: string; title: string }[] }[] };
  };
}

describe("WhatsApp list message: 4 to 10 choices, picked with list_reply", () => {
  it("sends the choices as list rows and follows the row picked", async () => {
    const created = await rt.api("POST", "/api/flows", { name: "Size picker", id: "size-picker" });
    const flow = sizePicker(created.json);
    expect((await rt.api("PUT", "/api/flows/size-picker", { flow, revision: 1 })).status).toBe(200);
    expect((await rt.api("POST", "/api/flows/size-picker/publish", {})).status).toBe(201);

    const customer = "33677777777";
    meta.whatsapp.customerWrote(customer);
    await postWhatsApp(rt.url, [waText(customer, "sizes")]);
    const [sent] = await waitForWa(customer, 1);
    const list = sent as unknown as ListMessage;
    // Meta's shape: the list's button text ≤ 20 characters, rows with an id and a title ≤ 24.
    expect(list).toMatchObject({
      type: "interactive",
      interactive: { type: "list", body: { text: "Which size would you like?" } },
    });
    expect(list.interactive.action.button.length).toBeGreaterThan(0);
    expect(list.interactive.action.button.length).toBeLessThanOrEqual(20);
    const rows = list.interactive.action.sections.flatMap((section) => section.rows);
    expect(rows.map((row) => row.title)).toEqual(SIZES);
    for (const row of rows) {
      expect(row.title.length).toBeLessThanOrEqual(24);
      expect(row.id).toMatch(/\S/);
    }
    expect(new Set(rows.map((row) => row.id)).size).toBe(SIZES.length);

    const large = rows[3] as { id: string; title: string };
    await postWhatsApp(rt.url, [waListReply(customer, large.id, large.title)]);
    const [, answer] = await waitForWa(customer, 2);
    expect(answer).toMatchObject({ type: "text", text: { body: "Large it is." } });
  });
});

/** A channel's webhook as the bad-input tests post to it. */
interface Webhook {
  channel: "whatsapp" | "instagram";
  /** The body's `object`. */
  object: string;
  /** Someone new on the channel, and their id in the management API. */
  customer: string;
  apiId: string;
  /** A customer's text, as Meta's body for the channel carries it. */
  text(from: string, text: string): string;
  /** POSTs raw bytes to the channel's webhook, signed with `secret` (the channel's by default). */
  post(body: string, secret?: string): Promise<Response>;
  /** An `object` the channel's webhook does not take. */
  foreign: string;
}

const WEBHOOKS: Webhook[] = [
  {
    channel: "whatsapp",
    object: "whatsapp_business_account",
    customer: "33655555555",
    apiId: "wa:33655555555",
    text: (from, text) =>
      JSON.stringify(
        whatsappWebhookBody(WA_PHONE_ID, "15550001234", {
          contacts: [{ profile: { name: "Mallory" }, wa_id: from }],
          messages: [waText(from, text)],
        }),
      ),
    post: (body, secret) =>
      postWhatsApp(rt.url, [], { raw: body, ...(secret === undefined ? {} : { secret }) }),
    foreign: "page",
  },
  {
    channel: "instagram",
    object: "instagram",
    customer: "9009",
    apiId: "ig:9009",
    text: (from, text) => igBody(from, text),
    post: (body, secret) => postWebhook(rt.url, body, secret ?? APP_SECRET),
    foreign: "whatsapp_business_account",
  },
];

describe.each(WEBHOOKS)("$channel webhook: bad input", (webhook) => {
  it("refuses a wrong signature with 403 and stores nothing; signed right, the same body is taken", async () => {
    const body = webhook.text(webhook.customer, "hi");
    const response = await webhook.post(body, "wrong");
    expect(response.status).toBe(403);
    expect(((await response.json()) as Json).error.code).toBe("bad_signature");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await rt.api("GET", `/api/contacts/${webhook.apiId}`)).status).toBe(404);
    // The 404 means something: with the channel's secret, the same bytes make the contact.
    expect((await webhook.post(body)).status).toBe(200);
    await waitFor(
      async () =>
        (await rt.api("GET", `/api/contacts/${webhook.apiId}`)).status === 200 ? true : undefined,
      `the contact ${webhook.apiId}`,
    );
  });

  it("answers malformed JSON 400 and a body of another object 400", async () => {
    const malformed = await webhook.post(`{"object":"${webhook.object}","entry":[`);
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as Json).error.code).toBe("invalid_json");
    const foreign = await webhook.post(JSON.stringify({ object: webhook.foreign, entry: [] }));
    expect(foreign.status).toBe(400);
    expect(((await foreign.json()) as Json).error.code).toBe("invalid_webhook");
  });

  it("answers an oversized body 413", async () => {
    const big = webhook.text(`${webhook.customer}1`, "x".repeat(1024 * 1024));
    const response = await webhook.post(big);
    expect(response.status).toBe(413);
    expect(((await response.json()) as Json).error.code).toBe("too_large");
  });
});

describe("WhatsApp webhook: bad input of its own", () => {
  it("refuses the Messenger app's signature when WhatsApp has its own secret", async () => {
    const response = await postWhatsApp(rt.url, [waText("33655555555", "hi")], {
      secret: APP_SECRET,
    });
    expect(response.status).toBe(403);
  });

  it("keeps a body for another phone number (200) and answers nobody", async () => {
    const response = await postWhatsApp(rt.url, [waText("33666666666", "hello")], {
      phoneNumberId: "999999",
    });
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(waSent(meta.whatsapp, "33666666666")).toEqual([]);
  });

  it("answers Meta's handshake with the verify token only (Messenger's, when WhatsApp has none)", async () => {
    const hub = (token: string) =>
      fetch(
        `${rt.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=42`,
      );
    expect((await hub("nope")).status).toBe(403);
    const good = await hub("test-verify-token");
    expect(good.status).toBe(200);
    expect(await good.text()).toBe("42");
  });
});

describe("Instagram end to end: object instagram on the Messenger webhook", () => {
  const igReplies = (igsid: string) =>
    waitFor(() => {
      const sent = sentMessages(meta.instagram.calls, igsid);
      return sent.length > 0 ? sent : undefined;
    }, `an Instagram reply to ${igsid}`);

  it("answers through the Send API with Instagram's shapes, the contact keyed ig:", async () => {
    expect((await postWebhook(rt.url, igBody("9001", "hello"))).status).toBe(200);
    const [menu] = await igReplies("9001");
    expect(menu?.quick_replies?.map((q: { title: string }) => q.title)).toEqual([
      "Track my order",
      "Get 10% off",
      "Talk to us",
    ]);
    expect((await rt.api("GET", "/api/contacts/ig:9001")).status).toBe(200);
    // The Messenger contact of the same number is another person.
    expect((await rt.api("GET", "/api/contacts/9001")).status).toBe(404);
  });

  it("keeps an entry for another Instagram account, unanswered", async () => {
    expect((await postWebhook(rt.url, igBody("9002", "hello", "17841499999999999"))).status).toBe(
      200,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sentMessages(meta.instagram.calls, "9002")).toEqual([]);
  });

  it("greets the person by the name Instagram's profile gives, and keeps their username", async () => {
    meta.instagram.profiles.set("9004", {
      name: "Ana Lima Souza",
      username: "ana.lima",
      profile_pic: "https://cdn.example.com/ana.jpg",
    });
    await postWebhook(rt.url, igBody("9004", "hello"));
    const [menu] = await igReplies("9004");
    expect(menu?.text).toMatch(/^Hi Ana! /);
    const asked = meta.instagram.calls.find((c) => c.method === "GET" && c.path.endsWith("/9004"));
    expect(asked?.query.fields).toBe("name,username,profile_pic");
    const contact = await rt.api("GET", "/api/contacts/ig:9004");
    expect(contact.json).toMatchObject({
      firstName: "Ana",
      lastName: "Lima Souza",
      profilePic: "https://cdn.example.com/ana.jpg",
      fields: { username: "ana.lima" },
    });
  });

  it("goes on without a name when Instagram refuses the profile (no consent) or fails", async () => {
    // No profile: Meta answers 230, "User consent is required to access user profile."
    await postWebhook(rt.url, igBody("9005", "hello"));
    const [refused] = await igReplies("9005");
    expect(refused?.text).toMatch(/^Hi there! /);
    const consent = meta.instagram.calls.find((c) => c.path.endsWith("/9005"));
    expect(consent).toMatchObject({ status: 400, response: { error: { code: 230 } } });

    // A transient failure of the profile call: the reply still goes.
    meta.instagram.profiles.set("9006", { name: "Bo" });
    meta.instagram.failNext(1, 2);
    await postWebhook(rt.url, igBody("9006", "hello"));
    const [answered] = await igReplies("9006");
    expect(answered?.text).toMatch(/^Hi there! /);
  });

  it("takes the account's echoes of its own replies as sent, not as a person answering", async () => {
    meta.instagram.setEchoes({
      webhookUrl: `${rt.url}/webhooks/messenger`,
      appSecret: APP_SECRET,
      appId: EMULATOR_APP_ID,
    });
    try {
      await postWebhook(rt.url, igBody("9007", "hello"));
      await igReplies("9007");
      await meta.instagram.flushEchoes();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const contact = await rt.api("GET", "/api/contacts/ig:9007");
      expect(contact.json.paused).toBe(false);
      const transcript = await rt.api("GET", "/api/contacts/ig:9007/transcript");
      const lines = transcript.json.messages as Json[];
      expect(lines.filter((l) => l.author === "agent")).toEqual([]);
      expect(lines.filter((l) => l.direction === "out").at(-1)).toMatchObject({ status: "sent" });
    } finally {
      meta.instagram.setEchoes(null);
    }
  });

  it("sends again after a fault of Instagram's Send API", async () => {
    // 9001 was answered before: its next message goes straight to a send.
    meta.instagram.failNext(1, 1200);
    const before = sentMessages(meta.instagram.calls, "9001").length;
    await postWebhook(rt.url, igBody("9001", "hi again"));
    await waitFor(
      () => (sentMessages(meta.instagram.calls, "9001").length > before ? true : undefined),
      "the reply after the fault",
    );
    const faulted = meta.instagram.calls.filter(
      (c) => c.path.endsWith("/me/messages") && c.status === 500,
    );
    expect(faulted.at(-1)?.response).toMatchObject({ error: { code: 1200 } });
  });

  it("still answers Messenger's Page bodies on the same route, the contact bare", async () => {
    const body = JSON.stringify({
      object: "page",
      entry: [
        {
          id: PAGE_ID,
          time: Date.now(),
          messaging: [
            {
              sender: { id: "9003" },
              recipient: { id: PAGE_ID },
              timestamp: Date.now(),
              message: { mid: "m_9003", text: "hi" },
            },
          ],
        },
      ],
    });
    expect((await postWebhook(rt.url, body)).status).toBe(200);
    await waitFor(
      () => (sentMessages(meta.graph.calls, "9003").length > 0 ? true : undefined),
      "a Messenger reply",
    );
    expect((await rt.api("GET", "/api/contacts/9003")).status).toBe(200);
  });
});
