import type { OutButton, OutMessage, OutQuickReply } from "@convo/flow";
import { decodePayload, encodePayload } from "@convo/flow";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningGraphEmulator, startGraphEmulator } from "../emulator";
import { createSendApiClient } from "./client";
import {
  HUMAN_AGENT_WINDOW_MS,
  RESPONSE_WINDOW_MS,
  renderSend,
  renderTyping,
  type MessengerWindow as SendWindow,
} from "./render";
import { sendBodySchema } from "./schemas";

const PSID = "6543210987654321";
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const OPEN = { lastUserMessageAt: NOW - 60_000, now: NOW };
const HOUR = 3_600_000;
const track = encodePayload({
  flowId: "order-tracking",
  version: 3,
  nodeId: "ask",
  handle: "track",
});

function body(message: OutMessage, window: SendWindow = OPEN) {
  const result = renderSend(message, PSID, window);
  if (!result.ok) throw new Error(result.message);
  expect(sendBodySchema.safeParse(result.body).success).toBe(true);
  return result.body;
}

function refusal(message: OutMessage, window: SendWindow = OPEN) {
  const result = renderSend(message, PSID, window);
  if (result.ok) throw new Error("expected a refusal");
  return result;
}

describe("renderSend: shapes", () => {
  it("renders text with quick replies (text, image, email, phone) and Convo's metadata", () => {
    expect(
      body({
        kind: "text",
        text: "Hi Léa! What can I do?",
        quickReplies: [
          { kind: "text", title: "Track my order", payload: track },
          {
            kind: "text",
            title: "Red",
            payload: "cv1|shop|1|colour|red",
            imageUrl: "https://example.com/red.png",
          },
          { kind: "email" },
          { kind: "phone" },
        ],
      }),
    ).toEqual({
      recipient: { id: PSID },
      messaging_type: "RESPONSE",
      message: {
        text: "Hi Léa! What can I do?",
        quick_replies: [
          { content_type: "text", title: "Track my order", payload: track },
          {
            content_type: "text",
            title: "Red",
            payload: "cv1|shop|1|colour|red",
            image_url: "https://example.com/red.png",
          },
          { content_type: "user_email" },
          { content_type: "user_phone_number" },
        ],
        metadata: "convo",
      },
    });
  });

  it("renders a text with buttons as a button template", () => {
    expect(
      body({
        kind: "text",
        text: "Pick one",
        buttons: [
          { kind: "postback", title: "Track my order", payload: track },
          { kind: "url", title: "Shop", url: "https://example.com/shop", webviewHeight: "tall" },
          { kind: "call", title: "Call us", phone: "+33 1 23 45 67 89" },
        ],
      }).message,
    ).toMatchObject({
      attachment: {
        type: "template",
        payload: {
          template_type: "button",
          text: "Pick one",
          buttons: [
            { type: "postback", title: "Track my order", payload: track },
            {
              type: "web_url",
              title: "Shop",
              url: "https://example.com/shop",
              webview_height_ratio: "tall",
            },
            { type: "phone_number", title: "Call us", payload: "+33123456789" },
          ],
        },
      },
    });
  });

  it("renders cards as a generic template with default actions and buttons", () => {
    expect(
      body({
        kind: "cards",
        imageAspectRatio: "square",
        cards: [
          {
            title: "Sneaker",
            subtitle: "€89",
            imageUrl: "https://example.com/s.jpg",
            url: "https://example.com/s",
            buttons: [{ kind: "postback", title: "Buy", payload: "cv1|shop|1|gallery|buy" }],
          },
          { title: "Sandal" },
        ],
      }).message,
    ).toMatchObject({
      attachment: {
        type: "template",
        payload: {
          template_type: "generic",
          image_aspect_ratio: "square",
          elements: [
            {
              title: "Sneaker",
              subtitle: "€89",
              image_url: "https://example.com/s.jpg",
              default_action: { type: "web_url", url: "https://example.com/s" },
              buttons: [{ type: "postback", title: "Buy", payload: "cv1|shop|1|gallery|buy" }],
            },
            { title: "Sandal" },
          ],
        },
      },
    });
  });

  it.each(["image", "video", "audio", "file"] as const)(
    "renders %s media as a reusable attachment",
    (mediaType) => {
      expect(
        body({ kind: "media", mediaType, url: "https://cdn.example.com/x" }).message?.attachment,
      ).toEqual({
        type: mediaType,
        payload: { url: "https://cdn.example.com/x", is_reusable: true },
      });
    },
  );

  it("appends the caller's metadata to Convo's mark", () => {
    const result = renderSend({ kind: "text", text: "a" }, PSID, OPEN, {
      metadata: "order-tracking|ask",
    });
    expect(result.ok && result.body.message?.metadata).toBe("convo|order-tracking|ask");
  });

  it("renders typing indicators and read receipts", () => {
    expect(renderTyping(PSID, "on")).toEqual({
      recipient: { id: PSID },
      sender_action: "typing_on",
    });
    expect(renderTyping(PSID, "off")).toEqual({
      recipient: { id: PSID },
      sender_action: "typing_off",
    });
    expect(renderTyping(PSID, "mark_seen")).toEqual({
      recipient: { id: PSID },
      sender_action: "mark_seen",
    });
  });

  it("re-exports the payload codec so a tap decodes back to where it was drawn", async () => {
    const { decodePayload: decode, encodePayload: encode } = await import("../index");
    expect(
      decode(encode({ flowId: "welcome", version: 2, nodeId: "menu", handle: "shop" })),
    ).toEqual({
      flowId: "welcome",
      version: 2,
      nodeId: "menu",
      handle: "shop",
    });
    expect(decodePayload(track)).toMatchObject({ nodeId: "ask", handle: "track" });
    expect(decode("GET_STARTED")).toBeUndefined();
  });
});

