import type { Session } from "@convo/engine";
import type { ContactPatch, NewTranscript } from "../store/contacts";
import type { OutboxItem } from "../store/outbox";
import type { StepRows } from "../store/steps";
import type { NewTimer } from "../store/timers";
import { type CounterHit, foldCounters } from "./counters";
import { commentReplyLine, outgoingLine } from "./transcript-lines";

/** Everything one engine step changes, as the worker gathers it; `toStepRows` makes it rows. */
export interface StepCommit {
  inboxId: number;
  psid: string;
  now: number;
  session: Session | null;
  contact: ContactPatch;
  /** Outgoing work in order. */
  outbox: OutboxItem[];
  receivedAt: number;
  transcript: NewTranscript[];
  counters: CounterHit[];
  timers: NewTimer[];
  externalIds?: string[];
  brandEvent?: StepRows["brandEvent"];
  outgoing?: StepRows["outgoing"];
  openConversation?: StepRows["openConversation"];
  resolveConversation?: boolean;
}

/**
 * The rows a step writes: each message queued gets its transcript line after the step's own
 * lines, linked to its outbox row, and the counters are folded. Takes over the commit's arrays.
 */
export function toStepRows(commit: StepCommit): StepRows {
  const { outbox, transcript } = commit;
  for (let i = 0; i < outbox.length; i++) {
    const item = outbox[i] as OutboxItem;
    if (item.kind === "message") transcript.push(outgoingLine(item, commit.now, i));
    if (item.kind === "comment_reply") transcript.push(commentReplyLine(item, commit.now, i));
  }
  return { ...commit, counters: foldCounters(commit.counters, commit.now) };
}
