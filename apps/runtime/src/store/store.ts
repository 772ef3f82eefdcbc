/**
 * Everything the runtime keeps, behind one interface so a PostgreSQL store can follow the SQLite
 * one (DESIGN.md, "Scale"). Methods are async for that reason even though SQLite answers at once.
 * Each method that changes more than one row is one transaction.
 */
import type { EngineEvent, HttpRequest, OutMessage, Session } from "@convo/engine";
import type { Flow } from "@convo/flow";

export interface FlowRow {
  id: string;
  name: string;
  draft: Flow;
  revision: number;
  createdAt: number;
  updatedAt: number;
  publishedVersion: number | null;
  publishedAt: number | null;
  /** Draft revision the latest version was published from. */
  publishedRevision: number | null;
}

export interface FlowVersionRow {
  flowId: string;
  version: number;
  flow: Flow;
  note: string;
  publishedAt: number;
  publishedBy: string;
}

export interface ContactRow {
  psid: string;
  firstName: string | null;
  lastName: string | null;
  locale: string | null;
  profilePic: string | null;
  profileFetched: boolean;
  fields: Record<string, string>;
  tags: string[];
  paused: boolean;
  /** When a pause ends by itself; null while paused until resumed. */
  pausedUntil: number | null;
  lastUserMessageAt: number | null;
  lastActivityAt: number;
  createdAt: number;
  currentFlow: string | null;
}

export interface ContactQuery {
  search?: string;
  tag?: string;
  paused?: boolean;
  limit: number;
  /** Cursor: `lastActivityAt` of the last contact of the previous page. */
  before?: number;
}

/** What the inbox holds: a normalised Messenger event, or one the runtime made for itself. */
export type InboxEvent =
  | { source: "messenger"; event: { kind: string; psid: string | null } & Record<string, unknown> }
  | { source: "runtime"; event: EngineEvent };

export interface NewInboxEvent {
  dedupeKey: string;
  psid: string | null;
  kind: string;
  event: InboxEvent;
  /** Events no contact answers (delivery, read, unknown kinds) are kept but not stepped. */
  actionable: boolean;
  /**
   * The echo of one of Convo's own sends: the outbox row it names is sent, whatever the sender
   * knew (it may have crashed, or timed out, after Meta took the message).
   */
  confirms?: { outboxId: number; messageId: string };
}

export interface InboxRow {
  id: number;
  psid: string;
  kind: string;
  event: InboxEvent;
  attempts: number;
  receivedAt: number;
}

export type OutboxItem =
  | {
      kind: "message";
      message: OutMessage;
      flowId?: string;
      version?: number;
      nodeId?: string;
      /** `HUMAN_AGENT` for an agent's reply outside the 24-hour window. */
      tag?: "HUMAN_AGENT";
      author: "bot" | "agent";
    }
  | { kind: "typing"; seconds: number }
  | { kind: "http"; requestId: string; request: HttpRequest; nodeId: string };

export type OutboxStatus = "queued" | "sent" | "failed" | "parked";

export interface FailedEvent {
  id: number;
  psid: string;
  kind: string;
  error: string | null;
  attempts: number;
  receivedAt: number;
}

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
  createdAt: number;
  /** When the event that caused this send reached the webhook (latency metric). */
  receivedAt: number | null;
}

export type TranscriptAuthor = "contact" | "bot" | "agent" | "system";
export type TranscriptKind =
  | "text"
  | "postback"
  | "quick_reply"
  | "attachment"
  | "template"
  | "event";

export interface TranscriptRow {
  id: number;
  psid: string;
  at: number;
  direction: "in" | "out";
  author: TranscriptAuthor;
  kind: TranscriptKind;
  text: string | null;
  payload?: unknown;
  /** Status of the outbox row behind an outgoing entry. */
  status?: OutboxStatus;
}

export type NewTranscript = Omit<TranscriptRow, "id" | "psid" | "status">;

export interface CounterHit {
  flowId: string;
  version: number;
  nodeId: string;
  handle: string | null;
}

export interface ContactPatch {
  fields?: Record<string, string>;
  tags?: string[];
  paused?: boolean;
  pausedUntil?: number | null;
  currentFlow?: string | null;
  lastUserMessageAt?: number;
}

/** Everything one engine step changes, written in one transaction with the inbox row done. */
export interface StepCommit {
  inboxId: number;
  psid: string;
  now: number;
  session: Session | null;
  contact: ContactPatch;
  /** Outgoing work in order; each `message` gets a transcript entry linked to it. */
  outbox: OutboxItem[];
  receivedAt: number;
  transcript: NewTranscript[];
  counters: CounterHit[];
  timers: { timerId: string; dueAt: number; event: EngineEvent }[];
}

export interface QueueDepths {
  inboxPending: number;
  outboxQueued: number;
  outboxParked: number;
  timers: number;
}

export interface FlowStats {
  nodes: Record<string, { entered: number }>;
  handles: Record<string, Record<string, number>>;
}

export type SaveDraftResult =
  | { ok: true; revision: number; updatedAt: number }
  | { ok: false; current: { revision: number; updatedAt: number } };

export interface Store {
  close(): void;
  isReady(): boolean;

  getSetting(key: string): Promise<string | undefined>;
  setSetting(key: string, value: string): Promise<void>;

