import { randomUUID } from "node:crypto";
import type {
  OutgoingEvent,
  WebhookDeliveryRow,
  WebhookDeliveryStatus,
  WebhookEndpointRow,
  WebhookStore,
} from "../webhooks";
import type { SqliteDatabase } from "./database";

interface EndpointRecord {
  id: string;
  url: string;
  events: string;
  secret: string;
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
  events: JSON.parse(r.events) as string[],
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

export class SqliteWebhooks implements WebhookStore {
  readonly #s;
  /** The endpoints, read once per change: every step that emits consults them. */
  #endpoints: EndpointRecord[] | undefined;

  constructor(private readonly sql: SqliteDatabase) {
    const { db } = sql;
    this.#s = {
      insertEndpoint: db.prepare(
        "INSERT INTO webhook_endpoints (id, url, events, secret, created_at) VALUES (?, ?, ?, ?, ?)",
      ),
      endpoints: db.prepare("SELECT * FROM webhook_endpoints ORDER BY created_at, id"),
      deleteEndpoint: db.prepare("DELETE FROM webhook_endpoints WHERE id = ?"),
      deletePending: db.prepare(
        "DELETE FROM webhook_deliveries WHERE endpoint_id = ? AND status = 'pending'",
      ),
      insertDelivery: db.prepare(`
        INSERT INTO webhook_deliveries (id, endpoint_id, type, body, status, next_attempt_at, created_at)
        VALUES (?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT (id) DO NOTHING`),
      due: db.prepare(
        "SELECT * FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, created_at LIMIT ?",
      ),
      nextDue: db
        .prepare("SELECT MIN(next_attempt_at) FROM webhook_deliveries WHERE status = 'pending'")
        .pluck(),
      delivered: db.prepare(`
        UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, last_status = ?,
          last_error = NULL, delivered_at = ? WHERE id = ? AND status = 'pending'`),
      retry: db.prepare(`
        UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?,
          last_status = ? WHERE id = ? AND status = 'pending'`),
      giveUp: db.prepare(`
        UPDATE webhook_deliveries SET status = 'failed', attempts = attempts + 1, last_error = ?,
          last_status = ? WHERE id = ? AND status = 'pending'`),
      deliveries: db.prepare(
        "SELECT * FROM webhook_deliveries ORDER BY created_at DESC, id DESC LIMIT ?",
      ),
    };
  }

  async createEndpoint(e: WebhookEndpointRow & { secret: string }) {
    await this.sql.write(() => {
      this.#s.insertEndpoint.run(e.id, e.url, JSON.stringify(e.events), e.secret, e.createdAt);
      this.#endpoints = undefined;
    });
  }

  #all(): EndpointRecord[] {
    this.#endpoints ??= this.#s.endpoints.all() as EndpointRecord[];
    return this.#endpoints;
  }

  async endpoints() {
    return this.#all().map(toEndpoint);
  }

  async secretOf(id: string) {
    return this.#all().find((e) => e.id === id)?.secret;
  }

  async deleteEndpoint(id: string) {
    return this.sql.write(() => {
      this.#s.deletePending.run(id);
      const deleted = this.#s.deleteEndpoint.run(id).changes > 0;
      this.#endpoints = undefined;
      return deleted;
    });
  }

  async enqueue(events: readonly OutgoingEvent[], now: number) {
    return this.sql.write(() => this.enqueueInside(events, now));
  }

  /** Inside a write: a delivery per endpoint that takes each event's type. */
  enqueueInside(events: readonly OutgoingEvent[], now: number): number {
    const endpoints = this.#all();
    if (endpoints.length === 0) return 0;
    let queued = 0;
    for (const event of events) {
      for (const endpoint of endpoints) {
        const types = JSON.parse(endpoint.events) as string[];
        if (!types.includes("*") && !types.includes(event.type)) continue;
        queued += this.#s.insertDelivery.run(
          `dlv_${randomUUID().replaceAll("-", "")}`,
          endpoint.id,
          event.type,
          event.body,
          now,
          now,
        ).changes;
      }
    }
    return queued;
  }

  async due(now: number, limit: number) {
    return (this.#s.due.all(now, limit) as DeliveryRecord[]).map(toDelivery);
  }

  async nextDueAt() {
    return (this.#s.nextDue.get() as number | null) ?? undefined;
  }

  async delivered(id: string, status: number, now: number) {
    await this.sql.write(() => this.#s.delivered.run(status, now, id));
  }

  async attemptFailed(id: string, at: number | null, error: string, status: number | null) {
    await this.sql.write(() =>
      at === null
        ? this.#s.giveUp.run(error, status, id)
        : this.#s.retry.run(at, error, status, id),
    );
  }

  async deliveries(limit: number) {
    return (this.#s.deliveries.all(limit) as DeliveryRecord[]).map(toDelivery);
  }
}