describe("renderSend: the 24-hour window", () => {
  const text: OutMessage = { kind: "text", text: "Your parcel left the warehouse." };

  it("is a RESPONSE up to 24 hours after the contact's last message", () => {
    expect(
      body(text, { lastUserMessageAt: NOW - RESPONSE_WINDOW_MS, now: NOW }).messaging_type,
    ).toBe("RESPONSE");
  });

  it("refuses past 24 hours without a tag, saying how long ago the contact wrote", () => {
    const result = refusal(text, { lastUserMessageAt: NOW - 26 * HOUR, now: NOW });
    expect(result).toMatchObject({ reason: "outside_window" });
    expect(result.message).toMatch(/26 hours ago/);
    expect(refusal(text, { lastUserMessageAt: null, now: NOW }).message).toMatch(/never written/);
  });

  it("uses the tag outside the window", () => {
    const tagged = body(text, {
      lastUserMessageAt: NOW - 30 * HOUR,
      now: NOW,
      tag: "POST_PURCHASE_UPDATE",
    });
    expect(tagged).toMatchObject({ messaging_type: "MESSAGE_TAG", tag: "POST_PURCHASE_UPDATE" });
    const inside = body(text, { lastUserMessageAt: NOW - HOUR, now: NOW, tag: "HUMAN_AGENT" });
    expect(inside).toMatchObject({ messaging_type: "RESPONSE" });
    expect(inside).not.toHaveProperty("tag");
  });

  it("allows HUMAN_AGENT for 7 days only", () => {
    const day6 = body(text, {
      lastUserMessageAt: NOW - 6 * 24 * HOUR,
      now: NOW,
      tag: "HUMAN_AGENT",
    });
    expect(day6).toMatchObject({ messaging_type: "MESSAGE_TAG", tag: "HUMAN_AGENT" });
    const late = refusal(text, {
      lastUserMessageAt: NOW - HUMAN_AGENT_WINDOW_MS - 1,
      now: NOW,
      tag: "HUMAN_AGENT",
    });
    expect(late).toMatchObject({
      reason: "outside_window",
      message: expect.stringMatching(/7 days/),
    });
  });
});

