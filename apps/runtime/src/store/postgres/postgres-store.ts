import type pg from "pg";
import type { ReplicaFigures, ReplicaLink } from "../replicas";
import type { Store } from "../store";
import { PgAudit } from "./audit";
import { PgContacts } from "./contacts";
import { PgConversations } from "./conversations";
import { alive, PgDatabase } from "./database";
import { PgEvents } from "./events";
import { PgExternalIds } from "./external-ids";
import { PgFlows } from "./flows";
import { PgInbox } from "./inbox";
import { PgKeys } from "./keys";
import { PgOutbox } from "./outbox";
import { PgAccountSessions, PgInvites, PgPeople, PgSignInFailures } from "./people";
import { PgSendRate } from "./send-rate";
import { PgSettings } from "./settings";
import { PgStats } from "./stats";
import { PgSteps } from "./steps";
import { PgTimers } from "./timers";
import { PgWebhooks } from "./webhooks";

export interface PostgresStoreOptions {
  /** A replica silent this long is dead: its rows in hand are taken over (default 10 s). */
  leaseMs?: number;
  /** Connections in this process's pool (default 10). */
  poolSize?: number;
  /** Runs once the schema is current, under the start lock: the seed of a fresh database. */
  underStartLock?: (store: PostgresStore) => Promise<void>;
}

/**
 * The store on PostgreSQL, shared by any number of runtime replicas: the same interfaces as
 * SQLite's, with a contact's work claimed in the database (row locks and a lease per replica)
 * rather than in process memory. Open it with `PostgresStore.open`.
 */
export class PostgresStore implements Store {
  readonly settings: PgSettings;
  readonly flows: PgFlows;
  readonly contacts: PgContacts;
  readonly conversations: PgConversations;
  readonly inbox: PgInbox;
  readonly outbox: PgOutbox;
  readonly timers: PgTimers;
  readonly stats: PgStats;
  readonly steps: PgSteps;
  readonly keys: PgKeys;
  readonly events: PgEvents;
  readonly externalIds: PgExternalIds;
  readonly webhooks: PgWebhooks;
  readonly people: PgPeople;
  readonly accountSessions: PgAccountSessions;
  readonly invites: PgInvites;
  readonly signInFailures: PgSignInFailures;
  readonly audit: PgAudit;
  readonly replicas: ReplicaLink;
  readonly #db: PgDatabase;

  private constructor(db: PgDatabase) {
    this.#db = db;
    this.settings = new PgSettings(db);
    this.flows = new PgFlows(db);
    this.contacts = new PgContacts(db);
    this.conversations = new PgConversations(db);
    this.inbox = new PgInbox(db);
    this.outbox = new PgOutbox(db);
    this.timers = new PgTimers(db);
    this.stats = new PgStats(db);
    this.steps = new PgSteps(db);
    this.keys = new PgKeys(db);
    this.events = new PgEvents(db);
    this.externalIds = new PgExternalIds(db);
    this.webhooks = new PgWebhooks(db);
    this.people = new PgPeople(db);
    this.accountSessions = new PgAccountSessions(db);
    this.invites = new PgInvites(db);
    this.signInFailures = new PgSignInFailures(db);
    this.audit = new PgAudit(db);
    this.replicas = {
      id: db.replicaId,
      leaseMs: db.options.leaseMs,
      sendRate: new PgSendRate(db),
      onWake: (listener) =>
        db.onWake((queue, psid) => {
          if (queue === "inbox" || queue === "outbox") listener(queue, psid);
          if (queue === "flows") listener(queue, "");
        }),
      announceFlowsChanged: () => db.broadcast("flows"),
      publishNews: (payload) => db.publishNews(payload),
      onNews: (listener) => db.onNews(listener),
      figures: () => this.#figures(),
    };
  }

  /** Connects, migrates under the start lock, and joins the replicas. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    let store: PostgresStore | undefined;
    const db = new PgDatabase(url, {
      leaseMs: options.leaseMs ?? 10_000,
      poolSize: options.poolSize ?? 10,
      underStartLock: async () => {
        if (store) await options.underStartLock?.(store);
      },
    });
    store = new PostgresStore(db);
    try {
      await db.open();
    } catch (error) {
      await db.pool.end().catch(() => {});
      throw error;
    }
    return store;
  }

  /** The connections, for what goes past the interfaces: `store copy`, tests. */
  get pool(): pg.Pool {
    return this.#db.pool;
  }

  /** The database answered this replica's last heartbeat within the lease. */
  isReady(): boolean {
    return this.#db.healthy;
  }

  async close(): Promise<void> {
    await this.#db.close();
  }

  async #figures(): Promise<ReplicaFigures> {
    const db = this.#db;
    const { rows } = await db.pool.query<Record<string, number>>(
      `SELECT
        (SELECT COUNT(*) FROM replicas WHERE heartbeat_at > now() - $2::bigint * interval '1 millisecond') AS alive,
        (SELECT COUNT(*) FROM inbox WHERE status = 'processing' AND owner = $1) AS held_inbox,
        (SELECT COUNT(*) FROM outbox WHERE status = 'queued' AND owner = $1) AS held_outbox,
        (SELECT COUNT(*) FROM inbox WHERE status = 'processing' AND NOT ${alive("owner", "$2")}) AS orphan_inbox,
        (SELECT COUNT(*) FROM outbox WHERE status = 'queued' AND claimed_at IS NOT NULL
           AND NOT ${alive("owner", "$2")}) AS orphan_outbox`,
      [db.replicaId, db.options.leaseMs],
    );
    const r = rows[0] ?? {};
    return {
      pool: { total: db.pool.totalCount, idle: db.pool.idleCount, waiting: db.pool.waitingCount },
      replicasAlive: r.alive ?? 0,
      held: { inbox: r.held_inbox ?? 0, outbox: r.held_outbox ?? 0 },
      orphaned: { inbox: r.orphan_inbox ?? 0, outbox: r.orphan_outbox ?? 0 },
    };
  }
}
