import type { Session } from "@convo/engine";
import type { OutboxStatus } from "./outbox";

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
  /** Part of a name, the id or a field value. */
  search?: string;
  tag?: string;
  paused?: boolean;
  limit: number;
  /** Cursor: `lastActivityAt` of the last contact of the previous page. */
  before?: number;
}

/** What a step changes on a contact: an absent key leaves the column as it is. */
export interface ContactPatch {
  fields?: Record<string, string>;
  tags?: string[];
  paused?: boolean;
  pausedUntil?: number | null;
  currentFlow?: string | null;
  lastUserMessageAt?: number;
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
  /** The flow and step that sent a bot's message, so a reader sees which flow answered. */
  flowId?: string;
  nodeId?: string;
}

/** A transcript line to write; the pipeline decides what it says. */
export interface NewTranscript extends Omit<TranscriptRow, "id" | "psid" | "status"> {
  /**
   * The line of an outgoing message: the index of its row in the same write's outbox items. The
   * line is linked to that row, so the transcript shows whether it was delivered.
   */
  outbox?: number;
}

/** Contacts and what is kept about each: profile, pause, session, transcript. */
export interface ContactStore {
  get(psid: string): Promise<ContactRow | undefined>;
  /** Most recently active first. */
  list(query: ContactQuery): Promise<ContactRow[]>;
  /** The contact, created on first sight. */
  ensure(psid: string, now: number): Promise<ContactRow>;
  /** Sets the fields given (others stay) and marks the profile fetched, even with none given. */
  setProfile(
    psid: string,
    profile: { firstName?: string; lastName?: string; locale?: string; profilePic?: string },
  ): Promise<void>;
  /**
   * The contact's locale, as chosen (the sandbox's tester) rather than read: the profile still
   * counts as not fetched, so the channel's profile (a name, a handle) is asked for as usual.
   */
  setLocale(psid: string, locale: string): Promise<void>;
  setPaused(psid: string, paused: boolean, pausedUntil: number | null): Promise<void>;
  session(psid: string): Promise<Session | undefined>;
  /** The `limit` lines before the line id `before` (the newest without it), oldest first. */
  transcript(psid: string, limit: number, before?: number): Promise<TranscriptRow[]>;
  /** Everything stored about a contact, for a data-access request. */
  export(psid: string): Promise<Record<string, unknown> | undefined>;
  /**
   * Erases the contact and every row about them; false when nothing was stored. The brand's
   * events for them keep only what the brand's own systems sent (id, key, name) and what became
   * of them; one still queued is skipped, `contact_erased` (see `ERASED_EVENT_SQL`).
   */
  erase(psid: string, now: number): Promise<boolean>;
  /**
   * The person known as `from` turned out to be `to` (a Page commenter, named by the feed with
   * an id Messenger does not use, whose PSID the private reply's answer gave): in one
   * transaction their session (overriding any of `to`'s), timers, transcript and external ids
   * move to `to`, created if need be; `to` keeps its own name, fields and locale where it has
   * them, takes `from`'s otherwise, and gets both's tags. `from` stays with the rows that are
   * history (its inbox and sent outbox rows). False when `from` is unknown.
   */
  move(from: string, to: string, now: number): Promise<boolean>;
}
