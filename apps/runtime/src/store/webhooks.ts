import { randomBytes } from "node:crypto";
import type { OutEventType } from "./out-event-types";

export { OUT_EVENT_TYPES, type OutEventType } from "./out-event-types";

/**
 * Events out: the brand's HTTPS endpoints and the durable queue of deliveries to them. Each
 * delivery carries its event's id, so a receiver drops what it got twice.
 */
export interface WebhookEndpointRow {
  id: string;
  url: string;
  /** Event types it receives (`contact.created`, …); `*` for all. */
  events: string[];
  createdAt: number;
}

export type WebhookDeliveryStatus = "pending" | "delivered" | "failed";

export interface WebhookDeliveryRow {
  id: string;
  endpointId: string;
  /** The event's type; the body holds its id. */
  type: string;
  /** The JSON body, exactly as signed and sent. */
  body: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  lastStatus: number | null;
  createdAt: number;
  deliveredAt: number | null;
}

/** One event for the brand: every endpoint that takes its type gets a delivery. */
export interface OutgoingEvent {
  id: string;
  type: string;
  body: string;
}

/**
 * One event for the brand's endpoints: `{ id, type, createdAt, data }`. The id is the receiver's
 * key for dropping a delivery it got twice (a retry after a lost answer).
 */
export function outEvent(
  type: OutEventType,
  data: Record<string, unknown>,
  now: number,
): OutgoingEvent {
  const id = `wev_${randomBytes(12).toString("hex")}`;
  return {
    id,
    type,
    body: JSON.stringify({ id, type, createdAt: new Date(now).toISOString(), data }),
  };
}

/** A brand event's message reached the customer (the message id Meta gave it). */
export const deliveredEvent = (eventId: string, messageId: string, now: number) =>
  outEvent("event.delivered", { eventId, messageId }, now);

export interface WebhookStore {
  createEndpoint(endpoint: WebhookEndpointRow & { secret: string }): Promise<void>;
  endpoints(): Promise<WebhookEndpointRow[]>;
  /** The signing secret of an endpoint (never listed). */
  secretOf(endpointId: string): Promise<string | undefined>;
  /** False when there was no such endpoint; its pending deliveries go with it. */
  deleteEndpoint(id: string): Promise<boolean>;
  /** Queues a delivery per subscribed endpoint; returns how many. */
  enqueue(events: readonly OutgoingEvent[], now: number): Promise<number>;
  /** Pending deliveries due by `now`, oldest first. */
  due(now: number, limit: number): Promise<WebhookDeliveryRow[]>;
  /** When the next pending delivery comes due. */
  nextDueAt(): Promise<number | undefined>;
  delivered(id: string, status: number, now: number): Promise<void>;
  /** Another attempt at `at`; with `at` null it is given up (failed). */
  attemptFailed(id: string, at: number | null, error: string, status: number | null): Promise<void>;
  /** Newest first. */
  deliveries(limit: number): Promise<WebhookDeliveryRow[]>;
}
