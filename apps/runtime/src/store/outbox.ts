import type { AiRequest, HttpRequest, OutMessage } from "@convo/engine";
import type { OutTemplate, UpdateTag } from "@convo/flow";
import type { NewTranscript } from "./contacts";
import type { BrandEventOutcome } from "./events";
import type { NewInboxEvent } from "./inbox";
import type { OutgoingEvent } from "./webhooks";

export type OutboxItem =
  | {
      kind: "message";
      message: OutMessage;
      flowId?: string;
      version?: number;
      nodeId?: string;
      /**
       * Used only when the window is closed at send time: `HUMAN_AGENT` for an agent's reply, a
       * step's update tag for a bot message.
       */
      tag?: "HUMAN_AGENT" | UpdateTag;
      /** WhatsApp outside the 24-hour window: the approved template it goes as. */
      template?: OutTemplate;
      /** The one private reply to a comment (Messenger, Instagram): sent to `{ comment_id }`. */
      privateReply?: { commentId: string; commentedAt: number };
      author: "bot" | "agent";
      /** The brand event (`POST /api/events`) the message answers: settled as it goes. */
      brandEventId?: string;
    }
  | { kind: "typing"; seconds: number }
  /** A public reply under a comment (Messenger: the comment's `comments`; Instagram: `replies`). */
  | { kind: "comment_reply"; commentId: string; text: string }
  /** Handover Protocol: the thread passes to another app (a help desk, the Page Inbox). */
  | { kind: "pass_thread"; appId: string; metadata: string }
  | { kind: "http"; requestId: string; request: HttpRequest; nodeId: string }
  /** An AI step's question to the brand's model (never the key: the host adds it when it asks). */
  | { kind: "ai"; requestId: string; request: AiRequest; nodeId: string };

export type OutboxStatus = "queued" | "sent" | "failed" | "parked";

export interface OutboxRow {
  id: number;
  psid: string;
  item: OutboxItem;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  reason: string | null;
  code: string | null;
  messageId: string | null;
  /**
   * How many of the Send API calls that show the message Meta took (a WhatsApp gallery is one
   * per card): a retry after a failure midway sends the rest only.
   */
  partsSent: number;
  createdAt: number;
  /** When the event that caused this send reached the webhook (latency metric). */
  receivedAt: number | null;
}

export interface OutboxClaim {
  row: OutboxRow | undefined;
  /** The contact's last message, for the 24-hour window (read with a message row only). */
  lastUserMessageAt: number | null;
  /** When the contact's next row comes due, when it is not due yet. */
  nextAt: number | undefined;
  /** Another row of the contact's waits behind this one. */
  more: boolean;
}

/**
 * Outgoing work (messages, typing indicators, HTTP actions), handed out per contact in order: a
 * contact's next row waits until the one before is sent or parked. A row taken for sending is
 * held (claimed) until its outcome is recorded.
 */
export interface OutboxQueue {
  /**
   * Takes the contact's oldest queued row when it is due and nobody holds it; otherwise `nextAt`
   * says when it comes due.
   */
  claimNext(psid: string, now: number): Promise<OutboxClaim>;
  /**
   * Contacts whose oldest queued row is due and not held, oldest first, skipping `exclude`;
   * `nextAt` is when the first of the others comes due.
   */
  dueContacts(
    now: number,
    limit: number,
    exclude: ReadonlySet<string>,
  ): Promise<{ psids: string[]; nextAt: number | undefined }>;
  /**
   * Held rows go back to the queue (at start, every one; with `claimedBefore`, those held since
   * before then). Messages among them may have reached Meta: they wait until `hold.until` at least,
   * with `hold.reason`, for their echo. Returns how many were released.
   */
  release(hold: { until: number; reason: string }, claimedBefore?: number): Promise<number>;
  /**
   * Sent: an echo may have confirmed it first, whose message id and time then stay; a failure
   * report that came first (a WhatsApp `failed` status racing the answer) keeps it failed.
   * With `brandEventId`, the brand event the message answers is sent too, with the message id,
   * and the brand's endpoints get `event.delivered` once per message id, all in the same write:
   * a crash right after it cannot leave the event queued (the echo finds the row already sent).
   */
  markSent(id: number, messageId: string | null, now: number, brandEventId?: string): Promise<void>;
  /** The first `parts` calls of a message shown as several reached Meta (see `partsSent`). */
  markPartsSent(id: number, parts: number): Promise<void>;
  /** Back in the queue until `nextAttemptAt`, unless it is no longer queued (an echo settled it). */
  markRetry(id: number, nextAttemptAt: number, reason: string, code: string): Promise<void>;
  /**
   * Set aside for an operator, with the reason; in the same write, its brand event takes its
   * outcome and the brand's endpoints are told (`news`), so a crash cannot leave the event queued
   * behind a parked row.
   */
  markParked(
    id: number,
    reason: string,
    code: string,
    now: number,
    news?: ParkedNews,
  ): Promise<void>;
  /** An HTTP action finished: its row is done and its answer joins the inbox, in one transaction. */
  completeHttp(id: number, answer: NewInboxEvent, now: number): Promise<void>;
  /**
   * Queues one message outside a step (an agent's reply) behind the contact's rows, with its
   * transcript line linked to it, and counts as the contact's activity. Returns the row's id.
   */
  enqueue(psid: string, item: OutboxItem, line: NewTranscript, now: number): Promise<number>;
  /** Parked rows, newest first. */
  parked(): Promise<OutboxRow[]>;
  /** A parked row goes back to the queue, due at `now`; false when no parked row has that id. */
  retryParked(id: number, now: number): Promise<boolean>;
}

/** What a message set aside for good tells: its brand event's outcome, and the events out. */
export interface ParkedNews {
  brandEvent?: { id: string; outcome: BrandEventOutcome };
  told: readonly OutgoingEvent[];
}
