import type { Session } from "@convo/engine";
import type { ContactPatch, NewTranscript } from "./contacts";
import type { NewConversation } from "./conversations";
import type { BrandEventOutcome } from "./events";
import type { OutboxItem } from "./outbox";
import type { CounterBump } from "./stats";
import type { NewTimer } from "./timers";
import type { OutgoingEvent } from "./webhooks";

/** The rows one engine step writes, decided by the pipeline (`pipeline/step-commit.ts`). */
export interface StepRows {
  inboxId: number;
  psid: string;
  now: number;
  /** The session to keep; null deletes it. */
  session: Session | null;
  contact: ContactPatch;
  /** Outgoing work, in the order it is sent, after the contact's queued rows. */
  outbox: readonly OutboxItem[];
  /** When the event reached the webhook, kept on the outbox rows (latency metric). */
  receivedAt: number;
  /** In order; a line with `outbox` is linked to that outbox row. */
  transcript: readonly NewTranscript[];
  counters: readonly CounterBump[];
  timers: readonly NewTimer[];
  /** External ids the step linked to the contact. */
  externalIds?: readonly string[];
  /** The brand event this step ended, when it ended it (skipped; sends settle it later). */
  brandEvent?: { id: string; outcome: BrandEventOutcome };
  /** Events out to the brand's endpoints, queued with the step. */
  outgoing?: readonly OutgoingEvent[];
  /** The contact asked for a person: their conversation opens (unless one is open already). */
  openConversation?: NewConversation;
  /** The bot resumed: the contact's open conversation, if any, is resolved. */
  resolveConversation?: boolean;
}

/** What a step changes, written in one transaction across the tables. */
export interface StepStore {
  /** Patches the contact, keeps the session, adds the rows, and finishes the inbox event. */
  commit(step: StepRows): Promise<void>;
}
