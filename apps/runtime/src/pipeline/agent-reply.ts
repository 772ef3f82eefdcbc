import type { Deps } from "../deps";
import type { ContactRow } from "../store/contacts";
import type { Actor } from "../store/conversations";
import { agentLine } from "./transcript-lines";

/** The 24-hour window after the contact's last message. */
const WINDOW_MS = 24 * 60 * 60_000;

/**
 * Queues a person's reply from live chat behind the bot's messages: a response inside the
 * 24-hour window, tagged `HUMAN_AGENT` outside it. Returns the outbox row's id.
 */
export async function queueAgentReply(
  deps: Pick<Deps, "store" | "wake">,
  contact: ContactRow,
  text: string,
  now: number,
  /** The person replying, named in the transcript (the inbox); absent from older callers. */
  agent?: Actor,
): Promise<number> {
  const inWindow =
    contact.lastUserMessageAt !== null && now - contact.lastUserMessageAt < WINDOW_MS;
  const outboxId = await deps.store.outbox.enqueue(
    contact.psid,
    {
      kind: "message",
      message: { kind: "text", text },
      author: "agent",
      ...(inWindow ? {} : { tag: "HUMAN_AGENT" as const }),
    },
    agentLine(text, now, agent),
    now,
  );
  deps.wake.outbox(contact.psid);
  return outboxId;
}
