import type {
  OutgoingEvent,
  WebhookDeliveryRow,
  WebhookDeliveryStatus,
  WebhookEndpointRow,
  WebhookStore,
} from "../webhooks";
import { alive, type PgDatabase, prepared } from "./database";

interface EndpointRecord {
  id: string;
  url: string;
  events: string[];
  created_at: number;
}

interface DeliveryRecord {
  id: string;
  endpoint_id: string;
  type: string;
  body: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  last_status: number | null;
  created_at: number;
  delivered_at: number | null;
}

const toEndpoint = (r: EndpointRecord): WebhookEndpointRow => ({
  id: r.id,
  url: r.url,
  events: r.events,
  createdAt: r.created_at,
});

const toDelivery = (r: DeliveryRecord): WebhookDeliveryRow => ({
  id: r.id,
  endpointId: r.endpoint_id,
  type: r.type,
  body: r.body,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  lastStatus: r.last_status,
  createdAt: r.created_at,
  deliveredAt: r.delivered_at,
});

/** A delivery in hand this long was abandoned (the sender gives an attempt 10 s). */
const ABANDONED_MS = 60_000;

const DELIVERY = `id, endpoint_id, type, body, status, attempts, next_attempt_at, last_error,
  last_status, created_at, delivered_at`;

/**
 * A delivery per endpoint that takes each event's type, in the events' order: the parameters
 * named hold the types, the bodies and the time. The step commit (`steps.ts`) inlines it behind
 * its fence (`guard`).
 */
export const enqueueSql = (types: string, bodies: string, now: string, guard = "true") => `
  INSERT INTO webhook_deliveries (id, endpoint_id, type, body, status, next_attempt_at, created_at)
  SELECT 'dlv_' || replace(gen_random_uuid()::text, '-', ''), e.id, o.type, o.body, 'pending',
    ${now}, ${now}
  FROM unnest(${types}::text[], ${bodies}::text[]) WITH ORDINALITY AS o(type, body, n)
  JOIN webhook_endpoints e ON e.events ? '*' OR e.events ? o.type
  WHERE ${guard}
  ORDER BY o.n, e.created_at, e.id
  ON CONFLICT (id) DO NOTHING`;

/**
 * Events out: the endpoints, and the deliveries to them. A delivery being sent is in hand (its
 * owner column): `due` claims with SKIP LOCKED, so two replicas never send one attempt at once,
 * and a dead replica's deliveries are anyone's again.
 */
export class PgWebhooks implements WebhookStore {
  constructor(private readonly db: PgDatabase) {}

  async createEndpoint(e: WebhookEndpointRow & { secret: string }) {
    await prepared(
      this.db.pool,
      "INSERT INTO webhook_endpoints (id, url, events, secret, created_at) VALUES ($1, $2, $3::jsonb, $4, $5)",
      [e.id, e.url, JSON.stringify(e.events), e.secret, e.createdAt],
    );
  }

  async endpoints() {
    const { rows } = await prepared<EndpointRecord>(
      this.db.pool,
      "SELECT id, url, events, created_at FROM webhook_endpoints ORDER BY created_at, id",
    );
    return rows.map(toEndpoint);
  }

  async secretOf(id: string) {
    const { rows } = await prepared<{ secret: string }>(
      this.db.pool,
      "SELECT secret FROM webhook_endpoints WHERE id = $1",
      [id],
    );
    return rows[0]?.secret;
  }

  async deleteEndpoint(id: string) {
    return this.db.tx(async (q) => {
      await prepared(
        q,
        "DELETE FROM webhook_deliveries WHERE endpoint_id = $1 AND status = 'pending'",
        [id],
      );
      const { rowCount } = await prepared(q, "DELETE FROM webhook_endpoints WHERE id = $1", [id]);
      return (rowCount ?? 0) > 0;
    });
  }

  async enqueue(events: readonly OutgoingEvent[], now: number) {
    if (events.length === 0) return 0;
    const { rowCount } = await prepared(this.db.pool, enqueueSql("$1", "$2", "$3"), [
      events.map((e) => e.type),
      events.map((e) => e.body),
      now,
    ]);
    return rowCount ?? 0;
  }

  async due(now: number, limit: number) {
    // Nobody's, a dead replica's, or left unsettled well past the sender's time-out (its
    // delivery failed to report; tried again, as after a crash).
    const { rows } = await prepared<DeliveryRecord>(
      this.db.pool,
      `WITH free AS (
         SELECT id FROM webhook_deliveries d
         WHERE status = 'pending' AND next_attempt_at <= $1
           AND (owner IS NULL OR claimed_at < $1 - $5::bigint OR NOT ${alive("d.owner", "$4")})
         ORDER BY next_attempt_at, created_at LIMIT $2 FOR UPDATE SKIP LOCKED
       )
       UPDATE webhook_deliveries d SET owner = $3, claimed_at = $1 FROM free
       WHERE d.id = free.id RETURNING ${DELIVERY.replace(/(\w+)/g, "d.$1")}`,
      [now, limit, this.db.replicaId, this.db.options.leaseMs, ABANDONED_MS],
    );
    return rows
      .sort((a, b) => a.next_attempt_at - b.next_attempt_at || a.created_at - b.created_at)
      .map(toDelivery);
  }

  async nextDueAt() {
    // Not one another live replica is sending: its sender settles it (a sender here would wake
    // at once, again and again, for a delivery it cannot take).
    const { rows } = await prepared<{ at: number | null }>(
      this.db.pool,
      `SELECT MIN(next_attempt_at) AS at FROM webhook_deliveries d
       WHERE status = 'pending' AND (owner IS NULL OR NOT ${alive("d.owner", "$1")})`,
      [this.db.options.leaseMs],
    );
    return rows[0]?.at ?? undefined;
  }

  async delivered(id: string, status: number, now: number) {
    await prepared(
      this.db.pool,
      `UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, last_status = $1,
         last_error = NULL, delivered_at = $2, owner = NULL, claimed_at = NULL
       WHERE id = $3 AND status = 'pending' AND (owner IS NULL OR owner = $4)`,
      [status, now, id, this.db.replicaId],
    );
  }

  async attemptFailed(id: string, at: number | null, error: string, status: number | null) {
    // With `at` null it is given up: failed, its next attempt left as it was.
    await prepared(
      this.db.pool,
      `UPDATE webhook_deliveries SET attempts = attempts + 1,
         status = CASE WHEN $1::bigint IS NULL THEN 'failed' ELSE status END,
         next_attempt_at = coalesce($1::bigint, next_attempt_at),
         last_error = $2, last_status = $3, owner = NULL, claimed_at = NULL
       WHERE id = $4 AND status = 'pending' AND (owner IS NULL OR owner = $5)`,
      [at, error, status, id, this.db.replicaId],
    );
  }

  async deliveries(limit: number) {
    const { rows } = await prepared<DeliveryRecord>(
      this.db.pool,
      `SELECT ${DELIVERY} FROM webhook_deliveries ORDER BY created_at DESC, id DESC LIMIT $1`,
      [limit],
    );
    return rows.map(toDelivery);
  }
}
