import type { OutMessage } from "@convo/engine";
import { renderSend } from "@convo/messenger";
import { describe, expect, it } from "vitest";
import { readSendBody } from "./send-api";

describe("readSendBody", () => {
  it("reads back what the renderer sends", () => {
    const messages: OutMessage[] = [
      {
        kind: "text",
        text: "Hi",
        quickReplies: [{ kind: "text", title: "Yes", payload: "p1" }, { kind: "email" }],
      },
      {
        kind: "text",
        text: "Pick one",
        buttons: [
          { kind: "postback", title: "Track", payload: "p2" },
          { kind: "url", title: "Shop", url: "https://example.com/" },
        ],
      },
      {
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
      { kind: "media", mediaType: "image", url: "https://example.com/i.jpg" },
    ];
    for (const message of messages) {
      const rendered = renderSend(message, "psid-1", { lastUserMessageAt: 1_000, now: 2_000 });
      if (!rendered.ok) throw new Error(rendered.message);
      expect(readSendBody(rendered.body)).toEqual({ kind: "message", message });
    }
  });

  it("reads typing indicators", () => {
    expect(readSendBody({ recipient: { id: "x" }, sender_action: "typing_on" })).toEqual({
      kind: "typing",
      on: true,
    });
    expect(readSendBody({ recipient: { id: "x" }, sender_action: "typing_off" })).toEqual({
      kind: "typing",
      on: false,
    });
  });
});
