import type { EngineEvent, Session } from "@convo/engine";
import type { Flow } from "@convo/flow";
import Database from "better-sqlite3";
import type {
  ContactQuery,
  ContactRow,
  CounterHit,
  FlowStats,
  NewInboxEvent,
  NewTranscript,
  OutboxItem,
  QueueDepths,
  SaveDraftResult,
  StepCommit,
  Store,
} from "../store";
import { migrate } from "./migrations";
import {
  type ContactRecord,
  type FlowRecord,
  type InboxRecord,
  type OutboxRecord,
  type TranscriptRecord,
  toContactRow,
  toFlowRow,
  toInboxRow,
  toOutboxRow,
  toTranscriptRow,
  toVersionRow,
  type VersionRecord,
} from "./rows";

const DAY_MS = 86_400_000;

const FLOW_SELECT = `
  SELECT f.*, v.version AS published_version, v.published_at AS published_at
  FROM flows f
  LEFT JOIN flow_versions v ON v.flow_id = f.id
    AND v.version = (SELECT MAX(version) FROM flow_versions WHERE flow_id = f.id)`;

/** Opens (or creates) the SQLite file with the settings a single-writer server wants. */
export function openDatabase(path: string): Database.Database {
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  return db;
}

/** The store on one SQLite file: every statement prepared once, every change a transaction. */
export class SqliteStore implements Store {
  readonly db: Database.Database;
  #ready = false;
  readonly #s;

