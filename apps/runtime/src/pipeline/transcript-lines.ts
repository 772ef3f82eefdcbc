import type { NewTranscript } from "../store/contacts";
import type { Actor } from "../store/conversations";
import type { OutboxItem } from "../store/outbox";

/**
 * The transcript line of an outgoing message, as the contact will see it; `outbox` is the
 * message's index among the rows written with it, so the line shows its delivery.
 */
export function outgoingLine(
  item: Extract<OutboxItem, { kind: "message" }>,
  at: number,
  outbox: number,
): NewTranscript {
  const m = item.message;
  return {
    at,
    direction: "out",
    author: item.author,
    kind: m.kind === "text" ? "text" : m.kind === "media" ? "attachment" : "template",
    text: m.kind === "text" ? m.text : m.kind === "cards" ? (m.cards[0]?.title ?? null) : null,
    payload: m,
    outbox,
    ...(item.flowId === undefined ? {} : { flowId: item.flowId }),
    ...(item.nodeId === undefined ? {} : { nodeId: item.nodeId }),
  };
}

/** The bot's public reply under the contact's comment, linked to its outbox row. */
export function commentReplyLine(
  item: Extract<OutboxItem, { kind: "comment_reply" }>,
  at: number,
  outbox: number,
): NewTranscript {
  return {
    at,
    direction: "out",
    author: "bot",
    kind: "event",
    text: item.text,
    payload: { publicReply: { commentId: item.commentId } },
    outbox,
  };
}

/** What a person wrote to the contact (live chat, or the Page Inbox). */
export function agentLine(text: string | null, at: number, agent?: Actor): NewTranscript {
  const line: NewTranscript = { at, direction: "out", author: "agent", kind: "text", text };
  if (agent) line.payload = { agent: { id: agent.id, name: agent.name } };
  return line;
}
