import { z } from "zod";
import { hashKey, keepable } from "./dedupe";
import { idSchema, timeSchema } from "./schemas";
import type { EventBase, InboundEvent } from "./types";

/**
 * Comments, from an entry's `changes`: a Page's `feed` field (`item: "comment"`, `verb: "add"`:
 * `{ from: { id, name }, post_id, comment_id, parent_id, message, created_time }`) and an
 * Instagram account's `comments` field (`{ from: { id, username }, media: { id }, id, parent_id,
 * text }`). Each becomes a `comment` event, its author as `psid`: the feed's `from.id` (with
 * `from.name`) on a Page, the commenter's IGSID (with `from.username`) on Instagram. A Page comment
 * names the person by an id the Page's messages do not use (the private reply's answer gives
 * their PSID).
 */
const pageComment = z.object({
  item: z.literal("comment"),
  verb: z.literal("add"),
  comment_id: idSchema,
  post_id: idSchema,
  parent_id: idSchema.optional(),
  message: z.string().optional(),
  created_time: timeSchema.optional().catch(undefined),
  from: z.object({ id: idSchema, name: z.string().optional() }),
});
const instagramComment = z.object({
  id: idSchema,
  text: z.string().optional(),
  parent_id: idSchema.optional(),
  media: z.object({ id: idSchema, media_product_type: z.string().optional() }),
  from: z.object({ id: idSchema, username: z.string().optional() }),
});
const change = z.object({ field: z.string(), value: z.unknown().optional() });

/** One entry's `changes`, as events: comments read, everything else kept as `unknown`. */
export function parseChanges(
  platform: "page" | "instagram",
  pageId: string,
  time: number,
  changes: unknown[],
): InboundEvent[] {
  return changes.map((raw) => {
    const base: EventBase = {
      platform,
      pageId,
      psid: null,
      timestamp: time,
      channel: "messaging",
      dedupeKey: hashKey(pageId, raw),
    };
    const unknown = (reason: string): InboundEvent => ({
      ...base,
      kind: "unknown",
      raw: keepable(raw),
      reason,
    });
    const c = change.safeParse(raw);
    if (!c.success) return unknown("not a change");
    if (platform === "page" && c.data.field === "feed") {
      const v = pageComment.safeParse(c.data.value);
      if (!v.success) return unknown("feed change that is not a new comment");
      const created = v.data.created_time;
      return {
        ...base,
        psid: v.data.from.id,
        // Page feeds stamp seconds.
        timestamp: created === undefined ? time : created < 1e12 ? created * 1000 : created,
        dedupeKey: `comment:${v.data.comment_id}`,
        ...(v.data.from.name ? { contactName: v.data.from.name } : {}),
        kind: "comment",
        commentId: v.data.comment_id,
        postId: v.data.post_id,
        text: v.data.message ?? "",
        ...(v.data.parent_id && v.data.parent_id !== v.data.post_id
          ? { parentId: v.data.parent_id }
          : {}),
      };
    }
    if (platform === "instagram" && c.data.field === "comments") {
      const v = instagramComment.safeParse(c.data.value);
      if (!v.success) return unknown("unreadable comments change");
      return {
        ...base,
        psid: v.data.from.id,
        dedupeKey: `comment:${v.data.id}`,
        ...(v.data.from.username ? { contactUsername: v.data.from.username } : {}),
        kind: "comment",
        commentId: v.data.id,
        postId: v.data.media.id,
        text: v.data.text ?? "",
        ...(v.data.parent_id ? { parentId: v.data.parent_id } : {}),
      };
    }
    return unknown(`change of field ${c.data.field}`);
  });
}
