import type { NewInboxEvent } from "./inbox";

/** What became of an event the brand posted (`GET /api/events/:id`). */
export type BrandEventStatus = "queued" | "sent" | "skipped" | "failed";

export interface BrandEventRow {
  id: string;
  idempotencyKey: string;
  /** `order.shipped`. */
  name: string;
  /** As the brand named the contact: `{ channel, id }`, `{ externalId }` or `{ userRef }`. */
  contact: Record<string, string>;
  /** The contact it was queued for (a `user_ref:` placeholder before the customer answers). */
  psid: string;
  data: Record<string, unknown>;
  status: BrandEventStatus;
  /** Why it was skipped: a `SkipReason` (rows of older versions may hold an English sentence). */
  reason: string | null;
  /** Meta's error when it failed. */
  error: { code: string; message: string } | null;
  /** Ids of the messages sent for it, in order. */
  messageIds: string[];
  createdAt: number;
  updatedAt: number;
}

export type NewBrandEvent = Pick<
  BrandEventRow,
  "id" | "idempotencyKey" | "name" | "contact" | "psid" | "data"
>;

/**
 * Why an event was skipped, as a code the brand's systems can branch on and the editor can
 * translate; `SKIP_REASON_TEXT` says it in English for the API's `reasonText`.
 */
export type SkipReason =
  | "outside_window"
  | "bot_paused"
  | "no_flow"
  | "no_message"
  | "contact_erased";

export const SKIP_REASON_TEXT: Readonly<Record<SkipReason, string>> = {
  outside_window:
    "Outside the 24-hour window, and the step has no message tag that allows sending.",
  bot_paused: "The bot is paused for this contact: a person has the conversation.",
  no_flow: "No flow is published.",
  no_message: "The flow sent no message for this event.",
  contact_erased: "The contact was erased before it was sent.",
};

/**
 * What an erase leaves of a brand event (SQLite and PostgreSQL alike, `$1` the time): no contact,
 * no data, no PSID; its status, a queued one skipped as `contact_erased`. So the brand's
 * `GET /api/events/:id` still answers, and its Idempotency-Key still finds the event.
 */
export const ERASED_EVENT_SQL = `UPDATE brand_events SET psid = '', contact = '{}', data = '{}',
  status = CASE WHEN status = 'queued' THEN 'skipped' ELSE status END,
  reason = CASE WHEN status = 'queued' THEN 'contact_erased' ELSE reason END,
  updated_at = $1 WHERE psid = $2`;

/** The end of an event: skipped with why, or failed with Meta's error. */
export type BrandEventOutcome =
  | { status: "skipped"; reason: SkipReason }
  | { status: "failed"; error: { code: string; message: string } };

/**
 * The events the brand's systems post. Each is accepted once per idempotency key, together with
 * the inbox event that steps it, so an event acknowledged is an event that will be stepped.
 */
export interface EventStore {
  /**
   * Accepts the events and their inbox events in one transaction. An event whose key was accepted
   * before is not accepted again: the earlier row comes back with `created: false`.
   */
  accept(
    events: readonly { event: NewBrandEvent; inbox: NewInboxEvent }[],
    now: number,
  ): Promise<{ row: BrandEventRow; created: boolean }[]>;
  get(id: string): Promise<BrandEventRow | undefined>;
  /** The contact's events, newest first. */
  ofContact(psid: string, limit: number): Promise<BrandEventRow[]>;
  settle(id: string, outcome: BrandEventOutcome, now: number): Promise<void>;
}
