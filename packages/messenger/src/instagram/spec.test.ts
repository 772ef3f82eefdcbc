import { describe, expect, it } from "vitest";
import { sendBodySchema } from "../send/schemas";
import { instagramSpec } from "./spec";

const NOW = Date.UTC(2026, 2, 1, 12);
const OPEN = { lastUserMessageAt: NOW - 60_000, now: NOW };
const IGSID = "1234567890123456";

describe("Instagram: Messenger's Send API shapes within Instagram's limits", () => {
  it("renders a text with quick replies, plain text only (no images on them)", () => {
    const result = instagramSpec.render(
      {
        kind: "text",
        text: "Hi",
        quickReplies: [
          { kind: "text", title: "Yes", payload: "y", imageUrl: "https://example.com/y.png" },
        ],
      },
      IGSID,
      OPEN,
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.body.message?.quick_replies).toEqual([
      { content_type: "text", title: "Yes", payload: "y" },
    ]);
    expect(sendBodySchema.safeParse(result.body).success).toBe(true);
  });

  it("counts a text in bytes: 1,000 of UTF-8", () => {
    const ok = instagramSpec.render({ kind: "text", text: "é".repeat(500) }, IGSID, OPEN);
    expect(ok.ok).toBe(true);
    const over = instagramSpec.render({ kind: "text", text: "é".repeat(501) }, IGSID, OPEN);
    expect(over).toEqual({
      ok: false,
      reason: "limit",
      message: "The text is 1002 bytes; Instagram allows 1000.",
    });
  });

  it("sends a file as its link, refuses a call button", () => {
    const file = instagramSpec.render(
      { kind: "media", mediaType: "file", url: "https://example.com/a.pdf" },
      IGSID,
      OPEN,
    );
    expect(file.ok && file.body.message).toMatchObject({ text: "https://example.com/a.pdf" });
    const call = instagramSpec.render(
      {
        kind: "text",
        text: "Call?",
        buttons: [{ kind: "call", title: "Call", phone: "+33612345678" }],
      },
      IGSID,
      OPEN,
    );
    expect(call).toMatchObject({
      ok: false,
      message: 'Button "Call" calls a number; Instagram has no call buttons.',
    });
  });

  it("allows only HUMAN_AGENT after 24 hours, for 7 days", () => {
    const late = { lastUserMessageAt: NOW - 30 * 3_600_000, now: NOW };
    const agent = instagramSpec.render({ kind: "text", text: "Hi" }, IGSID, {
      ...late,
      tag: "HUMAN_AGENT",
    });
    expect(agent.ok && agent.body).toMatchObject({
      messaging_type: "MESSAGE_TAG",
      tag: "HUMAN_AGENT",
    });
    expect(instagramSpec.render({ kind: "text", text: "Hi" }, IGSID, late)).toMatchObject({
      ok: false,
      reason: "outside_window",
      message: expect.stringContaining("outside Instagram's 24-hour window"),
    });
  });
});