  /** Writes waiting for the next group commit (see `#write`). */
  #queue: {
    run: () => unknown;
    resolve: (value: never) => void;
    reject: (error: unknown) => void;
  }[] = [];
  #flushScheduled = false;

  constructor(path: string, now = Date.now()) {
    this.db = openDatabase(path);
    migrate(this.db, now);
    const db = this.db;
    this.#s = {
      getSetting: db.prepare("SELECT value FROM settings WHERE key = ?").pluck(),
      setSetting: db.prepare(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      ),
      listFlows: db.prepare(`${FLOW_SELECT} ORDER BY f.updated_at DESC`),
      getFlow: db.prepare(`${FLOW_SELECT} WHERE f.id = ?`),
      insertFlow: db.prepare(
        "INSERT INTO flows (id, name, draft, revision, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)",
      ),
      updateDraft: db.prepare(
        "UPDATE flows SET name = ?, draft = ?, revision = revision + 1, updated_at = ? WHERE id = ?",
      ),
      revisionOf: db.prepare("SELECT revision, updated_at FROM flows WHERE id = ?"),
      deleteFlow: db.prepare("DELETE FROM flows WHERE id = ?"),
      deleteVersions: db.prepare("DELETE FROM flow_versions WHERE flow_id = ?"),
      maxVersion: db.prepare("SELECT MAX(version) FROM flow_versions WHERE flow_id = ?").pluck(),
      insertVersion: db.prepare(
        "INSERT INTO flow_versions (flow_id, version, flow, note, published_at, published_by) VALUES (?, ?, ?, ?, ?, ?)",
      ),
      setPublishedRevision: db.prepare(
        "UPDATE flows SET published_revision = revision WHERE id = ?",
      ),
      listVersions: db.prepare(
        "SELECT flow_id, version, note, published_at, published_by FROM flow_versions WHERE flow_id = ? ORDER BY version DESC",
      ),
      getVersion: db.prepare("SELECT * FROM flow_versions WHERE flow_id = ? AND version = ?"),
      publishedFlows: db.prepare(`
        SELECT v.* FROM flow_versions v JOIN flows f ON f.id = v.flow_id
        WHERE v.version = (SELECT MAX(version) FROM flow_versions WHERE flow_id = v.flow_id)`),
      stats: db.prepare(
        "SELECT node_id, handle, SUM(count) AS n FROM counters WHERE flow_id = ? AND day BETWEEN ? AND ? GROUP BY node_id, handle",
      ),
      bumpCounter: db.prepare(`
        INSERT INTO counters (flow_id, version, node_id, handle, day, count) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (flow_id, version, node_id, handle, day) DO UPDATE SET count = count + ?`),

      getContact: db.prepare("SELECT * FROM contacts WHERE psid = ?"),
      insertContact: db.prepare(
        "INSERT INTO contacts (psid, last_activity_at, created_at) VALUES (?, ?, ?) ON CONFLICT (psid) DO NOTHING",
      ),
      setProfile: db.prepare(`
        UPDATE contacts SET first_name = coalesce(?, first_name), last_name = coalesce(?, last_name),
          locale = coalesce(?, locale), profile_pic = coalesce(?, profile_pic), profile_fetched = 1
        WHERE psid = ?`),
      setPaused: db.prepare("UPDATE contacts SET paused = ?, paused_until = ? WHERE psid = ?"),
      // A patch: NULL leaves a column as it is; the flags say whether to set the nullable ones.
      updateContact: db.prepare(`
        UPDATE contacts SET fields = coalesce(?, fields), tags = coalesce(?, tags),
          paused = coalesce(?, paused),
          paused_until = CASE WHEN ? THEN ? ELSE paused_until END,
          current_flow = CASE WHEN ? THEN ? ELSE current_flow END,
          last_user_message_at = coalesce(?, last_user_message_at), last_activity_at = ?
        WHERE psid = ?`),
      touchContact: db.prepare("UPDATE contacts SET last_activity_at = ? WHERE psid = ?"),
      getSession: db.prepare("SELECT session FROM sessions WHERE psid = ?").pluck(),
      saveSession: db.prepare(`
        INSERT INTO sessions (psid, session, updated_at) VALUES (?, ?, ?)
        ON CONFLICT (psid) DO UPDATE SET session = excluded.session, updated_at = excluded.updated_at`),
      deleteSession: db.prepare("DELETE FROM sessions WHERE psid = ?"),
      transcript: db.prepare(`
        SELECT t.*, o.status AS status FROM transcript t LEFT JOIN outbox o ON o.id = t.outbox_id
        WHERE t.psid = ? AND t.id < ? ORDER BY t.id DESC LIMIT ?`),
      insertTranscript: db.prepare(
        "INSERT INTO transcript (psid, at, direction, author, kind, text, payload, outbox_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      ),

      insertInbox: db.prepare(`
        INSERT INTO inbox (dedupe_key, psid, kind, event, status, received_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (dedupe_key) DO NOTHING`),
      claimInbox: db.prepare(
        "UPDATE inbox SET status = 'processing', attempts = attempts + 1 WHERE id = ?",
      ),
      headInbox: db.prepare(`
        SELECT id, psid, kind, event, attempts, received_at, status FROM inbox
        INDEXED BY inbox_pending_psid WHERE psid = ? AND status IN ('pending', 'processing') ORDER BY id LIMIT 2`),
      // Each contact's oldest unfinished event, when it is pending (not in hand): however long
      // one contact's backlog, the others are found.
      pendingContacts: db
        .prepare(`
          SELECT psid FROM inbox i INDEXED BY inbox_pending WHERE status = 'pending' AND id = (
            SELECT MIN(id) FROM inbox p INDEXED BY inbox_pending_psid
            WHERE p.psid = i.psid AND p.status IN ('pending', 'processing'))
          ORDER BY id LIMIT ?`)
        .pluck(),
      releaseAll: db.prepare(
        "UPDATE inbox INDEXED BY inbox_pending_psid SET status = 'pending' WHERE status IN ('pending', 'processing') AND status = 'processing'",
      ),
      releaseOne: db.prepare(
        "UPDATE inbox SET status = 'pending' WHERE id = ? AND status = 'processing'",
      ),
      finishInbox: db.prepare("UPDATE inbox SET status = ?, processed_at = ? WHERE id = ?"),
      failInbox: db.prepare("UPDATE inbox SET status = 'failed', error = ? WHERE id = ?"),
      // No index: failed events are rare, and this is an operator's page, not the pipeline.
      listFailed: db.prepare(
        "SELECT id, psid, kind, error, attempts, received_at FROM inbox WHERE status = 'failed' ORDER BY id DESC LIMIT 500",
      ),
      retryFailed: db.prepare(
        "UPDATE inbox SET status = 'pending', error = NULL WHERE id = ? AND status = 'failed' RETURNING psid",
      ),

      nextSeq: db.prepare("SELECT coalesce(MAX(seq), 0) FROM outbox WHERE psid = ?").pluck(),
      insertOutbox: db.prepare(`
        INSERT INTO outbox (psid, seq, item, status, next_attempt_at, created_at, received_at)
        VALUES (?, ?, ?, 'queued', ?, ?, ?)`),
      headOutbox: db.prepare(
        "SELECT * FROM outbox WHERE psid = ? AND status = 'queued' ORDER BY seq LIMIT 1",
      ),
      // Whether a second row waits: the index alone answers it.
      moreOutbox: db
        .prepare("SELECT 1 FROM outbox WHERE psid = ? AND status = 'queued' AND seq > ? LIMIT 1")
        .pluck(),
      lastUserMessageAt: db
        .prepare("SELECT last_user_message_at FROM contacts WHERE psid = ?")
        .pluck(),
      claimOutbox: db.prepare("UPDATE outbox SET claimed_at = ? WHERE id = ?"),
      // Each contact's oldest queued row, when it is due and nobody holds it: rows waiting for a
      // retry never hide the contacts behind them.
      dueHeads: db
        .prepare(`
          SELECT o.psid FROM outbox o
          WHERE o.status = 'queued' AND o.next_attempt_at <= ? AND o.claimed_at IS NULL
            AND o.seq = (
              SELECT MIN(p.seq) FROM outbox p WHERE p.psid = o.psid AND p.status = 'queued')
          ORDER BY o.id LIMIT ?`)
        .pluck(),
      nextRetryAt: db
        .prepare(
          "SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'queued' AND next_attempt_at > ?",
        )
        .pluck(),
      releaseMessages: db.prepare(`
        UPDATE outbox SET claimed_at = NULL, next_attempt_at = max(next_attempt_at, ?), reason = ?
        WHERE status = 'queued' AND claimed_at < ? AND item ->> '$.kind' = 'message'`),
      releaseOthers: db.prepare(
        "UPDATE outbox SET claimed_at = NULL WHERE status = 'queued' AND claimed_at < ?",
      ),
      confirmOutbox: db.prepare(`
        UPDATE outbox SET status = 'sent', claimed_at = NULL, reason = NULL,
          message_id = coalesce(message_id, ?), sent_at = coalesce(sent_at, ?)
        WHERE id = ? AND psid = ? AND status = 'queued'`),
      nextOutboxAt: db
        .prepare("SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'queued'")
        .pluck(),
      // An echo may have confirmed the row first: its message id and time stay.
      markSent: db.prepare(`
        UPDATE outbox SET status = 'sent', message_id = coalesce(message_id, ?),
          sent_at = coalesce(sent_at, ?), attempts = attempts + 1, claimed_at = NULL WHERE id = ?`),
      markRetry: db.prepare(
        "UPDATE outbox SET next_attempt_at = ?, reason = ?, code = ?, attempts = attempts + 1, claimed_at = NULL WHERE id = ? AND status = 'queued'",
      ),
      markParked: db.prepare(
        "UPDATE outbox SET status = 'parked', reason = ?, code = ?, sent_at = ?, attempts = attempts + 1, claimed_at = NULL WHERE id = ? AND status = 'queued'",
      ),
      listParked: db.prepare("SELECT * FROM outbox WHERE status = 'parked' ORDER BY id DESC"),
      retryParked: db.prepare(
        "UPDATE outbox SET status = 'queued', next_attempt_at = ?, claimed_at = NULL WHERE id = ? AND status = 'parked'",
      ),

      insertTimer: db.prepare(`
        INSERT INTO timers (psid, timer_id, due_at, event) VALUES (?, ?, ?, ?)
        ON CONFLICT (psid, timer_id) DO UPDATE SET due_at = excluded.due_at, event = excluded.event`),
      dueTimers: db.prepare("SELECT * FROM timers WHERE due_at <= ? ORDER BY due_at, id LIMIT ?"),
      deleteTimer: db.prepare("DELETE FROM timers WHERE id = ?"),
      nextTimerAt: db.prepare("SELECT MIN(due_at) FROM timers").pluck(),

      depths: db.prepare(`SELECT
        (SELECT COUNT(*) FROM inbox INDEXED BY inbox_pending_psid
          WHERE status IN ('pending', 'processing')) AS inbox,
        (SELECT COUNT(*) FROM outbox WHERE status = 'queued') AS queued,
        (SELECT COUNT(*) FROM outbox WHERE status = 'parked') AS parked,
        (SELECT COUNT(*) FROM timers) AS timers`),
    };
    this.#ready = true;
  }

  close(): void {
    this.#ready = false;
    if (this.db.open) {
      this.#flush();
      this.db.close();
    }
  }

  /**
   * Group commit: writes made in the same turn of the event loop share one transaction (a commit
   * costs ~80 µs on a WAL file, a row ~3 µs). If one write fails, the batch is rolled back and each
   * write runs again alone, so only that one fails; a promise resolves once its write is committed.
   */
  #write<T>(run: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ run, resolve: resolve as (value: never) => void, reject });
      if (!this.#flushScheduled) {
        this.#flushScheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  #flush(): void {
    this.#flushScheduled = false;
    const ops = this.#queue;
    if (ops.length === 0) return;
    this.#queue = [];
    let values: unknown[];
    try {
      values = this.#runAll(ops);
    } catch {
      // One write failed and took the batch down with it: run each alone, so only it fails.
      for (const op of ops) {
        try {
          op.resolve(this.db.transaction(op.run)() as never);
        } catch (error) {
          op.reject(error);
        }
      }
      return;
    }
    ops.forEach((op, i) => {
      op.resolve(values[i] as never);
    });
  }

  readonly #runAll = (ops: { run: () => unknown }[]): unknown[] =>
    this.db.transaction(() => ops.map((op) => op.run()))();

  isReady(): boolean {
    return this.#ready && this.db.open;
  }

  // ───────────── settings ─────────────

  async getSetting(key: string): Promise<string | undefined> {
    return this.#s.getSetting.get(key) as string | undefined;
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.#write(() => this.#s.setSetting.run(key, value));
  }

  // ───────────── flows ─────────────

  async listFlows() {
    return (this.#s.listFlows.all() as FlowRecord[]).map(toFlowRow);
  }

  async getFlow(id: string) {
    const r = this.#s.getFlow.get(id) as FlowRecord | undefined;
    return r && toFlowRow(r);
  }

  async createFlow(flow: Flow, now: number, overwrite = false): Promise<boolean> {
    return this.#write(() => {
      const exists = this.#s.revisionOf.get(flow.id) !== undefined;
      if (exists && !overwrite) return false;
      if (exists) this.#s.updateDraft.run(flow.name, JSON.stringify(flow), now, flow.id);
      else this.#s.insertFlow.run(flow.id, flow.name, JSON.stringify(flow), now, now);
      return true;
    });
  }

  async saveDraft(
    id: string,
    flow: Flow,
    expectedRevision: number | undefined,
    now: number,
  ): Promise<SaveDraftResult | undefined> {
    return this.#write(() => {
      const current = this.#s.revisionOf.get(id) as
        | { revision: number; updated_at: number }
        | undefined;
      if (!current) return undefined;
      if (expectedRevision !== undefined && expectedRevision !== current.revision) {
        return {
          ok: false as const,
          current: { revision: current.revision, updatedAt: current.updated_at },
        };
      }
      this.#s.updateDraft.run(flow.name, JSON.stringify(flow), now, id);
      return { ok: true as const, revision: current.revision + 1, updatedAt: now };
    });
  }

  async deleteFlow(id: string): Promise<boolean> {
    return this.#write(() => {
      this.#s.deleteVersions.run(id);
      return this.#s.deleteFlow.run(id).changes > 0;
    });
  }

  async publishFlow(id: string, flow: Flow, note: string, by: string, now: number) {
    return this.#write(() => {
      const version = ((this.#s.maxVersion.get(id) as number | null) ?? 0) + 1;
      this.#s.insertVersion.run(id, version, JSON.stringify(flow), note, now, by);
      this.#s.setPublishedRevision.run(id);
      return version;
    });
  }

  async listVersions(id: string) {
    return (this.#s.listVersions.all(id) as VersionRecord[]).map((r) => {
      const { flow: _flow, ...rest } = toVersionRow(r);
      return rest;
    });
  }

  async getVersion(id: string, version: number) {
    const r = this.#s.getVersion.get(id, version) as VersionRecord | undefined;
    return r && toVersionRow(r);
  }

  async publishedFlows() {
    return (this.#s.publishedFlows.all() as VersionRecord[]).map(toVersionRow);
  }

  async flowStats(id: string, fromDay: number, toDay: number): Promise<FlowStats> {
    const stats: FlowStats = { nodes: {}, handles: {} };
    const rows = this.#s.stats.all(id, fromDay, toDay) as {
      node_id: string;
      handle: string;
      n: number;
    }[];
    for (const r of rows) {
      if (r.handle === "") {
        stats.nodes[r.node_id] = { entered: r.n };
      } else {
        const handles = stats.handles[r.node_id] ?? {};
        handles[r.handle] = r.n;
        stats.handles[r.node_id] = handles;
      }
    }
    return stats;
  }

  // ───────────── contacts ─────────────

  async getContact(psid: string) {
    const r = this.#s.getContact.get(psid) as ContactRecord | undefined;
    return r && toContactRow(r);
  }

  async listContacts(query: ContactQuery): Promise<ContactRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.search) {
      where.push("(first_name LIKE ? OR last_name LIKE ? OR psid LIKE ? OR fields LIKE ?)");
      const like = `%${query.search.replace(/[%_]/g, "")}%`;
      params.push(like, like, like, like);
    }
    if (query.tag) {
      where.push("EXISTS (SELECT 1 FROM json_each(contacts.tags) WHERE value = ?)");
      params.push(query.tag);
    }
    if (query.paused !== undefined) {
      where.push("paused = ?");
      params.push(query.paused ? 1 : 0);
    }
    if (query.before !== undefined) {
      where.push("last_activity_at < ?");
      params.push(query.before);
    }
    const sql = `SELECT * FROM contacts ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY last_activity_at DESC LIMIT ?`;
    params.push(query.limit);
    return (this.db.prepare(sql).all(...params) as ContactRecord[]).map(toContactRow);
  }

  async ensureContact(psid: string, now: number): Promise<ContactRow> {
    const found = this.#s.getContact.get(psid) as ContactRecord | undefined;
    if (found) return toContactRow(found);
    await this.#write(() => this.#s.insertContact.run(psid, now, now));
    return toContactRow(this.#s.getContact.get(psid) as ContactRecord);
  }

  async setProfile(
    psid: string,
    p: { firstName?: string; lastName?: string; locale?: string; profilePic?: string },
  ) {
    await this.#write(() =>
      this.#s.setProfile.run(
        p.firstName ?? null,
        p.lastName ?? null,
        p.locale ?? null,
        p.profilePic ?? null,
        psid,
      ),
    );
  }

  async setPaused(psid: string, paused: boolean, pausedUntil: number | null) {
    await this.#write(() => this.#s.setPaused.run(paused ? 1 : 0, pausedUntil, psid));
  }

  async getSession(psid: string) {
    const text = this.#s.getSession.get(psid) as string | undefined;
    return text === undefined ? undefined : (JSON.parse(text) as Session);
  }

  async listTranscript(psid: string, limit: number, before?: number) {
    const rows = this.#s.transcript.all(
      psid,
      before ?? Number.MAX_SAFE_INTEGER,
      limit,
    ) as TranscriptRecord[];
    return rows.reverse().map(toTranscriptRow);
  }

  async exportContact(psid: string) {
    const contact = await this.getContact(psid);
    if (!contact) return undefined;
    const all = (sql: string) => this.db.prepare(sql).all(psid);
    return {
      contact,
      session: (await this.getSession(psid)) ?? null,
      transcript: (this.#s.transcript.all(psid, Number.MAX_SAFE_INTEGER, -1) as TranscriptRecord[])
        .reverse()
        .map(toTranscriptRow),
      inbox: all(
        "SELECT id, kind, event, status, received_at FROM inbox WHERE psid = ? ORDER BY id",
      ),
      outbox: all(
        "SELECT id, item, status, reason, message_id, created_at, sent_at FROM outbox WHERE psid = ? ORDER BY id",
      ),
      timers: all("SELECT timer_id, due_at FROM timers WHERE psid = ?"),
    };
  }

  async eraseContact(psid: string): Promise<boolean> {
    return this.#write(() => {
      let n = 0;
      for (const table of ["contacts", "sessions", "inbox", "outbox", "timers", "transcript"]) {
        n += this.db.prepare(`DELETE FROM ${table} WHERE psid = ?`).run(psid).changes;
      }
      return n > 0;
    });
  }

  // ───────────── inbox ─────────────

  async insertInbox(events: NewInboxEvent[], now: number): Promise<number> {
    return this.#write(() => {
      let inserted = 0;
      for (const e of events) {
        if (e.confirms && e.psid) {
          this.#s.confirmOutbox.run(e.confirms.messageId, now, e.confirms.outboxId, e.psid);
        }
        const status = e.actionable ? "pending" : "recorded";
        inserted += this.#s.insertInbox.run(
          e.dedupeKey,
          e.psid ?? "",
          e.kind,
          JSON.stringify(e.event),
          status,
          now,
        ).changes;
      }
      return inserted;
    });
  }

  async claimNextInbox(psid: string) {
    return this.#write(() => {
      const [head, after] = this.#s.headInbox.all(psid) as (InboxRecord & { status: string })[];
      if (head?.status !== "pending") return { row: undefined, more: false };
      this.#s.claimInbox.run(head.id);
      return { row: toInboxRow(head), more: after !== undefined };
    });
  }

  async pendingInboxContacts(limit: number, exclude: ReadonlySet<string>) {
    const psids: string[] = [];
    for (const psid of this.#s.pendingContacts.all(limit + exclude.size) as string[]) {
      if (!exclude.has(psid)) psids.push(psid);
      if (psids.length >= limit) break;
    }
    return psids;
  }

  async releaseInbox(ids?: readonly number[]) {
    if (!ids) {
      this.#s.releaseAll.run();
      return;
    }
    this.db.transaction(() => {
      for (const id of ids) this.#s.releaseOne.run(id);
    })();
  }

  async finishInbox(inboxId: number, psid: string, transcript: NewTranscript[], now: number) {
    await this.#write(() => {
      if (psid !== "") this.#s.insertContact.run(psid, now, now);
      for (const t of transcript) this.#insertTranscript(psid, t, null);
      this.#s.finishInbox.run("done", now, inboxId);
    });
  }

  async listFailedInbox() {
    return (
      this.#s.listFailed.all() as {
        id: number;
        psid: string;
        kind: string;
        error: string | null;
        attempts: number;
        received_at: number;
      }[]
    ).map((r) => ({
      id: r.id,
      psid: r.psid,
      kind: r.kind,
      error: r.error,
      attempts: r.attempts,
      receivedAt: r.received_at,
    }));
  }

  async retryFailedInbox(id: number) {
    return this.#write(() => this.#s.retryFailed.get(id) as { psid: string } | undefined);
  }

  async failInbox(inboxId: number, error: string) {
    await this.#write(() => this.#s.failInbox.run(error.slice(0, 2000), inboxId));
  }

  #insertTranscript(psid: string, t: NewTranscript, outboxId: number | null): number {
    return Number(
      this.#s.insertTranscript.run(
        psid,
        t.at,
        t.direction,
        t.author,
        t.kind,
        t.text,
        t.payload === undefined ? null : JSON.stringify(t.payload),
        outboxId,
      ).lastInsertRowid,
    );
  }

  #insertOutbox(
    psid: string,
    seq: number,
    item: OutboxItem,
    now: number,
    receivedAt: number | null,
  ): number {
    return Number(
      this.#s.insertOutbox.run(psid, seq, JSON.stringify(item), now, now, receivedAt)
        .lastInsertRowid,
    );
  }

  async commitStep(c: StepCommit) {
    await this.#write(() => {
      const p = c.contact;
      this.#s.updateContact.run(
        p.fields === undefined ? null : JSON.stringify(p.fields),
        p.tags === undefined ? null : JSON.stringify(p.tags),
        p.paused === undefined ? null : p.paused ? 1 : 0,
        p.pausedUntil === undefined ? 0 : 1,
        p.pausedUntil ?? null,
        p.currentFlow === undefined ? 0 : 1,
        p.currentFlow ?? null,
        p.lastUserMessageAt ?? null,
        c.now,
        c.psid,
      );
      if (c.session) this.#s.saveSession.run(c.psid, JSON.stringify(c.session), c.now);
      else this.#s.deleteSession.run(c.psid);
      for (const t of c.transcript) this.#insertTranscript(c.psid, t, null);
      let seq = c.outbox.length > 0 ? (this.#s.nextSeq.get(c.psid) as number) : 0;
      for (const item of c.outbox) {
        seq += 1;
        const outboxId = this.#insertOutbox(c.psid, seq, item, c.now, c.receivedAt);
        if (item.kind === "message") {
          this.#insertTranscript(c.psid, outgoingTranscript(item, c.now), outboxId);
        }
      }
      // One upsert per node and handle, however often the step passed it.
      const day = Math.floor(c.now / DAY_MS);
      const hits = new Map<string, { hit: CounterHit; n: number }>();
      for (const hit of c.counters) {
        const key = JSON.stringify([hit.flowId, hit.version, hit.nodeId, hit.handle ?? ""]);
        const seen = hits.get(key);
        if (seen) seen.n += 1;
        else hits.set(key, { hit, n: 1 });
      }
      for (const { hit, n } of hits.values()) {
        this.#s.bumpCounter.run(hit.flowId, hit.version, hit.nodeId, hit.handle ?? "", day, n, n);
      }
      for (const t of c.timers) {
        this.#s.insertTimer.run(c.psid, t.timerId, t.dueAt, JSON.stringify(t.event));
      }
      this.#s.finishInbox.run("done", c.now, c.inboxId);
    });
  }

  // ───────────── outbox ─────────────

  async claimNextOutbox(psid: string, now: number) {
    return this.#write(() => {
      const head = this.#s.headOutbox.get(psid) as OutboxRecord | undefined;
      const none = { row: undefined, lastUserMessageAt: null, nextAt: undefined, more: false };
      if (!head || head.claimed_at !== null) return none;
      if (head.next_attempt_at > now) return { ...none, nextAt: head.next_attempt_at };
      this.#s.claimOutbox.run(now, head.id);
      const row = toOutboxRow(head);
      return {
        row,
        lastUserMessageAt:
          row.item.kind === "message"
            ? ((this.#s.lastUserMessageAt.get(psid) as number | null | undefined) ?? null)
            : null,
        nextAt: undefined,
        more: this.#s.moreOutbox.get(psid, head.seq) !== undefined,
      };
    });
  }

  async dueOutboxContacts(now: number, limit: number, exclude: ReadonlySet<string>) {
    const psids: string[] = [];
    for (const psid of this.#s.dueHeads.all(now, limit + exclude.size) as string[]) {
      if (!exclude.has(psid)) psids.push(psid);
      if (psids.length >= limit) break;
    }
    const nextAt = (this.#s.nextRetryAt.get(now) as number | null) ?? undefined;
    return { psids, nextAt };
  }

  async releaseOutbox(now: number, messageHoldMs: number, claimedBefore = Number.MAX_SAFE_INTEGER) {
    return this.#write(() => {
      const reason = "Its send may have reached Meta: waiting for the echo before sending again.";
      const held = this.#s.releaseMessages.run(now + messageHoldMs, reason, claimedBefore).changes;
      return held + this.#s.releaseOthers.run(claimedBefore).changes;
    });
  }

  async nextOutboxAt() {
    return (this.#s.nextOutboxAt.get() as number | null) ?? undefined;
  }

  async markSent(id: number, messageId: string | null, now: number) {
    await this.#write(() => this.#s.markSent.run(messageId, now, id));
  }

  async markRetry(id: number, nextAttemptAt: number, reason: string, code: string) {
    await this.#write(() => this.#s.markRetry.run(nextAttemptAt, reason, code, id));
  }

  async markParked(id: number, reason: string, code: string, now: number) {
    await this.#write(() => this.#s.markParked.run(reason, code, now, id));
  }

  async completeHttp(id: number, psid: string, answer: EngineEvent, now: number) {
    await this.#write(() => {
      this.#s.markSent.run(null, now, id);
      const key = `runtime:${psid}:outbox:${id}`;
      const event = JSON.stringify({ source: "runtime", event: answer });
      this.#s.insertInbox.run(key, psid, answer.type, event, "pending", now);
    });
  }

  async enqueueAgentMessage(psid: string, item: OutboxItem, text: string, now: number) {
    return this.#write(() => {
      const seq = (this.#s.nextSeq.get(psid) as number) + 1;
      const outboxId = this.#insertOutbox(psid, seq, item, now, null);
      this.#insertTranscript(
        psid,
        { at: now, direction: "out", author: "agent", kind: "text", text },
        outboxId,
      );
      this.#s.touchContact.run(now, psid);
      return outboxId;
    });
  }

  async listParked() {
    return (this.#s.listParked.all() as OutboxRecord[]).map(toOutboxRow);
  }

  async retryParked(id: number, now: number) {
    return this.#write(() => this.#s.retryParked.run(now, id).changes > 0);
  }

  // ───────────── timers ─────────────

  async fireTimers(now: number, limit: number) {
    return this.#write(() => {
      const due = this.#s.dueTimers.all(now, limit) as {
        id: number;
        psid: string;
        timer_id: string;
        event: string;
      }[];
      for (const t of due) {
        const event = JSON.parse(t.event) as EngineEvent;
        this.#s.insertInbox.run(
          `runtime:${t.psid}:timer:${t.id}`,
          t.psid,
          event.type,
          JSON.stringify({ source: "runtime", event }),
          "pending",
          now,
        );
        this.#s.deleteTimer.run(t.id);
      }
      return due.length;
    });
  }

  async nextTimerAt() {
    return (this.#s.nextTimerAt.get() as number | null) ?? undefined;
  }

  async queueDepths(): Promise<QueueDepths> {
    const r = this.#s.depths.get() as {
      inbox: number;
      queued: number;
      parked: number;
      timers: number;
    };
    return {
      inboxPending: r.inbox,
      outboxQueued: r.queued,
      outboxParked: r.parked,
      timers: r.timers,
    };
  }
}

/** The transcript line of an outgoing message, as the contact will see it. */
function outgoingTranscript(item: Extract<OutboxItem, { kind: "message" }>, at: number) {
  const m = item.message;
  const entry: NewTranscript = {
    at,
    direction: "out",
    author: item.author,
    kind: m.kind === "text" ? "text" : m.kind === "media" ? "attachment" : "template",
    text: m.kind === "text" ? m.text : m.kind === "cards" ? (m.cards[0]?.title ?? null) : null,
    payload: m,
  };
  return entry;
}
