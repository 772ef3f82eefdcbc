/**
 * Everything the runtime keeps, as interfaces sized to one job, so a PostgreSQL store can follow
 * the SQLite one (DESIGN.md, "Scale"). Methods are async for that reason even though SQLite
 * answers at once; each method that changes more than one row is one transaction. A store only
 * stores: what a transcript line says, how counters fold, which key dedupes a runtime event, is
 * decided in the pipeline. One contract suite (`contract/`) runs against every implementation.
 */
import type { AuditLog } from "./audit";
import type { ContactStore } from "./contacts";
import type { ConversationStore } from "./conversations";
import type { EventStore } from "./events";
import type { ExternalIdStore } from "./external-ids";
import type { FlowStore } from "./flows";
import type { InboxQueue, InboxRecords } from "./inbox";
import type { ApiKeyStore } from "./keys";
import type { OutboxQueue } from "./outbox";
import type { AccountSessionStore, InviteStore, PeopleStore, SignInFailureStore } from "./people";
import type { ReplicaLink } from "./replicas";
import type { SettingsStore } from "./settings";
import type { StatsStore } from "./stats";
import type { StepStore } from "./steps";
import type { TimerStore } from "./timers";
import type { WebhookStore } from "./webhooks";

export interface Store {
  settings: SettingsStore;
  flows: FlowStore;
  contacts: ContactStore;
  /** The inbox of live chat: conversations handed to people. */
  conversations: ConversationStore;
  inbox: InboxQueue & InboxRecords;
  outbox: OutboxQueue;
  timers: TimerStore;
  stats: StatsStore;
  keys: ApiKeyStore;
  events: EventStore;
  externalIds: ExternalIdStore;
  webhooks: WebhookStore;
  people: PeopleStore;
  /** Sign-in sessions of people (not the contacts' conversation sessions). */
  accountSessions: AccountSessionStore;
  invites: InviteStore;
  signInFailures: SignInFailureStore;
  audit: AuditLog;
  /** The write of a step, across contacts, inbox, outbox, timers and counters. */
  steps: StepStore;
  /** Set when several processes share the store (PostgreSQL): leases, wake-ups, the send rate. */
  replicas?: ReplicaLink;
  isReady(): boolean;
  /** Writes accepted before this are committed; then the database is closed. */
  close(): Promise<void>;
}