  listFlows(): Promise<FlowRow[]>;
  getFlow(id: string): Promise<FlowRow | undefined>;
  /** False when a flow with that id exists (and `overwrite` is not set). */
  createFlow(flow: Flow, now: number, overwrite?: boolean): Promise<boolean>;
  saveDraft(
    id: string,
    flow: Flow,
    expectedRevision: number | undefined,
    now: number,
  ): Promise<SaveDraftResult | undefined>;
  deleteFlow(id: string): Promise<boolean>;
  publishFlow(id: string, flow: Flow, note: string, by: string, now: number): Promise<number>;
  listVersions(id: string): Promise<Omit<FlowVersionRow, "flow">[]>;
  getVersion(id: string, version: number): Promise<FlowVersionRow | undefined>;
  /** The newest version of every published flow. */
  publishedFlows(): Promise<FlowVersionRow[]>;
  flowStats(id: string, fromDay: number, toDay: number): Promise<FlowStats>;

  getContact(psid: string): Promise<ContactRow | undefined>;
  listContacts(query: ContactQuery): Promise<ContactRow[]>;
  ensureContact(psid: string, now: number): Promise<ContactRow>;
  setProfile(
    psid: string,
    profile: { firstName?: string; lastName?: string; locale?: string; profilePic?: string },
  ): Promise<void>;
  setPaused(psid: string, paused: boolean, pausedUntil: number | null): Promise<void>;
  getSession(psid: string): Promise<Session | undefined>;
  listTranscript(psid: string, limit: number, before?: number): Promise<TranscriptRow[]>;
  /** Everything stored about a contact, for a data-access request. */
  exportContact(psid: string): Promise<Record<string, unknown> | undefined>;
  /** Erases the contact and every row about them. */
  eraseContact(psid: string): Promise<boolean>;

  /** Inserts new events in one transaction; redelivered ones (same dedupe key) are dropped. */
  insertInbox(events: NewInboxEvent[], now: number): Promise<number>;
  /**
   * Takes the contact's oldest pending event, unless one of its events is in hand; `more` says
   * whether another waits behind it. One event at a time per contact, in arrival order.
   */
  claimNextInbox(psid: string): Promise<{ row: InboxRow | undefined; more: boolean }>;
  /** Contacts with pending events, oldest first, skipping `exclude`. */
  pendingInboxContacts(limit: number, exclude: ReadonlySet<string>): Promise<string[]>;
  /** Back to pending: rows a crashed or stopped process had claimed. */
  releaseInbox(ids?: readonly number[]): Promise<void>;
  /** Marks an event done without a step (recorded only), with optional transcript entries. */
  finishInbox(
    inboxId: number,
    psid: string,
    transcript: NewTranscript[],
    now: number,
  ): Promise<void>;
  failInbox(inboxId: number, error: string): Promise<void>;
  /** Events whose step failed, newest first, with the error. */
  listFailedInbox(): Promise<FailedEvent[]>;
  /** Back to pending: the event is stepped again. False when no failed event has that id. */
  retryFailedInbox(id: number): Promise<{ psid: string } | undefined>;
  commitStep(commit: StepCommit): Promise<void>;

  /**
   * Takes the contact's oldest queued row for sending when it is due and nobody holds it; `nextAt`
   * says when it comes due otherwise. The row is held (claimed) until sent, retried or parked.
   */
  claimNextOutbox(
    psid: string,
    now: number,
  ): Promise<{
    row: OutboxRow | undefined;
    /** The contact's last message, for the 24-hour window. */
    lastUserMessageAt: number | null;
    nextAt: number | undefined;
    /** Another row of the contact's waits behind this one. */
    more: boolean;
  }>;
  /**
   * Contacts whose oldest queued row is due and not held, oldest first, skipping `exclude`;
   * `nextAt` is when the first of the others comes due.
   */
  dueOutboxContacts(
    now: number,
    limit: number,
    exclude: ReadonlySet<string>,
  ): Promise<{ psids: string[]; nextAt: number | undefined }>;
  /**
   * At start: rows a stopped process held go back to the queue. Messages among them may have
   * reached Meta, so they wait `messageHoldMs` for their echo before they are sent again. With
   * `claimedBefore`, only rows held since before then (a live process lost track of them).
   */
  releaseOutbox(now: number, messageHoldMs: number, claimedBefore?: number): Promise<number>;
  nextOutboxAt(): Promise<number | undefined>;
  markSent(id: number, messageId: string | null, now: number): Promise<void>;
  markRetry(id: number, nextAttemptAt: number, reason: string, code: string): Promise<void>;
  markParked(id: number, reason: string, code: string, now: number): Promise<void>;
  /** An HTTP action finished: the outbox row is done and its answer joins the inbox, at once. */
  completeHttp(id: number, psid: string, answer: EngineEvent, now: number): Promise<void>;
  enqueueAgentMessage(psid: string, item: OutboxItem, text: string, now: number): Promise<number>;
  listParked(): Promise<OutboxRow[]>;
  retryParked(id: number, now: number): Promise<boolean>;

  /** Due timers become inbox events (one transaction); returns how many fired. */
  fireTimers(now: number, limit: number): Promise<number>;
  nextTimerAt(): Promise<number | undefined>;

  queueDepths(): Promise<QueueDepths>;
}
