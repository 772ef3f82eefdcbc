import { randomUUID } from "node:crypto";
import type { FlowRef, Session } from "@convo/engine";
import { contactAddress } from "../graph-api/contact-address";
import type { NewConversation } from "../store/conversations";

/** A new conversation's id: `cv_` and 128 random bits. */
export const newConversationId = () => `cv_${randomUUID().replaceAll("-", "")}`;

/**
 * The conversation a hand-over step opens: from the step the session waits at (the hand-over
 * node), with its reason (or its label) as the agent will read it in the queue.
 */
export function handoverConversation(
  psid: string,
  session: Session,
  byId: ReadonlyMap<string, FlowRef>,
  now: number,
): NewConversation {
  const waiting = session.waiting?.kind === "handover" ? session.waiting : undefined;
  const node = waiting
    ? byId.get(waiting.flowId)?.flow.nodes.find((n) => n.id === waiting.nodeId)
    : undefined;
  const data = node?.type === "handover" ? node.data : undefined;
  return {
    id: newConversationId(),
    psid,
    channel: contactAddress(psid).channel,
    reason: data?.reason ?? data?.label ?? null,
    flowId: waiting?.flowId ?? null,
    nodeId: waiting?.nodeId ?? null,
    openedAt: now,
  };
}

/** The conversation a person opens by pausing the bot for the contact. */
export function pausedConversation(psid: string, now: number): NewConversation {
  return {
    id: newConversationId(),
    psid,
    channel: contactAddress(psid).channel,
    reason: null,
    flowId: null,
    nodeId: null,
    openedAt: now,
  };
}
