import type { OutMessage } from "@convo/flow";
import { describe, expect, it } from "vitest";
import { previewOn } from "./preview";
import { CHANNEL_SPECS } from "./specs";

const replies = (titles: string[]) =>
  titles.map((title, i) => ({ kind: "text" as const, title, payload: `P${i}` }));

describe("previewOn: a message as the contact sees it on each channel", () => {
  it("keeps quick replies as quick replies on every channel, though WhatsApp sends them as a list", () => {
    const menu: OutMessage = {
      kind: "text",
      text: "How can we help?",
      quickReplies: replies(["Delivery", "Returns", "Invoices", "A human"]),
    };
    for (const spec of Object.values(CHANNEL_SPECS)) {
      const shown = previewOn(spec, menu);
      expect(shown, spec.name).toEqual({
        ok: true,
        messages: [
          expect.objectContaining({
            text: "How can we help?",
            quickReplies: menu.quickReplies?.map((q) =>
              expect.objectContaining({ title: q.kind === "text" ? q.title : undefined }),
            ),
          }),
        ],
      });
    }
  });

  it("shows a gallery as one message per card on WhatsApp, one carousel elsewhere", () => {
    const gallery: OutMessage = {
      kind: "cards",
      cards: [
        { title: "Boots", subtitle: "€89", imageUrl: "https://shop.example/boots.jpg" },
        { title: "Scarf", subtitle: "€29", imageUrl: "https://shop.example/scarf.jpg" },
      ],
    };
    const whatsapp = previewOn(CHANNEL_SPECS.whatsapp, gallery);
    expect(whatsapp.ok && whatsapp.messages.length).toBe(2);
    const messenger = previewOn(CHANNEL_SPECS.messenger, gallery);
    expect(messenger.ok && messenger.messages).toEqual([
      expect.objectContaining({ kind: "cards" }),
    ]);
  });

  it("says why a channel refuses a message", () => {
    const eleven: OutMessage = {
      kind: "text",
      text: "Pick a size",
      quickReplies: replies(Array.from({ length: 11 }, (_, i) => `Size ${i + 30}`)),
    };
    const shown = previewOn(CHANNEL_SPECS.whatsapp, eleven);
    expect(shown.ok).toBe(false);
    expect(!shown.ok && shown.message).toMatch(/10/);
  });
});
