import type { Deps } from "../deps";
import { contactAddress, contactKey } from "../graph-api/contact-address";

/**
 * After a private reply: a Page's feed names the commenter by an id its messages do not use, and
 * Meta answers the private reply with the commenter's PSID as `recipient_id`. Their conversation
 * (the flow waiting on the reply, their name and tags, the transcript) moves to that PSID, so what
 * they type in Messenger goes on where the flow waits instead of starting over. An Instagram
 * comment names the commenter by their IGSID already: nothing moves there.
 */
export async function followPrivateReply(
  deps: Pick<Deps, "store" | "log" | "wake">,
  commenter: string,
  recipientId: string | undefined,
  now: number,
): Promise<void> {
  const { channel, id } = contactAddress(commenter);
  if (channel !== "messenger" || !recipientId || recipientId === id) return;
  const psid = contactKey("messenger", recipientId);
  if (await deps.store.contacts.move(commenter, psid, now)) {
    deps.log.info("commenter moved to their PSID", { from: commenter, psid });
    // An answer that came in meanwhile waits no longer than the next scan.
    deps.wake.inbox(psid);
  }
}
