import type { OutButton, OutCard, OutMessage, OutQuickReply } from "@convo/engine";
import { callNumber } from "@convo/flow";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readSendBody } from "./read-sent";
import { renderSend } from "./render";

// Bodies as the Send API documents them (and as the renderer writes them).
describe("readSendBody", () => {
  it("reads a text with quick replies, Messenger's own email reply included", () => {
    const body = {
      recipient: { id: "p" },
      messaging_type: "RESPONSE",
      message: {
        text: "Hi",
        quick_replies: [
          { content_type: "text", title: "Yes", payload: "p1" },
          { content_type: "user_email" },
        ],
        metadata: "convo",
      },
    };
    expect(readSendBody(body)).toEqual({
      kind: "message",
      message: {
        kind: "text",
        text: "Hi",
        quickReplies: [{ kind: "text", title: "Yes", payload: "p1" }, { kind: "email" }],
      },
    });
  });

  it("reads a button template as a text with buttons", () => {
    const body = {
      recipient: { id: "p" },
      message: {
        attachment: {
          type: "template",
          payload: {
            template_type: "button",
            text: "Pick one",
            buttons: [
              { type: "postback", title: "Track", payload: "p2" },
              { type: "web_url", title: "Shop", url: "https://example.com/" },
              { type: "phone_number", title: "Call", payload: "+33100000000" },
            ],
          },
        },
      },
    };
    expect(readSendBody(body)).toEqual({
      kind: "message",
      message: {
        kind: "text",
        text: "Pick one",
        buttons: [
          { kind: "postback", title: "Track", payload: "p2" },
          { kind: "url", title: "Shop", url: "https://example.com/" },
          { kind: "call", title: "Call", phone: "+33100000000" },
        ],
      },
    });
  });

  it("reads a generic template as cards, and media", () => {
    const cards = {
      recipient: { id: "p" },
      message: {
        attachment: {
          type: "template",
          payload: {
            template_type: "generic",
            image_aspect_ratio: "square",
            elements: [
              {
                title: "A",
                subtitle: "a",
                image_url: "https://example.com/a.jpg",
                buttons: [{ type: "postback", title: "Buy", payload: "p3" }],
              },
            ],
          },
        },
      },
    };
    expect(readSendBody(cards)).toEqual({
      kind: "message",
      message: {
        kind: "cards",
        imageAspectRatio: "square",
        cards: [
          {
            title: "A",
            subtitle: "a",
            imageUrl: "https://example.com/a.jpg",
            buttons: [{ kind: "postback", title: "Buy", payload: "p3" }],
          },
        ],
      },
    });
    const image = {
      recipient: { id: "p" },
      message: { attachment: { type: "image", payload: { url: "https://example.com/i.jpg" } } },
    };
    expect(readSendBody(image)).toEqual({
      kind: "message",
      message: { kind: "media", mediaType: "image", url: "https://example.com/i.jpg" },
    });
  });

  it("reads typing indicators and the HUMAN_AGENT tag", () => {
    expect(readSendBody({ recipient: { id: "x" }, sender_action: "typing_on" })).toEqual({
      kind: "typing",
      on: true,
    });
    expect(readSendBody({ recipient: { id: "x" }, sender_action: "typing_off" })).toEqual({
      kind: "typing",
      on: false,
    });
    expect(
      readSendBody({ recipient: { id: "x" }, tag: "HUMAN_AGENT", message: { text: "Hello" } }),
    ).toMatchObject({ kind: "message", tag: "HUMAN_AGENT" });
  });
});

