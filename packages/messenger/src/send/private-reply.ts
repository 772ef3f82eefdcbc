import type { OutMessage } from "@convo/flow";
import type { RenderOptions, RenderResult } from "../channel/types";
import { MESSENGER_SEND_PROFILE, renderSendFor, type SendProfile } from "./render";
import type { SendBody } from "./schemas";

const DAY = 24 * 3_600_000;
/** Meta takes a private reply within 7 days of the comment. */
export const PRIVATE_REPLY_WINDOW_MS = 7 * DAY;

/**
 * The one private reply to a comment (Private Replies: `POST /{page-id}/messages` with
 * `recipient: { comment_id }`), on Messenger or Instagram (its `profile`): the message rendered as
 * any reply, addressed to the comment, refused past Meta's 7 days. Meta answers with the
 * commenter's PSID (or IGSID) as `recipient_id`. Browser-safe.
 *
 * @example
 * renderPrivateReply({ kind: "text", text: "Here is the link" }, comment.commentId, comment.timestamp, Date.now())
 */
export function renderPrivateReply(
  message: OutMessage,
  commentId: string,
  commentedAt: number,
  now: number,
  options: RenderOptions = {},
  profile: SendProfile = MESSENGER_SEND_PROFILE,
): RenderResult<SendBody> {
  if (now - commentedAt > PRIVATE_REPLY_WINDOW_MS) {
    const days = Math.floor((now - commentedAt) / DAY);
    return {
      ok: false,
      reason: "outside_window",
      message: `The comment is ${days} days old; ${profile.name} takes a private reply within 7 days.`,
    };
  }
  // The comment opens its own window: the reply goes as a response.
  const rendered = renderSendFor(
    profile,
    message,
    commentId,
    { lastUserMessageAt: now, now },
    options,
  );
  if (!rendered.ok) return rendered;
  return { ok: true, body: { ...rendered.body, recipient: { comment_id: commentId } } };
}
