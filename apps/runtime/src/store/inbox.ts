import type { EngineEvent } from "@convo/engine";

/** What the inbox holds: a normalised Messenger event, or one the runtime made for itself. */
export type InboxEvent =
  | { source: "messenger"; event: { kind: string; psid: string | null } & Record<string, unknown> }
  | {
      source: "runtime";
      event: EngineEvent;
      /** The brand event (`POST /api/events`) this steps: its outcome is recorded against it. */
      brandEventId?: string;
    };

export interface NewInboxEvent {
  /** Unique: an event inserted again with the same key is dropped. */
  dedupeKey: string;
  psid: string | null;
  kind: string;
  event: InboxEvent;
  /** Events no contact answers (delivery, read, unknown kinds) are kept but not stepped. */
  actionable: boolean;
  /**
   * The echo of one of Convo's own sends: the outbox row it names (when it is the contact's) is
   * sent, whatever the sender knew (it may have crashed, or timed out, after Meta took it), and
   * so is the brand event it answers, if any.
   */
  confirms?: { outboxId: number; messageId: string };
  /**
   * A channel's report that one of Convo's sends failed after it was accepted (a WhatsApp
   * `failed` status): the outbox row it names (when it is the contact's) is failed, with the reason.
   */
  fails?: { outboxId: number; reason: string; code: string };
}

export interface InboxRow {
  id: number;
  psid: string;
  kind: string;
  event: InboxEvent;
  attempts: number;
  receivedAt: number;
}

export interface FailedEvent {
  id: number;
  psid: string;
  kind: string;
  error: string | null;
  attempts: number;
  receivedAt: number;
}

/**
 * Incoming events, handed out per contact: a contact's oldest pending event, one in hand at a
 * time, in arrival order. An event is finished by the step's commit (`StepStore.commit`).
 */
export interface InboxQueue {
  /**
   * Inserts new events in one transaction, durably (on disk, through a power cut, before it
   * resolves: the caller acknowledges them); returns how many were new (not redelivered).
   */
  insert(events: readonly NewInboxEvent[], now: number): Promise<number>;
  /**
   * Takes the contact's oldest pending event, unless one of its events is in hand; `more` says
   * whether another waits behind it.
   */
  claimNext(psid: string): Promise<{ row: InboxRow | undefined; more: boolean }>;
  /** Contacts whose oldest unfinished event is pending (not in hand), oldest first, skipping `exclude`. */
  pendingContacts(limit: number, exclude: ReadonlySet<string>): Promise<string[]>;
  /** Back to pending: the given rows in hand, or all of them (a crashed or stopped process's). */
  release(ids?: readonly number[]): Promise<void>;
  /** The event's step failed: it stays aside, with the error, until retried. */
  fail(inboxId: number, error: string): Promise<void>;
  /** Events whose step failed, newest first, with the error. */
  failed(): Promise<FailedEvent[]>;
  /** Back to pending: the event is stepped again. Undefined when no failed event has that id. */
  retryFailed(id: number): Promise<{ psid: string } | undefined>;
}

/** An event kept for the record (`recorded`): what an operator reads of what Convo did not answer. */
export interface RecordedEvent {
  id: number;
  /** The contact's id, or "" when the event concerns none. */
  psid: string;
  kind: string;
  event: InboxEvent;
  receivedAt: number;
}

/** The events of a few rare kinds (unknown events, policy enforcement), newest first. */
export interface InboxRecords {
  /** At most `limit` events whose kind is one of `kinds` (indexed: see `RECORD_KINDS`). */
  recorded(kinds: readonly RecordKind[], limit: number): Promise<RecordedEvent[]>;
}

/** The kinds `InboxRecords` lists; both stores index exactly these. */
export const RECORD_KINDS = ["unknown", "standby:unknown", "policy_enforcement"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