describe("readSendBody is the inverse of renderSend", () => {
  const NOW = Date.UTC(2026, 0, 5, 9);
  const title = fc.string({ minLength: 1, maxLength: 20 }).filter((t) => t.trim() !== "");
  const payload = fc.string({ minLength: 1, maxLength: 40 });
  const url = fc.constantFrom("https://example.com/a.png", "http://shop.example.fr/p?id=1");
  const button: fc.Arbitrary<OutButton> = fc.oneof(
    fc.record({ kind: fc.constant("postback" as const), title, payload }),
    fc.record(
      {
        kind: fc.constant("url" as const),
        title,
        url,
        webviewHeight: fc.constantFrom("compact" as const, "tall" as const, "full" as const),
      },
      { requiredKeys: ["kind", "title", "url"] },
    ),
    fc.record({
      kind: fc.constant("call" as const),
      title,
      phone: fc.constantFrom("+33612345678", "+1 (555) 123-4567"),
    }),
  );
  const buttons = fc.array(button, { minLength: 1, maxLength: 3 });
  const reply: fc.Arbitrary<OutQuickReply> = fc.oneof(
    fc.record(
      { kind: fc.constant("text" as const), title, payload, imageUrl: url },
      { requiredKeys: ["kind", "title", "payload"] },
    ),
    fc.constant({ kind: "email" as const }),
    fc.constant({ kind: "phone" as const }),
  );
  const quickReplies = fc.array(reply, { minLength: 1, maxLength: 13 });
  const text = fc.string({ minLength: 1, maxLength: 640 }).filter((t) => t.trim() !== "");
  const card: fc.Arbitrary<OutCard> = fc.record(
    {
      title: fc.string({ minLength: 1, maxLength: 80 }).filter((t) => t.trim() !== ""),
      subtitle: fc.string({ minLength: 1, maxLength: 80 }),
      imageUrl: url,
      url,
      buttons,
    },
    { requiredKeys: ["title"] },
  );
  const message: fc.Arbitrary<OutMessage> = fc.oneof(
    fc.record(
      { kind: fc.constant("text" as const), text, buttons, quickReplies },
      {
        requiredKeys: ["kind", "text"],
      },
    ),
    fc.record(
      {
        kind: fc.constant("media" as const),
        mediaType: fc.constantFrom(
          "image" as const,
          "video" as const,
          "audio" as const,
          "file" as const,
        ),
        url,
        quickReplies,
      },
      { requiredKeys: ["kind", "mediaType", "url"] },
    ),
    fc.record(
      {
        kind: fc.constant("cards" as const),
        cards: fc.array(card, { minLength: 1, maxLength: 10 }),
        imageAspectRatio: fc.constantFrom("horizontal" as const, "square" as const),
        quickReplies,
      },
      { requiredKeys: ["kind", "cards"] },
    ),
  );
  /** What the phone shows: call numbers as Messenger dials them. */
  const dialled = (m: OutMessage): OutMessage =>
    JSON.parse(
      JSON.stringify(m, (key, value) =>
        key === "phone" && typeof value === "string" ? callNumber(value) : value,
      ),
    );

  it("reads back every message the renderer writes, tag included (property)", () => {
    fc.assert(
      fc.property(message, fc.boolean(), (m, tagged) => {
        const window = tagged
          ? { lastUserMessageAt: NOW - 48 * 3_600_000, now: NOW, tag: "HUMAN_AGENT" as const }
          : { lastUserMessageAt: NOW - 60_000, now: NOW };
        const rendered = renderSend(m, "psid", window, { metadata: "outbox=7" });
        if (!rendered.ok) throw new Error(rendered.message);
        expect(readSendBody(rendered.body)).toEqual({
          kind: "message",
          message: dialled(m),
          ...(tagged ? { tag: "HUMAN_AGENT" } : {}),
        });
      }),
      { numRuns: 300, seed: 20260105 },
    );
  });

  it("shows what it does not know as JSON", () => {
    expect(readSendBody({ message: { attachment: { type: "location" } } })).toEqual({
      kind: "other",
      text: JSON.stringify({ attachment: { type: "location" } }),
    });
    expect(readSendBody("nope")).toEqual({ kind: "other", text: '"nope"' });
  });
});
