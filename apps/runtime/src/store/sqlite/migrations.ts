import type Database from "better-sqlite3";

/**
 * Schema changes in order. A migration is never edited once released: add the next one.
 * Times are milliseconds since the epoch; JSON columns hold plain documents.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  CREATE TABLE flows (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    draft TEXT NOT NULL,
    revision INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    published_revision INTEGER
  );

  CREATE TABLE flow_versions (
    flow_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    flow TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    published_at INTEGER NOT NULL,
    published_by TEXT NOT NULL,
    PRIMARY KEY (flow_id, version)
  );

  CREATE TABLE contacts (
    psid TEXT PRIMARY KEY,
    first_name TEXT, last_name TEXT, locale TEXT, profile_pic TEXT,
    profile_fetched INTEGER NOT NULL DEFAULT 0,
    fields TEXT NOT NULL DEFAULT '{}',
    tags TEXT NOT NULL DEFAULT '[]',
    paused INTEGER NOT NULL DEFAULT 0,
    paused_until INTEGER,
    last_user_message_at INTEGER,
    last_activity_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    current_flow TEXT
  );
  CREATE INDEX contacts_activity ON contacts (last_activity_at DESC);

  CREATE TABLE sessions (psid TEXT PRIMARY KEY, session TEXT NOT NULL, updated_at INTEGER NOT NULL);

  CREATE TABLE inbox (
    id INTEGER PRIMARY KEY,
    dedupe_key TEXT NOT NULL UNIQUE,
    psid TEXT NOT NULL,
    kind TEXT NOT NULL,
    event TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'processing', 'done', 'recorded', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    received_at INTEGER NOT NULL,
    processed_at INTEGER,
    error TEXT
  );
  CREATE INDEX inbox_psid ON inbox (psid);
  CREATE INDEX inbox_pending ON inbox (id) WHERE status = 'pending';

  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    psid TEXT NOT NULL,
    seq INTEGER NOT NULL,
    item TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'parked')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    reason TEXT,
    code TEXT,
    message_id TEXT,
    created_at INTEGER NOT NULL,
    received_at INTEGER,
    sent_at INTEGER,
    transcript_id INTEGER,
    UNIQUE (psid, seq)
  );
  CREATE INDEX outbox_psid ON outbox (psid, seq);
  CREATE INDEX outbox_queued ON outbox (id) WHERE status = 'queued';

  CREATE TABLE timers (
    id INTEGER PRIMARY KEY,
    psid TEXT NOT NULL,
    timer_id TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    event TEXT NOT NULL,
    UNIQUE (psid, timer_id)
  );
  CREATE INDEX timers_due ON timers (due_at);

  CREATE TABLE transcript (
    id INTEGER PRIMARY KEY,
    psid TEXT NOT NULL,
    at INTEGER NOT NULL,
    direction TEXT NOT NULL,
    author TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT,
    payload TEXT,
    outbox_id INTEGER
  );
  CREATE INDEX transcript_psid ON transcript (psid, id);

  CREATE TABLE counters (
    flow_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    node_id TEXT NOT NULL,
    handle TEXT NOT NULL,
    day INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (flow_id, version, node_id, handle, day)
  );
  `,
  // Queue depths (/metrics) count these; without the indexes each scrape scans the tables.
  `
  CREATE INDEX inbox_processing ON inbox (id) WHERE status = 'processing';
  CREATE INDEX outbox_parked ON outbox (id) WHERE status = 'parked';
  `,
  // A row the sender has taken carries claimed_at until it is sent, retried or parked: after a
  // crash those are the sends that may have reached Meta. The sender finds a contact's next row
  // through a partial index, however long the conversation; the worker finds a contact's next
  // event the same way, and the queue depth counts that index. Two indexes go: inbox_processing
  // (counted by the new one) and outbox_psid (it repeated the index of UNIQUE (psid, seq)); each
  // cost every event an index write.
  `
  ALTER TABLE outbox ADD COLUMN claimed_at INTEGER;
  CREATE INDEX outbox_queued_psid ON outbox (psid, seq) WHERE status = 'queued';
  DROP INDEX outbox_psid;
  CREATE INDEX inbox_pending_psid ON inbox (psid, id) WHERE status IN ('pending', 'processing');
  DROP INDEX inbox_processing;
  `,
  // A fired timer's row is deleted, and without AUTOINCREMENT SQLite gives the next timer the
  // largest id left plus one: the id of the one just fired. A firing's inbox key names its row,
  // so the contact's next timer was taken for a redelivery and dropped. Ids now never come back.
  `
  CREATE TABLE timers_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    psid TEXT NOT NULL,
    timer_id TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    event TEXT NOT NULL,
    UNIQUE (psid, timer_id)
  );
  INSERT INTO timers_new (id, psid, timer_id, due_at, event)
    SELECT id, psid, timer_id, due_at, event FROM timers;
  DROP TABLE timers;
  ALTER TABLE timers_new RENAME TO timers;
  CREATE INDEX timers_due ON timers (due_at);
  `,
  // Brand-initiated updates: API keys (hashes only), the events the brand's systems post (one per
  // idempotency key), the brand's ids of contacts (external ids and the checkbox plugin's
  // user_ref), and the brand's webhook endpoints with their durable delivery queue.
  `
  CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    hash TEXT NOT NULL,
    scopes TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at INTEGER
  );
  CREATE TABLE brand_events (
    id TEXT PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    contact TEXT NOT NULL,
    psid TEXT NOT NULL,
    data TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'skipped', 'failed')),
    reason TEXT,
    error TEXT,
    message_ids TEXT NOT NULL DEFAULT '[]',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX brand_events_psid ON brand_events (psid);
  CREATE TABLE external_ids (
    kind TEXT NOT NULL CHECK (kind IN ('external', 'user_ref')),
    value TEXT NOT NULL,
    psid TEXT NOT NULL,
    linked_at INTEGER NOT NULL,
    PRIMARY KEY (kind, value)
  );
  CREATE INDEX external_ids_psid ON external_ids (psid);
  CREATE TABLE webhook_endpoints (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    events TEXT NOT NULL,
    secret TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY,
    endpoint_id TEXT NOT NULL,
    type TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error TEXT,
    last_status INTEGER,
    created_at INTEGER NOT NULL,
    delivered_at INTEGER
  );
  CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
  `,
  // A flow can be paused: its versions stay, and its triggers answer nothing until it is resumed
  // or republished. A bot's transcript line names the flow and step that sent it.
  `
  ALTER TABLE flows ADD COLUMN paused_at INTEGER;
  ALTER TABLE transcript ADD COLUMN flow_id TEXT;
  ALTER TABLE transcript ADD COLUMN node_id TEXT;
  `,
  // The records operators read (unknown events, policy enforcement) found without a scan.
  `
  CREATE INDEX inbox_records ON inbox (id)
    WHERE kind IN ('unknown', 'standby:unknown', 'policy_enforcement');
  `,
  // People, their sessions, invites, sign-in failures and the append-only audit log.
  `
  CREATE TABLE people (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'agent', 'viewer')),
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    disabled_at INTEGER
  );
  CREATE UNIQUE INDEX people_email ON people (lower(email));
  CREATE TABLE account_sessions (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    csrf_token TEXT NOT NULL
  );
  CREATE INDEX account_sessions_person ON account_sessions (person_id);
  CREATE TABLE invites (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('setup', 'invite', 'reset')),
    email TEXT,
    role TEXT NOT NULL,
    person_id TEXT,
    created_by TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  );
  CREATE TABLE sign_in_failures (key TEXT NOT NULL, at INTEGER NOT NULL);
  CREATE INDEX sign_in_failures_key ON sign_in_failures (key, at DESC);
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor_id TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    actor_kind TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT,
    detail TEXT NOT NULL DEFAULT '{}',
    ip TEXT
  );
  CREATE INDEX audit_log_at ON audit_log (at DESC);
  CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  `,
  // The inbox: conversations that asked for a human, agents' notes and what each agent read.
  `
  CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    psid TEXT NOT NULL,
    channel TEXT NOT NULL,
    reason TEXT,
    flow_id TEXT,
    node_id TEXT,
    opened_at INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('waiting', 'assigned', 'resolved')),
    assignee_id TEXT,
    assignee_name TEXT,
    assigned_at INTEGER,
    resolved_at INTEGER
  );
  CREATE UNIQUE INDEX conversations_open ON conversations (psid) WHERE state <> 'resolved';
  CREATE INDEX conversations_queue ON conversations (state, opened_at, id);
  CREATE TABLE conversation_notes (
    id INTEGER PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    psid TEXT NOT NULL,
    author_id TEXT NOT NULL,
    author_name TEXT NOT NULL,
    text TEXT NOT NULL,
    at INTEGER NOT NULL
  );
  CREATE INDEX conversation_notes_of ON conversation_notes (conversation_id, id);
  CREATE TABLE conversation_reads (
    conversation_id TEXT NOT NULL,
    agent_id TEXT NOT NULL,
    psid TEXT NOT NULL,
    read_at INTEGER NOT NULL,
    PRIMARY KEY (conversation_id, agent_id)
  );
  CREATE INDEX transcript_psid_at ON transcript (psid, at) WHERE author = 'contact';
  `,
  // A message shown as several (a WhatsApp gallery, one per card) keeps how
  // many reached Meta, so a retry after a failure midway goes on from the next one.
  `
  ALTER TABLE outbox ADD COLUMN parts_sent INTEGER NOT NULL DEFAULT 0;
  `,
  // The monthly AI budget sums the month's tokens before each model call: without it that is a
  // scan of every counter. Partial, so the counters every step writes do not pay for it.
  `
  CREATE INDEX counters_tokens ON counters (day, count) WHERE handle = '$tokens';
  `,
];

/** Applies the migrations not yet in the `migrations` table, each in its own transaction. */
export function migrate(db: Database.Database, now: number): number {
  db.exec(
    "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)",
  );
  const row = db.prepare("SELECT MAX(version) AS v FROM migrations").get() as { v: number | null };
  const done = row.v ?? 0;
  const record = db.prepare("INSERT INTO migrations (version, applied_at) VALUES (?, ?)");
  for (let v = done; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] as string);
      record.run(v + 1, now);
    })();
  }
  return MIGRATIONS.length - done;
}
