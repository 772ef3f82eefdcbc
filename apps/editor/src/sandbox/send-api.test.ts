import { describe, expect, it } from "vitest";
import { readSendBody } from "./send-api";

// Bodies as the Send API documents them (and as @convo/messenger's renderer writes them).
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
