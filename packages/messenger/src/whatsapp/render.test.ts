import type { OutButton, OutMessage } from "@convo/flow";
import { describe, expect, it } from "vitest";
import { readWhatsAppBody } from "./read-sent";
import { renderWhatsApp } from "./render";
import { type WhatsAppMessage, whatsappMessageSchema } from "./schemas";

const TO = "16505551234";
const NOW = Date.UTC(2026, 2, 1, 12);
const OPEN = { lastUserMessageAt: NOW - 60_000, now: NOW };
const postback = (n: number): OutButton[] =>
  Array.from({ length: n }, (_, i) => ({
    kind: "postback",
    title: `Choice ${i + 1}`,
    payload: `p${i + 1}`,
  }));

function render(message: OutMessage, window = OPEN, options = {}): WhatsAppMessage[] {
  const result = renderWhatsApp(message, TO, window, options);
  if (!result.ok) throw new Error(result.message);
  // Everything rendered is what the Cloud API reference accepts.
  for (const body of result.body.messages)
    expect(whatsappMessageSchema.safeParse(body).success).toBe(true);
  return result.body.messages;
}

const refusal = (message: OutMessage, window = OPEN) => {
  const result = renderWhatsApp(message, TO, window);
  return result.ok ? undefined : result;
};

describe("renderWhatsApp: the Cloud API's shapes", () => {
  it("renders a text with Convo's mark in biz_opaque_callback_data", () => {
    expect(render({ kind: "text", text: "Hi" }, OPEN, { metadata: "o:7" })).toEqual([
      {
        messaging_product: "whatsapp",
        recipient_type: "individual",
        to: TO,
        biz_opaque_callback_data: "convo|o:7",
        type: "text",
        text: { body: "Hi" },
      },
    ]);
  });

  it("renders up to 3 choices (buttons, then quick replies) as reply buttons", () => {
    const [body] = render({
      kind: "text",
      text: "Track or shop?",
      buttons: postback(2),
      quickReplies: [{ kind: "text", title: "Later", payload: "later" }, { kind: "email" }],
    });
    expect(body).toMatchObject({
      type: "interactive",
      interactive: {
        type: "button",
        body: { text: "Track or shop?" },
        action: {
          buttons: [
            { type: "reply", reply: { id: "p1", title: "Choice 1" } },
            { type: "reply", reply: { id: "p2", title: "Choice 2" } },
            { type: "reply", reply: { id: "later", title: "Later" } },
          ],
        },
      },
    });
  });

  it("renders 4 to 10 choices as a list message, and refuses 11", () => {
    const [list] = render({ kind: "text", text: "Pick a size", buttons: postback(10) });
    expect(list).toMatchObject({
      type: "interactive",
      interactive: {
        type: "list",
        body: { text: "Pick a size" },
        action: {
          button: "Choose",
          sections: [{ rows: expect.arrayContaining([{ id: "p10", title: "Choice 10" }]) }],
        },
      },
    });
    expect(refusal({ kind: "text", text: "x", buttons: postback(11) })?.message).toBe(
      "The step offers 11 choices; WhatsApp lists at most 10.",
    );
  });

  it("checks each shape's own title limit: 20 on a reply button, 24 on a list row", () => {
    const long = { kind: "postback" as const, title: "Twenty-one characters", payload: "x" };
    expect(refusal({ kind: "text", text: "x", buttons: [long] })?.message).toContain(
      "WhatsApp allows 20",
    );
    const [list] = render({ kind: "text", text: "x", buttons: [...postback(3), long] });
    expect(list?.type).toBe("interactive");
  });

  it("sends one link button alone as cta_url; other links and calls as lines of the text", () => {
    const [cta] = render({
      kind: "text",
      text: "Our shop",
      buttons: [{ kind: "url", title: "Shop", url: "https://example.com" }],
    });
    expect(cta).toMatchObject({
      interactive: {
        type: "cta_url",
        action: {
          name: "cta_url",
          parameters: { display_text: "Shop", url: "https://example.com" },
        },
      },
    });
    const [mixed] = render({
      kind: "text",
      text: "Help?",
      buttons: [
        { kind: "url", title: "FAQ", url: "https://example.com/faq" },
        { kind: "call", title: "Call us", phone: "+33612345678" },
        ...postback(1),
      ],
    });
    expect(mixed).toMatchObject({
      interactive: {
        type: "button",
        body: { text: "Help?\n\nFAQ: https://example.com/faq\nCall us: +33612345678" },
      },
    });
  });

  it("sends media by link, files as documents", () => {
    expect(
      render({ kind: "media", mediaType: "file", url: "https://example.com/a.pdf" })[0],
    ).toMatchObject({
      type: "document",
      document: { link: "https://example.com/a.pdf" },
    });
    expect(
      render({ kind: "media", mediaType: "image", url: "https://example.com/a.png" })[0],
    ).toMatchObject({
      type: "image",
      image: { link: "https://example.com/a.png" },
    });
  });

  it("sends a card gallery as one message per card, the quick replies with the last", () => {
    const parts = render({
      kind: "cards",
      cards: [
        {
          title: "Hat",
          subtitle: "Warm",
          imageUrl: "https://example.com/hat.png",
          buttons: postback(1),
        },
        {
          title: "Scarf",
          imageUrl: "https://example.com/scarf.png",
          url: "https://example.com/scarf",
        },
      ],
      quickReplies: [{ kind: "text", title: "More", payload: "more" }],
    });
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatchObject({
      type: "interactive",
      interactive: { type: "button", header: { type: "image" }, body: { text: "*Hat*\nWarm" } },
    });
    expect(parts[1]).toMatchObject({
      interactive: {
        body: { text: "*Scarf*\n\nScarf: https://example.com/scarf" },
        action: { buttons: [{ reply: { id: "more", title: "More" } }] },
      },
    });
  });

  it("reads back what it renders (the sandbox draws it)", () => {
    const [list] = render({ kind: "text", text: "Pick", buttons: postback(5) });
    expect(readWhatsAppBody(list)).toEqual({
      kind: "message",
      message: { kind: "text", text: "Pick", buttons: postback(5) },
    });
    const [text] = render({ kind: "text", text: "Hi" });
    expect(readWhatsAppBody(text)).toEqual({
      kind: "message",
      message: { kind: "text", text: "Hi" },
    });
  });
});

