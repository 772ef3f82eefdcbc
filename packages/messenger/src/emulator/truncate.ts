import { MESSENGER_LIMITS } from "../messenger/limits";

/**
 * What Meta shortens instead of refusing, as its documentation says: "each quick reply allows up
 * to 20 characters before being truncated". Returns the body as Meta would show it and one
 * warning per cut; anything else is left for the schema to accept or refuse. Convo's lint warns
 * the marketer before it comes to this.
 */
export function truncateAsMeta(body: unknown): { body: unknown; warnings: string[] } {
  const warnings: string[] = [];
  const replies = (body as { message?: { quick_replies?: unknown } } | undefined)?.message
    ?.quick_replies;
  if (!Array.isArray(replies)) return { body, warnings };
  const max = MESSENGER_LIMITS.quickReplyTitle;
  let changed = false;
  const cut = replies.map((reply: unknown, i) => {
    const title = (reply as { title?: unknown } | null)?.title;
    if (typeof title !== "string") return reply;
    const chars = [...title];
    if (chars.length <= max) return reply;
    changed = true;
    warnings.push(
      `message.quick_replies[${i}].title is ${chars.length} characters: Messenger shows the first ${max}`,
    );
    return { ...(reply as object), title: chars.slice(0, max).join("") };
  });
  if (!changed) return { body, warnings };
  const b = body as { message: Record<string, unknown> };
  return { body: { ...b, message: { ...b.message, quick_replies: cut } }, warnings };
}
