import type { Session } from "@convo/engine";
import type { ContactPatch, ContactQuery, ContactRow, ContactStore } from "../contacts";
import { ERASED_EVENT_SQL } from "../events";
import { mergeContact } from "../merge-contact";
import type { SqliteDatabase } from "./database";
import { type ContactRecord, toContactRow } from "./rows";
import type { SqliteTranscript } from "./transcript";

/** The tables that hold rows about a contact, all erased with them (brand events: `ERASED_EVENT_SQL`). */
const CONTACT_TABLES = [
  "contacts",
  "sessions",
  "inbox",
  "outbox",
  "timers",
  "transcript",
  "external_ids",
  "conversations",
  "conversation_notes",
  "conversation_reads",
];

function statements(sql: SqliteDatabase) {
  const { db } = sql;
  return {
    get: db.prepare("SELECT * FROM contacts WHERE psid = ?"),
    insert: db.prepare(
      "INSERT INTO contacts (psid, last_activity_at, created_at) VALUES (?, ?, ?) ON CONFLICT (psid) DO NOTHING",
    ),
    setProfile: db.prepare(`
      UPDATE contacts SET first_name = coalesce(?, first_name), last_name = coalesce(?, last_name),
        locale = coalesce(?, locale), profile_pic = coalesce(?, profile_pic), profile_fetched = 1
      WHERE psid = ?`),
    setLocale: db.prepare("UPDATE contacts SET locale = ? WHERE psid = ?"),
    setPaused: db.prepare("UPDATE contacts SET paused = ?, paused_until = ? WHERE psid = ?"),
    // A patch: NULL leaves a column as it is; the flags say whether to set the nullable ones.
    patch: db.prepare(`
      UPDATE contacts SET fields = coalesce(?, fields), tags = coalesce(?, tags),
        paused = coalesce(?, paused),
        paused_until = CASE WHEN ? THEN ? ELSE paused_until END,
        current_flow = CASE WHEN ? THEN ? ELSE current_flow END,
        last_user_message_at = coalesce(?, last_user_message_at), last_activity_at = ?
      WHERE psid = ?`),
    touch: db.prepare("UPDATE contacts SET last_activity_at = ? WHERE psid = ?"),
    lastUserMessageAt: db
      .prepare("SELECT last_user_message_at FROM contacts WHERE psid = ?")
      .pluck(),
    session: db.prepare("SELECT session FROM sessions WHERE psid = ?").pluck(),
    saveSession: db.prepare(`
      INSERT INTO sessions (psid, session, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (psid) DO UPDATE SET session = excluded.session, updated_at = excluded.updated_at`),
    deleteSession: db.prepare("DELETE FROM sessions WHERE psid = ?"),
    exportInbox: db.prepare(
      "SELECT id, kind, event, status, received_at FROM inbox WHERE psid = ? ORDER BY id",
    ),
    exportOutbox: db.prepare(
      "SELECT id, item, status, reason, message_id, created_at, sent_at FROM outbox WHERE psid = ? ORDER BY id",
    ),
    exportTimers: db.prepare("SELECT timer_id, due_at FROM timers WHERE psid = ?"),
    exportConversations: db.prepare(
      "SELECT * FROM conversations WHERE psid = ? ORDER BY opened_at, id",
    ),
    exportNotes: db.prepare(
      "SELECT conversation_id, author_id, author_name, text, at FROM conversation_notes WHERE psid = ? ORDER BY id",
    ),
    merge: db.prepare(`
      UPDATE contacts SET first_name = ?, last_name = ?, locale = ?, profile_pic = ?,
        fields = ?, tags = ?, current_flow = ?, last_activity_at = max(last_activity_at, ?)
      WHERE psid = ?`),
    leave: db.prepare("UPDATE contacts SET current_flow = NULL WHERE psid = ?"),
    moveSession: db.prepare("UPDATE sessions SET psid = ? WHERE psid = ?"),
    dropClashingTimers: db.prepare(
      "DELETE FROM timers WHERE psid = ? AND timer_id IN (SELECT timer_id FROM timers WHERE psid = ?)",
    ),
    moveRows: ["timers", "transcript", "external_ids"].map((table) =>
      db.prepare(`UPDATE ${table} SET psid = ? WHERE psid = ?`),
    ),
    erase: CONTACT_TABLES.map((table) => db.prepare(`DELETE FROM ${table} WHERE psid = ?`)),
    eraseEvents: db.prepare(ERASED_EVENT_SQL.replace(/\$\d/g, "?")),
  };
}

export class SqliteContacts implements ContactStore {
  readonly #s;

  constructor(
    private readonly sql: SqliteDatabase,
    private readonly lines: SqliteTranscript,
  ) {
    this.#s = statements(sql);
  }

