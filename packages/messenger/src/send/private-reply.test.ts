import { describe, expect, it } from "vitest";
import { INSTAGRAM_SEND_PROFILE } from "../instagram/spec";
import { renderPrivateReply } from "./private-reply";
import { sendBodySchema } from "./schemas";

const NOW = Date.UTC(2026, 2, 1, 12);
const DAY = 24 * 3_600_000;

describe("renderPrivateReply", () => {
  it("addresses the reply to the comment, as a response, in the Send API's shape", () => {
    const result = renderPrivateReply(
      { kind: "text", text: "Here is the price list" },
      "222_333",
      NOW - DAY,
      NOW,
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.body).toMatchObject({
      recipient: { comment_id: "222_333" },
      messaging_type: "RESPONSE",
      message: { text: "Here is the price list" },
    });
    expect(sendBodySchema.safeParse(result.body).success).toBe(true);
  });

  it("refuses a comment older than 7 days, and keeps the channel's limits (Instagram)", () => {
    expect(renderPrivateReply({ kind: "text", text: "Hi" }, "c", NOW - 8 * DAY, NOW)).toEqual({
      ok: false,
      reason: "outside_window",
      message: "The comment is 8 days old; Messenger takes a private reply within 7 days.",
    });
    const long = renderPrivateReply(
      { kind: "text", text: "x".repeat(1001) },
      "c",
      NOW,
      NOW,
      {},
      INSTAGRAM_SEND_PROFILE,
    );
    expect(long).toMatchObject({
      ok: false,
      reason: "limit",
      message: "The text is 1001 bytes; Instagram allows 1000.",
    });
  });
});
