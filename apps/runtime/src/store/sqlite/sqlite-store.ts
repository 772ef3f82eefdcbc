import type Database from "better-sqlite3";
import type { Store } from "../store";
import { SqliteAudit } from "./audit";
import { SqliteContacts } from "./contacts";
import { SqliteConversations } from "./conversations";
import { SqliteDatabase } from "./database";
import { SqliteEvents } from "./events";
import { SqliteExternalIds } from "./external-ids";
import { SqliteFlows } from "./flows";
import { SqliteInbox } from "./inbox";
import { SqliteKeys } from "./keys";
import { SqliteOutbox } from "./outbox";
import { markOwner } from "./owner";
import { SqliteAccountSessions, SqliteInvites, SqlitePeople, SqliteSignInFailures } from "./people";
import { SqliteSettings } from "./settings";
import { SqliteStats } from "./stats";
import { SqliteSteps } from "./steps";
import { SqliteTimers } from "./timers";
import { SqliteTranscript } from "./transcript";
import { SqliteWebhooks } from "./webhooks";

/**
 * The store on one SQLite file: each part prepares its statements once, every change is a
 * transaction, and writes share the group commit of `SqliteDatabase`.
 */
export class SqliteStore implements Store {
  readonly settings: SqliteSettings;
  readonly flows: SqliteFlows;
  readonly contacts: SqliteContacts;
  readonly conversations: SqliteConversations;
  readonly inbox: SqliteInbox;
  readonly outbox: SqliteOutbox;
  readonly timers: SqliteTimers;
  readonly stats: SqliteStats;
  readonly steps: SqliteSteps;
  readonly keys: SqliteKeys;
  readonly events: SqliteEvents;
  readonly externalIds: SqliteExternalIds;
  readonly webhooks: SqliteWebhooks;
  readonly people: SqlitePeople;
  readonly accountSessions: SqliteAccountSessions;
  readonly invites: SqliteInvites;
  readonly signInFailures: SqliteSignInFailures;
  readonly audit: SqliteAudit;
  readonly #sql: SqliteDatabase;
  readonly #releaseOwner: () => void;
  #ready = false;

  /** `durable: false` only in the ack benchmark (what the durable acknowledgement costs). */
  constructor(path: string, now = Date.now(), options: { durable?: boolean } = {}) {
    const sql = new SqliteDatabase(path, now, options);
    this.#sql = sql;
    this.#releaseOwner = markOwner(path);
    const lines = new SqliteTranscript(sql);
    this.settings = new SqliteSettings(sql);
    this.flows = new SqliteFlows(sql);
    this.contacts = new SqliteContacts(sql, lines);
    this.conversations = new SqliteConversations(sql);
    this.webhooks = new SqliteWebhooks(sql);
    this.inbox = new SqliteInbox(sql, this.webhooks);
    this.events = new SqliteEvents(sql, this.inbox);
    this.outbox = new SqliteOutbox(sql, this.contacts, lines, this.inbox, {
      events: this.events,
      webhooks: this.webhooks,
    });
    this.timers = new SqliteTimers(sql, this.inbox);
    this.stats = new SqliteStats(sql);
    this.keys = new SqliteKeys(sql);
    this.externalIds = new SqliteExternalIds(sql);
    this.people = new SqlitePeople(sql);
    this.accountSessions = new SqliteAccountSessions(sql);
    this.invites = new SqliteInvites(sql);
    this.signInFailures = new SqliteSignInFailures(sql);
    this.audit = new SqliteAudit(sql);
    this.steps = new SqliteSteps(sql, {
      events: this.events,
      externalIds: this.externalIds,
      webhooks: this.webhooks,
      conversations: this.conversations,
      contacts: this.contacts,
      lines,
      inbox: this.inbox,
      outbox: this.outbox,
      timers: this.timers,
      stats: this.stats,
    });
    this.#ready = true;
  }

  /** The connection, for what goes past the interfaces: `store copy`, tests. */
  get database(): Database.Database {
    return this.#sql.db;
  }

  isReady(): boolean {
    return this.#ready && this.#sql.open;
  }

  async close(): Promise<void> {
    this.#ready = false;
    this.#sql.close();
    this.#releaseOwner();
  }
}
