import type { ContactChanges, EngineEvent, FlowRef } from "@convo/engine";
import type { Deps } from "../deps";
import type { ContactRow } from "../store/contacts";
import type { ConversationRow, NewConversation } from "../store/conversations";
import { handoverConversation } from "./handover-conversation";
import type { StepCommit } from "./step-commit";

/** What a step does to the contact's conversation with a person. */
export interface StepConversation {
  /** The open one, resolved by this step. */
  resolved?: ConversationRow;
  /** The one this step opens (kept only when none is open). */
  opening?: NewConversation;
}

/**
 * A step's part in the inbox, added to its commit: handed back to the bot (a `resume`, or a
 * person's pause for some minutes ran out) resolves the open conversation; a hand-over step
 * opens one.
 */
export async function stepConversation(
  deps: Pick<Deps, "store">,
  commit: StepCommit,
  contact: ContactRow,
  event: EngineEvent,
  changes: ContactChanges,
  byId: ReadonlyMap<string, FlowRef>,
): Promise<StepConversation> {
  const { now } = commit;
  const pauseRanOut = contact.paused && contact.pausedUntil !== null && contact.pausedUntil <= now;
  const resolved =
    event.type === "resume" || pauseRanOut
      ? await deps.store.conversations.openFor(contact.psid)
      : undefined;
  const session = commit.session;
  const opening =
    changes.handover && session
      ? handoverConversation(contact.psid, session, byId, now)
      : undefined;
  if (resolved) commit.resolveConversation = true;
  if (opening) commit.openConversation = opening;
  return { ...(resolved ? { resolved } : {}), ...(opening ? { opening } : {}) };
}

/** Once the step is committed: the agents' inboxes hear what it did. */
export async function tellStepConversation(
  deps: Pick<Deps, "store" | "conversationFeed">,
  psid: string,
  change: StepConversation,
  now: number,
): Promise<void> {
  if (change.resolved) {
    const conversationId = change.resolved.id;
    deps.conversationFeed.publish({ type: "resolved", conversationId, psid, at: now });
  }
  if (change.opening) {
    // Told even when one was open already (a second hand-over): the client reads the queue.
    const open = await deps.store.conversations.openFor(psid);
    if (open) {
      deps.conversationFeed.publish({ type: "opened", conversationId: open.id, psid, at: now });
    }
  }
}

/** The customer wrote while a person has the conversation: the agents' inboxes hear of it. */
export async function tellCustomerMessage(
  deps: Pick<Deps, "store" | "conversationFeed">,
  psid: string,
  now: number,
): Promise<void> {
  const open = await deps.store.conversations.openFor(psid);
  if (open) {
    deps.conversationFeed.publish({
      type: "message",
      conversationId: open.id,
      psid,
      at: now,
      from: "contact",
    });
  }
}
