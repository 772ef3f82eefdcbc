import { randomBytes } from "node:crypto";
import type { Hono } from "hono";
import { bodyOf, type EmulatorEnv, fail, reply } from "./answer";
import { graphError } from "./errors";

/** A public reply the emulator took under a comment. */
export interface CommentReply {
  /** The comment answered. */
  commentId: string;
  message: string;
  /** The new comment's id, as answered. */
  id: string;
  at: number;
}

/**
 * `POST /{version}/{comment-id}/{edge}?message=…`: a public reply under a comment, `comments` on
 * a Page (Graph API, Comment: answers `{ id }`) or `replies` on Instagram (IG Comment Replies:
 * `message` required, answers `{ id }`). The message may come in the query or a JSON body.
 */
export function commentReplyRoute(
  app: Hono<EmulatorEnv>,
  edge: "comments" | "replies",
  replies: CommentReply[],
): void {
  app.post(`/:version/:comment/${edge}`, (c) => {
    const sent = bodyOf(c) as { message?: unknown } | undefined;
    const message = c.req.query("message") ?? sent?.message;
    if (typeof message !== "string" || message.trim() === "") {
      return fail(c, graphError(400, 100, "(#100) The parameter message is required"));
    }
    const id = `${randomDigits(17)}`;
    replies.push({ commentId: c.req.param("comment"), message, id, at: Date.now() });
    return reply(c, { id });
  });
}

function randomDigits(count: number): string {
  let digits = "";
  for (const byte of randomBytes(count)) digits += String(byte % 10);
  return digits.replace(/^0/, "1");
}