describe("renderSend: limits are enforced before anything is sent", () => {
  const button = (title: string): OutButton => ({ kind: "postback", title, payload: "p" });
  const reply = (title: string, payload = "p"): OutQuickReply => ({ kind: "text", title, payload });

  it.each<[string, OutMessage, RegExp]>([
    ["an empty text", { kind: "text", text: "  " }, /empty/],
    [
      "a text over 2000",
      { kind: "text", text: "x".repeat(2001) },
      /2001 characters; Messenger allows 2000/,
    ],
    [
      "a button text over 640",
      { kind: "text", text: "x".repeat(641), buttons: [button("ok")] },
      /641 characters; Messenger allows 640/,
    ],
    [
      "four buttons",
      { kind: "text", text: "t", buttons: ["a", "b", "c", "d"].map(button) },
      /4 buttons; Messenger allows 3/,
    ],
    [
      "a button title over 20",
      { kind: "text", text: "t", buttons: [button("Track my order right now")] },
      /Button title "Track my order right now" is 24/,
    ],
    [
      "a payload over 1000 bytes",
      {
        kind: "text",
        text: "t",
        buttons: [{ kind: "postback", title: "b", payload: "é".repeat(501) }],
      },
      /1002 bytes; Messenger allows 1000/,
    ],
    [
      "a javascript: link",
      {
        kind: "text",
        text: "t",
        buttons: [{ kind: "url", title: "b", url: "javascript:alert(1)" }],
      },
      /only opens http\(s\) URLs/,
    ],
    [
      "a phone without country code",
      { kind: "text", text: "t", buttons: [{ kind: "call", title: "Call", phone: "0123456789" }] },
      /\+<country code>/,
    ],
    [
      "eleven cards",
      { kind: "cards", cards: Array.from({ length: 11 }, () => ({ title: "c" })) },
      /11 cards; Messenger allows 10/,
    ],
    ["no cards", { kind: "cards", cards: [] }, /no cards/],
    [
      "a card title over 80",
      { kind: "cards", cards: [{ title: "x".repeat(81) }] },
      /Card 1's title is 81/,
    ],
    [
      "a card subtitle over 80",
      { kind: "cards", cards: [{ title: "t", subtitle: "x".repeat(81) }] },
      /Card 1's subtitle is 81/,
    ],
    [
      "a card image on ftp",
      { kind: "cards", cards: [{ title: "t", imageUrl: "ftp://example.com/a.png" }] },
      /Card 1's image/,
    ],
    [
      "four buttons on a card",
      { kind: "cards", cards: [{ title: "t", buttons: ["a", "b", "c", "d"].map(button) }] },
      /Card 1 has 4 buttons/,
    ],
    [
      "a media URL that is not http",
      { kind: "media", mediaType: "image", url: "data:image/png;base64,AAAA" },
      /image URL/,
    ],
    [
      "fourteen quick replies",
      {
        kind: "text",
        text: "t",
        quickReplies: Array.from({ length: 14 }, (_, i) => reply(`q${i}`)),
      },
      /14 quick replies; Messenger allows 13/,
    ],
    [
      "a quick reply title over 20",
      { kind: "text", text: "t", quickReplies: [reply("x".repeat(21))] },
      /Quick reply "x+" is 21/,
    ],
    [
      "an empty quick reply payload",
      { kind: "text", text: "t", quickReplies: [reply("ok", "")] },
      /empty payload/,
    ],
  ])("refuses %s", (_name, message, wording) => {
    const result = refusal(message);
    expect(result.reason).toBe("limit");
    expect(result.message).toMatch(wording);
  });

  it("renders exactly at the limits", () => {
    body({
      kind: "text",
      text: "x".repeat(2000),
      quickReplies: Array.from({ length: 13 }, () => reply("x".repeat(20))),
    });
    body({
      kind: "text",
      text: "x".repeat(640),
      buttons: ["a", "b", "c"].map(() => button("x".repeat(20))),
    });
    body({
      kind: "cards",
      cards: Array.from({ length: 10 }, () => ({
        title: "x".repeat(80),
        subtitle: "y".repeat(80),
      })),
    });
  });

  it("never throws and only ever produces bodies Meta accepts (property)", () => {
    // Short random strings, or long runs around each limit (random strings of 2,000 characters
    // would make the property slow without finding more).
    const sized = (limit: number) =>
      fc.oneof(
        fc.string({ maxLength: 24 }),
        fc.integer({ min: limit - 3, max: limit + 3 }).map((n) => "é".repeat(Math.max(0, n))),
      );
    const text = sized(2000);
    const url = fc.oneof(
      fc.constantFrom("https://example.com/a.png", "http://shop.example.fr/p?id=1", "javascript:x"),
      fc.string({ maxLength: 30 }),
    );
    const buttonArb: fc.Arbitrary<OutButton> = fc.oneof(
      fc.record({
        kind: fc.constant("postback" as const),
        title: fc.string({ maxLength: 24 }),
        payload: sized(500),
      }),
      fc.record({ kind: fc.constant("url" as const), title: fc.string({ maxLength: 24 }), url }),
      fc.record({
        kind: fc.constant("call" as const),
        title: fc.string({ maxLength: 24 }),
        phone: fc.string({ maxLength: 16 }),
      }),
    );
    const replyArb: fc.Arbitrary<OutQuickReply> = fc.oneof(
      fc.record({
        kind: fc.constant("text" as const),
        title: fc.string({ maxLength: 24 }),
        payload: sized(500),
      }),
      fc.constant({ kind: "email" as const }),
      fc.constant({ kind: "phone" as const }),
    );
    const replies = fc.option(fc.array(replyArb, { maxLength: 15 }), { nil: undefined });
    const messageArb: fc.Arbitrary<OutMessage> = fc.oneof(
      fc.record(
        {
          kind: fc.constant("text" as const),
          text,
          buttons: fc.option(fc.array(buttonArb, { maxLength: 4 }), { nil: undefined }),
          quickReplies: replies,
        },
        { requiredKeys: ["kind", "text"] },
      ),
      fc.record(
        {
          kind: fc.constant("media" as const),
          mediaType: fc.constantFrom("image", "video", "audio", "file"),
          url,
          quickReplies: replies,
        },
        { requiredKeys: ["kind", "mediaType", "url"] },
      ),
      fc.record(
        {
          kind: fc.constant("cards" as const),
          cards: fc.array(
            fc.record(
              {
                title: sized(80),
                subtitle: fc.option(sized(80), { nil: undefined }),
                imageUrl: fc.option(url, { nil: undefined }),
                buttons: fc.option(fc.array(buttonArb, { maxLength: 4 }), { nil: undefined }),
              },
              { requiredKeys: ["title"] },
            ),
            { maxLength: 11 },
          ),
          quickReplies: replies,
        },
        { requiredKeys: ["kind", "cards"] },
      ),
    );
    let rendered = 0;
    fc.assert(
      fc.property(messageArb, (message) => {
        const result = renderSend(message, PSID, OPEN);
        if (result.ok) {
          rendered += 1;
          const check = sendBodySchema.safeParse(result.body);
          expect(check.success, JSON.stringify(check.error?.issues[0])).toBe(true);
        } else {
          expect(result.reason).toBe("limit");
          expect(result.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300, seed: 20261123 },
    );
    // Both branches must be exercised for the property to mean anything.
    expect(rendered).toBeGreaterThan(20);
    expect(rendered).toBeLessThan(280);
  });
});

describe("renderSend + client + emulator", () => {
  let graph: RunningGraphEmulator;
  beforeAll(async () => {
    graph = await startGraphEmulator({ pageToken: "t", appSecret: "s" });
  });
  afterAll(() => graph.close());

  it("sends what it renders, accepted by the emulator", async () => {
    const client = createSendApiClient({ baseUrl: graph.url, pageToken: "t", appSecret: "s" });
    const rendered = renderSend(
      {
        kind: "text",
        text: "Hello 👋",
        buttons: [{ kind: "postback", title: "Track", payload: track }],
      },
      PSID,
      OPEN,
    );
    if (!rendered.ok) throw new Error(rendered.message);
    const sent = await client.sendMessage(rendered.body);
    expect(sent).toMatchObject({ recipientId: PSID, messageId: expect.stringMatching(/^m_/) });
    expect(graph.calls[0]?.body).toEqual(rendered.body);
  });
});