  async get(psid: string) {
    const r = this.#s.get.get(psid) as ContactRecord | undefined;
    return r && toContactRow(r);
  }

  async list(query: ContactQuery): Promise<ContactRow[]> {
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
    // The filters vary, so this one is prepared per call: a management page, not the pipeline.
    const sql = `SELECT * FROM contacts ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY last_activity_at DESC LIMIT ?`;
    params.push(query.limit);
    return (this.sql.db.prepare(sql).all(...params) as ContactRecord[]).map(toContactRow);
  }

  async ensure(psid: string, now: number): Promise<ContactRow> {
    const found = this.#s.get.get(psid) as ContactRecord | undefined;
    if (found) return toContactRow(found);
    await this.sql.write(() => this.#s.insert.run(psid, now, now));
    return toContactRow(this.#s.get.get(psid) as ContactRecord);
  }

  async setProfile(
    psid: string,
    p: { firstName?: string; lastName?: string; locale?: string; profilePic?: string },
  ) {
    await this.sql.write(() =>
      this.#s.setProfile.run(
        p.firstName ?? null,
        p.lastName ?? null,
        p.locale ?? null,
        p.profilePic ?? null,
        psid,
      ),
    );
  }

  async setLocale(psid: string, locale: string) {
    await this.sql.write(() => this.#s.setLocale.run(locale, psid));
  }

  async setPaused(psid: string, paused: boolean, pausedUntil: number | null) {
    await this.sql.write(() => this.#s.setPaused.run(paused ? 1 : 0, pausedUntil, psid));
  }

  async session(psid: string) {
    const text = this.#s.session.get(psid) as string | undefined;
    return text === undefined ? undefined : (JSON.parse(text) as Session);
  }

  async transcript(psid: string, limit: number, before?: number) {
    return this.lines.list(psid, limit, before);
  }

  async export(psid: string) {
    const contact = await this.get(psid);
    if (!contact) return undefined;
    return {
      contact,
      session: (await this.session(psid)) ?? null,
      transcript: this.lines.list(psid, -1),
      inbox: this.#s.exportInbox.all(psid),
      outbox: this.#s.exportOutbox.all(psid),
      timers: this.#s.exportTimers.all(psid),
      conversations: this.#s.exportConversations.all(psid),
      notes: this.#s.exportNotes.all(psid),
    };
  }

  async erase(psid: string, now: number): Promise<boolean> {
    return this.sql.write(() => {
      let n = this.#s.eraseEvents.run(now, psid).changes;
      for (const statement of this.#s.erase) n += statement.run(psid).changes;
      return n > 0;
    });
  }

  async move(from: string, to: string, now: number): Promise<boolean> {
    const s = this.#s;
    return this.sql.write(() => {
      const source = s.get.get(from) as ContactRecord | undefined;
      if (!source || from === to) return false;
      s.insert.run(to, now, now);
      const target = toContactRow(s.get.get(to) as ContactRecord);
      const old = toContactRow(source);
      const moved = mergeContact(old, target);
      s.merge.run(
        moved.firstName,
        moved.lastName,
        moved.locale,
        moved.profilePic,
        JSON.stringify(moved.fields),
        JSON.stringify(moved.tags),
        moved.currentFlow,
        old.lastActivityAt,
        to,
      );
      s.leave.run(from);
      if (s.session.get(from) !== undefined) {
        s.deleteSession.run(to);
        s.moveSession.run(to, from);
      }
      s.dropClashingTimers.run(to, from);
      for (const statement of s.moveRows) statement.run(to, from);
      return true;
    });
  }

  /** Inside a write: applies a step's patch and counts the step as the contact's activity. */
  patch(psid: string, p: ContactPatch, now: number): void {
    this.#s.patch.run(
      p.fields === undefined ? null : JSON.stringify(p.fields),
      p.tags === undefined ? null : JSON.stringify(p.tags),
      p.paused === undefined ? null : p.paused ? 1 : 0,
      p.pausedUntil === undefined ? 0 : 1,
      p.pausedUntil ?? null,
      p.currentFlow === undefined ? 0 : 1,
      p.currentFlow ?? null,
      p.lastUserMessageAt ?? null,
      now,
      psid,
    );
  }

  /** Inside a write: the contact was active. */
  touch(psid: string, now: number): void {
    this.#s.touch.run(now, psid);
  }

  /** Inside a write: keeps the session, or deletes it (null). */
  keepSession(psid: string, session: Session | null, now: number): void {
    if (session) this.#s.saveSession.run(psid, JSON.stringify(session), now);
    else this.#s.deleteSession.run(psid);
  }

  /** The contact's last message, read inside the outbox's claim. */
  lastUserMessageAt(psid: string): number | null {
    return (this.#s.lastUserMessageAt.get(psid) as number | null | undefined) ?? null;
  }
}