describe("renderWhatsApp: the customer service window", () => {
  const late = { lastUserMessageAt: NOW - 25 * 3_600_000, now: NOW };

  it("refuses anything but a template 25 hours after the customer's last message", () => {
    expect(refusal({ kind: "text", text: "Hi" }, late)).toEqual({
      ok: false,
      reason: "outside_window",
      message:
        "The contact last wrote 25 hours ago; outside WhatsApp's 24-hour window a message needs an approved template.",
    });
  });

  it("sends the step's approved template instead, its parameters in order", () => {
    const template = { name: "order_update", language: "fr", parameters: ["Ana", "A-1042"] };
    expect(render({ kind: "text", text: "Hi" }, late, { template })).toEqual([
      expect.objectContaining({
        type: "template",
        template: {
          name: "order_update",
          language: { code: "fr" },
          components: [
            {
              type: "body",
              parameters: [
                { type: "text", text: "Ana" },
                { type: "text", text: "A-1042" },
              ],
            },
          ],
        },
      }),
    ]);
  });
});

describe("renderWhatsApp: limits before anything is sent", () => {
  it("refuses what the Cloud API would", () => {
    expect(refusal({ kind: "text", text: "a".repeat(4097) })?.message).toBe(
      "The text is 4097 characters; WhatsApp allows 4096.",
    );
    expect(
      refusal({ kind: "text", text: "a".repeat(1025), buttons: postback(1) })?.message,
    ).toContain("1024");
    expect(refusal({ kind: "text", text: " " })?.reason).toBe("limit");
    expect(refusal({ kind: "media", mediaType: "image", url: "ftp://x" })?.message).toContain(
      "http(s)",
    );
    const twins = [
      ...postback(1),
      { kind: "postback" as const, title: "Choice 1", payload: "other" },
    ];
    expect(refusal({ kind: "text", text: "x", buttons: twins })?.message).toContain("unique");
  });
});
