/**
 * The PostgreSQL schema, in order: the same tables and ideas as SQLite's (`sqlite/migrations.ts`),
 * with PostgreSQL's types (JSON documents kept as written, JSONB where they are queried, BIGINT
 * milliseconds, identity ids that never come back)
 * and what several replicas need: the `replicas` table (a heartbeat per process), the owner of
 * each row in hand, and the Page's shared send rate. A migration is never edited once released:
 * add the next one. A new table of its own is one module beside the others plus one migration here.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  CREATE TABLE flows (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    draft JSON NOT NULL,
    revision INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    published_revision INTEGER
  );

  CREATE TABLE flow_versions (
    flow_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    flow JSON NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    published_at BIGINT NOT NULL,
    published_by TEXT NOT NULL,
    PRIMARY KEY (flow_id, version)
  );

  CREATE TABLE contacts (
    psid TEXT PRIMARY KEY,
    first_name TEXT, last_name TEXT, locale TEXT, profile_pic TEXT,
    profile_fetched BOOLEAN NOT NULL DEFAULT false,
    fields JSONB NOT NULL DEFAULT '{}',
    tags JSONB NOT NULL DEFAULT '[]',
    paused BOOLEAN NOT NULL DEFAULT false,
    paused_until BIGINT,
    last_user_message_at BIGINT,
    last_activity_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    current_flow TEXT
  );
  CREATE INDEX contacts_activity ON contacts (last_activity_at DESC);

  CREATE TABLE sessions (psid TEXT PRIMARY KEY, session JSON NOT NULL, updated_at BIGINT NOT NULL);

  -- One row per running process: a replica whose heartbeat is older than the lease is dead, and
  -- the rows it held are anyone's.
  CREATE TABLE replicas (
    id TEXT PRIMARY KEY,
    started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    heartbeat_at TIMESTAMPTZ NOT NULL DEFAULT now()
  );

  CREATE TABLE inbox (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dedupe_key TEXT NOT NULL UNIQUE,
    psid TEXT NOT NULL,
    kind TEXT NOT NULL,
    event JSON NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'processing', 'done', 'recorded', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    received_at BIGINT NOT NULL,
    processed_at BIGINT,
    error TEXT,
    owner TEXT
  );
  CREATE INDEX inbox_psid ON inbox (psid);
  CREATE INDEX inbox_pending_psid ON inbox (psid, id) WHERE status IN ('pending', 'processing');
  CREATE INDEX inbox_pending ON inbox (id) WHERE status IN ('pending', 'processing');

  CREATE TABLE outbox (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    psid TEXT NOT NULL,
    seq INTEGER NOT NULL,
    item JSON NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'parked')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    reason TEXT,
    code TEXT,
    message_id TEXT,
    created_at BIGINT NOT NULL,
    received_at BIGINT,
    sent_at BIGINT,
    transcript_id BIGINT,
    claimed_at BIGINT,
    owner TEXT,
    UNIQUE (psid, seq)
  );
  CREATE INDEX outbox_queued_psid ON outbox (psid, seq) WHERE status = 'queued';
  CREATE INDEX outbox_queued ON outbox (id) WHERE status = 'queued';
  CREATE INDEX outbox_parked ON outbox (id) WHERE status = 'parked';

  CREATE TABLE timers (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    psid TEXT NOT NULL,
    timer_id TEXT NOT NULL,
    due_at BIGINT NOT NULL,
    event JSON NOT NULL,
    UNIQUE (psid, timer_id)
  );
  CREATE INDEX timers_due ON timers (due_at);

  CREATE TABLE transcript (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    psid TEXT NOT NULL,
    at BIGINT NOT NULL,
    direction TEXT NOT NULL,
    author TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT,
    payload JSON,
    outbox_id BIGINT
  );
  CREATE INDEX transcript_psid ON transcript (psid, id);

  CREATE TABLE counters (
    flow_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    node_id TEXT NOT NULL,
    handle TEXT NOT NULL,
    day INTEGER NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (flow_id, version, node_id, handle, day)
  );

  -- The Page's send rate, shared by every replica: a token bucket refilled by the database's clock.
  CREATE TABLE send_rate (key TEXT PRIMARY KEY, tokens DOUBLE PRECISION NOT NULL, at TIMESTAMPTZ NOT NULL);
  `,
  // Brand-initiated updates (SQLite's migration 9): API keys (digests only), the events the brand's
  // systems post (one per idempotency key), the brand's ids of contacts, and the brand's webhook
  // endpoints with their durable delivery queue (a delivery in hand names its replica).
  `
  CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    hash TEXT NOT NULL,
    scopes JSON NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT
  );
  CREATE TABLE brand_events (
    id TEXT PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    contact JSON NOT NULL,
    psid TEXT NOT NULL,
    data JSON NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'skipped', 'failed')),
    reason TEXT,
    error JSON,
    message_ids JSONB NOT NULL DEFAULT '[]',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    n BIGINT GENERATED ALWAYS AS IDENTITY
  );
  CREATE INDEX brand_events_psid ON brand_events (psid, created_at DESC, n DESC);
  CREATE TABLE external_ids (
    kind TEXT NOT NULL CHECK (kind IN ('external', 'user_ref')),
    value TEXT NOT NULL,
    psid TEXT NOT NULL,
    linked_at BIGINT NOT NULL,
    PRIMARY KEY (kind, value)
  );
  CREATE INDEX external_ids_psid ON external_ids (psid);
  CREATE TABLE webhook_endpoints (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    events JSONB NOT NULL,
    secret TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY,
    endpoint_id TEXT NOT NULL,
    type TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    last_error TEXT,
    last_status INTEGER,
    created_at BIGINT NOT NULL,
    delivered_at BIGINT,
    claimed_at BIGINT,
    owner TEXT
  );
  CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
  CREATE INDEX webhook_deliveries_created ON webhook_deliveries (created_at DESC, id DESC);
  `,
  // A flow can be paused: its versions stay, and its triggers answer nothing until it is resumed
  // or republished. A bot's transcript line names the flow and step that sent it.
  `
  ALTER TABLE flows ADD COLUMN paused_at BIGINT;
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
    created_at BIGINT NOT NULL,
    disabled_at BIGINT
  );
  CREATE UNIQUE INDEX people_email ON people (lower(email));
  CREATE TABLE account_sessions (
    id TEXT PRIMARY KEY,
    person_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
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
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
  );
  CREATE TABLE sign_in_failures (key TEXT NOT NULL, at BIGINT NOT NULL);
  CREATE INDEX sign_in_failures_key ON sign_in_failures (key, at DESC);
  CREATE TABLE audit_log (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at BIGINT NOT NULL,
    actor_id TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    actor_kind TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT,
    detail JSONB NOT NULL DEFAULT '{}',
    ip TEXT
  );
  CREATE INDEX audit_log_at ON audit_log (at DESC);
  CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
  CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
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
    opened_at BIGINT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('waiting', 'assigned', 'resolved')),
    assignee_id TEXT,
    assignee_name TEXT,
    assigned_at BIGINT,
    resolved_at BIGINT
  );
  CREATE UNIQUE INDEX conversations_open ON conversations (psid) WHERE state <> 'resolved';
  CREATE INDEX conversations_queue ON conversations (state, opened_at, id);
  CREATE TABLE conversation_notes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    psid TEXT NOT NULL,
    author_id TEXT NOT NULL,
    author_name TEXT NOT NULL,
    text TEXT NOT NULL,
    at BIGINT NOT NULL
  );
  CREATE INDEX conversation_notes_of ON conversation_notes (conversation_id, id);
  CREATE TABLE conversation_reads (
    conversation_id TEXT NOT NULL,
    agent_id TEXT NOT NULL,
    psid TEXT NOT NULL,
    read_at BIGINT NOT NULL,
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
