import type { SendRateStore } from "./send-rate";

/** What /metrics shows of a shared store: its pool and the rows in hand. */
export interface ReplicaFigures {
  pool: { total: number; idle: number; waiting: number };
  /** Replicas whose heartbeat is within the lease, this one included. */
  replicasAlive: number;
  /** Inbox events and outbox rows this replica holds. */
  held: { inbox: number; outbox: number };
  /** Rows held by replicas taken for dead, waiting to be taken over. */
  orphaned: { inbox: number; outbox: number };
}

/**
 * A store several processes share (PostgreSQL): each replica has an id its rows in hand carry
 * and a heartbeat; a replica whose heartbeat is older than `leaseMs` is dead and what it held is
 * taken over. A store of one process (SQLite) has none of this.
 */
export interface ReplicaLink {
  readonly id: string;
  readonly leaseMs: number;
  /** The Page's send rate, one bucket for every replica. */
  readonly sendRate: SendRateStore;
  /**
   * Another replica found a contact's work held by this one, or changed the published flows
   * (`flows`, psid empty): LISTEN/NOTIFY.
   */
  onWake(listener: (queue: "inbox" | "outbox" | "flows", psid: string) => void): () => void;
  /** The inbox's live news (a JSON text) to every replica, this one included: NOTIFY. */
  publishNews(payload: string): Promise<void>;
  onNews(listener: (payload: string) => void): () => void;
  /** Tells every replica the published flows changed. */
  announceFlowsChanged(): Promise<void>;
  figures(): Promise<ReplicaFigures>;
}

/**
 * A step's commit refused because the event is no longer this replica's: it was taken for dead
 * (its heartbeat late past the lease) and another replica took the event over and steps it.
 */
export class LeaseLost extends Error {
  constructor(inboxId: number) {
    super(`inbox event ${inboxId} is no longer held by this replica`);
    this.name = "LeaseLost";
  }
}
