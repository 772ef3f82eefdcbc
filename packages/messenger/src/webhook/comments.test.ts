import { describe, expect, it } from "vitest";
import { parseWebhook } from "./parse";
import { toEngineEvent } from "./to-engine-event";

/** Bodies written from the Page `feed` and Instagram `comments` webhook references. */
const pageFeed = (value: object) => ({
  object: "page",
  entry: [{ id: "105555555555555", time: 1700000000000, changes: [{ field: "feed", value }] }],
});
const FEED_COMMENT = pageFeed({
  from: { id: "6485999999999999", name: "Ana Lima" },
  post: {
    status_type: "added_photos",
    is_published: true,
    updated_time: "2026-03-01T12:00:00+0000",
    permalink_url: "https://www.facebook.com/1/posts/2",
    promotion_status: "inactive",
    id: "105555555555555_222",
  },
  message: "Price please?",
  post_id: "105555555555555_222",
  comment_id: "222_333",
  created_time: 1772366400,
  item: "comment",
  parent_id: "105555555555555_222",
  verb: "add",
});
const IG_COMMENT = {
  object: "instagram",
  entry: [
    {
      id: "17841400000000001",
      time: 1700000000000,
      changes: [
        {
          field: "comments",
          value: {
            from: { id: "17841455555555555", username: "ana.lima" },
            media: { id: "18000000000000000", media_product_type: "REELS" },
            id: "17865799348089039",
            text: "PRICE",
          },
        },
      ],
    },
  ],
};

describe("comments from a Page feed and an Instagram account", () => {
  it("reads a new Page comment: its id, post, text, author and time", () => {
    const parsed = parseWebhook(FEED_COMMENT);
    expect(parsed.ok && parsed.events).toEqual([
      expect.objectContaining({
        platform: "page",
        kind: "comment",
        commentId: "222_333",
        postId: "105555555555555_222",
        text: "Price please?",
        psid: "6485999999999999",
        contactName: "Ana Lima",
        timestamp: 1772366400000,
        dedupeKey: "comment:222_333",
      }),
    ]);
  });

  it("reads an Instagram comment on a reel", () => {
    const parsed = parseWebhook(IG_COMMENT, { accounts: { instagram: "17841400000000001" } });
    expect(parsed.ok && parsed.events[0]).toMatchObject({
      platform: "instagram",
      kind: "comment",
      commentId: "17865799348089039",
      postId: "18000000000000000",
      text: "PRICE",
      contactUsername: "ana.lima",
    });
  });

  it("keeps other feed changes (a like, an edit) as unknown; a comment is the engine's comment event", () => {
    const like = parseWebhook(
      pageFeed({ item: "reaction", verb: "add", post_id: "1_2", from: { id: "3" } }),
    );
    expect(like.ok && like.events).toEqual([
      expect.objectContaining({ kind: "unknown", psid: null }),
    ]);
    const edit = parseWebhook(
      pageFeed({
        item: "comment",
        verb: "edited",
        comment_id: "1",
        post_id: "2",
        from: { id: "3" },
      }),
    );
    expect(edit.ok && edit.events[0]?.kind).toBe("unknown");
    const comment = parseWebhook(FEED_COMMENT);
    expect(comment.ok && comment.events[0] && toEngineEvent(comment.events[0])).toEqual({
      type: "comment",
      text: "Price please?",
      postId: "105555555555555_222",
      commentId: "222_333",
    });
  });
});
