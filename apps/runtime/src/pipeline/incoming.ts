import type { EngineEvent } from "@convo/engine";
import { type InboundEvent, toEngineEvent } from "@convo/messenger";
import type { NewTranscript } from "../store/contacts";
import type { InboxRow } from "../store/inbox";
import { systemLine } from "./system-lines";
import { readThreadControl, returnedLine, type ThreadControl } from "./thread-control";
import { agentLine } from "./transcript-lines";

/** What the worker makes of one inbox row before any step. */
export interface Incoming {
  /** The engine event to step, if the bot should react. */
  event: EngineEvent | undefined;
  /** Transcript lines the event itself adds (what the contact or an agent wrote). */
  transcript: NewTranscript[];
  /** The contact wrote: the 24-hour window opens again. */
  fromContact: boolean;
  /** A person answered in the Page Inbox: the bot keeps quiet for a while. */
  humanReplied: boolean;
  standby: boolean;
  /** A comment on a post: the flow's first message goes as its one private reply. */
  comment?: { commentId: string; commentedAt: number };
  /** The name the channel gave with the event (WhatsApp), split as a profile is. */
  contactName?: { firstName: string; lastName?: string };
  /** The handle the channel gave with the event (an Instagram comment's `from.username`). */
  contactUsername?: string;
  /** The checkbox plugin's user_ref the contact opted in with, answered at last (see parse). */
  priorUserRef?: string;
  /** Another app took the thread, or asks for it (a thread given back is a `resume` event). */
  thread?: Exclude<ThreadControl, { kind: "returned" }>;
}

function incomingLine(event: InboundEvent, at: number): NewTranscript | undefined {
  const base = { at, direction: "in" as const, author: "contact" as const };
  switch (event.kind) {
    case "text":
      return { ...base, kind: "text", text: event.text };
    case "quick_reply":
      return { ...base, kind: "quick_reply", text: event.text, payload: event.payload };
    case "attachments":
      return { ...base, kind: "attachment", text: event.text ?? null, payload: event.attachments };
    case "postback":
      return { ...base, kind: "postback", text: event.title ?? null, payload: event.payload };
    case "referral":
      return { ...base, kind: "event", text: null, payload: { referral: event.referral } };
    case "optin":
      return { ...base, kind: "event", text: null, payload: { optin: event.ref ?? null } };
    case "comment":
      return {
        ...base,
        kind: "event",
        text: event.text,
        payload: { comment: { commentId: event.commentId, postId: event.postId } },
      };
    default:
      return undefined;
  }
}

/**
 * Reads an inbox row: a Messenger event (normalised by @convo/messenger) or the runtime's own.
 * `ownAppId` is Convo's app, which thread-control events are read against.
 */
export function readIncoming(row: InboxRow, now: number, ownAppId?: string): Incoming {
  if (row.event.source === "runtime") {
    const event = row.event.event;
    return {
      event,
      // A person gave the contact back (or the hand-over's time ran out): the agent reading the
      // transcript sees where the bot took over again.
      transcript:
        event.type === "resume"
          ? [systemLine("The bot answers again", now, { line: "bot_resumed" })]
          : [],
      fromContact: false,
      humanReplied: false,
      standby: false,
    };
  }
  const event = row.event.event as unknown as InboundEvent;
  if (event.kind === "echo") {
    const text = event.text ?? (event.attachments ? "(attachment)" : null);
    return {
      event: undefined,
      transcript: [agentLine(text, now)],
      fromContact: false,
      humanReplied: event.fromPageInbox,
      standby: false,
    };
  }
  const control = event.channel === "standby" ? undefined : readThreadControl(event, ownAppId);
  if (control) {
    const quiet = { transcript: [], fromContact: false, humanReplied: false, standby: false };
    // Given back: the bot resumes as if an agent pressed "resume" (a waiting hand-over goes on).
    return control.kind === "returned"
      ? { ...quiet, event: { type: "resume" }, transcript: [returnedLine(control.from, now)] }
      : { ...quiet, event: undefined, thread: control };
  }
  const line = incomingLine(event, now);
  const standby = event.channel === "standby";
  const name = event.contactName?.trim();
  // A comment opens no messaging window: only its one private reply may answer it.
  const comment = event.kind === "comment";
  const [first, ...rest] = name ? name.split(/\s+/) : [];
  return {
    ...(first
      ? {
          contactName: {
            firstName: first,
            ...(rest.length > 0 ? { lastName: rest.join(" ") } : {}),
          },
        }
      : {}),
    event: standby ? undefined : toEngineEvent(event),
    transcript: line ? [line] : [],
    fromContact: line !== undefined && !comment,
    ...(event.kind === "comment"
      ? { comment: { commentId: event.commentId, commentedAt: event.timestamp } }
      : {}),
    humanReplied: false,
    standby,
    ...(event.priorUserRef === undefined ? {} : { priorUserRef: event.priorUserRef }),
    ...(event.contactUsername ? { contactUsername: event.contactUsername } : {}),
  };
}
