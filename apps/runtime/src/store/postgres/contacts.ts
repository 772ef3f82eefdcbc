import type { Session } from "@convo/engine";
import type { ContactQuery, ContactRow, ContactStore } from "../contacts";
import { ERASED_EVENT_SQL } from "../events";
import { mergeContact } from "../merge-contact";
import { type PgDatabase, prepared } from "./database";
import { pgTranscript } from "./transcript";

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

interface ContactRecord {
  psid: string;
  first_name: string | null;
  last_name: string | null;
  locale: string | null;
  profile_pic: string | null;
  profile_fetched: boolean;
  fields: Record<string, string>;
  tags: string[];
  paused: boolean;
  paused_until: number | null;
  last_user_message_at: number | null;
  last_activity_at: number;
  created_at: number;
  current_flow: string | null;
}

const toContactRow = (r: ContactRecord): ContactRow => ({
  psid: r.psid,
  firstName: r.first_name,
  lastName: r.last_name,
  locale: r.locale,
  profilePic: r.profile_pic,
  profileFetched: r.profile_fetched,
  fields: r.fields,
  tags: r.tags,
  paused: r.paused,
  pausedUntil: r.paused_until,
  lastUserMessageAt: r.last_user_message_at,
  lastActivityAt: r.last_activity_at,
  createdAt: r.created_at,
  currentFlow: r.current_flow,
});

export class PgContacts implements ContactStore {
  constructor(private readonly db: PgDatabase) {}

  async get(psid: string) {
    const { rows } = await prepared<ContactRecord>(
      this.db.pool,
      "SELECT * FROM contacts WHERE psid = $1",
      [psid],
    );
    return rows[0] && toContactRow(rows[0]);
  }

  async list(query: ContactQuery): Promise<ContactRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.search) {
      const like = param(`%${query.search.replace(/[%_\\]/g, "")}%`);
      where.push(
        `(first_name ILIKE ${like} OR last_name ILIKE ${like} OR psid ILIKE ${like} OR fields::text ILIKE ${like})`,
      );
    }
    if (query.tag) where.push(`tags ? ${param(query.tag)}`);
    if (query.paused !== undefined) where.push(`paused = ${param(query.paused)}`);
    if (query.before !== undefined) where.push(`last_activity_at < ${param(query.before)}`);
    const sql = `SELECT * FROM contacts ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY last_activity_at DESC LIMIT ${param(query.limit)}`;
    return (await prepared<ContactRecord>(this.db.pool, sql, params)).rows.map(toContactRow);
  }

  async ensure(psid: string, now: number): Promise<ContactRow> {
    const { rows } = await prepared<ContactRecord>(
      this.db.pool,
      `WITH added AS (
         INSERT INTO contacts (psid, last_activity_at, created_at) VALUES ($1, $2, $2)
         ON CONFLICT (psid) DO NOTHING RETURNING *)
       SELECT * FROM added UNION ALL SELECT * FROM contacts WHERE psid = $1 LIMIT 1`,
      [psid, now],
    );
    return toContactRow(rows[0] as ContactRecord);
  }

  async setProfile(
    psid: string,
    p: { firstName?: string; lastName?: string; locale?: string; profilePic?: string },
  ) {
    await prepared(
      this.db.pool,
      `UPDATE contacts SET first_name = coalesce($1, first_name), last_name = coalesce($2, last_name),
         locale = coalesce($3, locale), profile_pic = coalesce($4, profile_pic), profile_fetched = true
       WHERE psid = $5`,
      [p.firstName ?? null, p.lastName ?? null, p.locale ?? null, p.profilePic ?? null, psid],
    );
  }

  async setLocale(psid: string, locale: string) {
    await prepared(this.db.pool, "UPDATE contacts SET locale = $1 WHERE psid = $2", [locale, psid]);
  }

  async setPaused(psid: string, paused: boolean, pausedUntil: number | null) {
    await prepared(
      this.db.pool,
      "UPDATE contacts SET paused = $1, paused_until = $2 WHERE psid = $3",
      [paused, pausedUntil, psid],
    );
  }

  async session(psid: string) {
    const { rows } = await prepared<{ session: Session }>(
      this.db.pool,
      "SELECT session FROM sessions WHERE psid = $1",
      [psid],
    );
    return rows[0]?.session;
  }

  async transcript(psid: string, limit: number, before?: number) {
    return pgTranscript.list(this.db.pool, psid, limit, before);
  }

  async export(psid: string) {
    const contact = await this.get(psid);
    if (!contact) return undefined;
    const q = this.db.pool;
    const all = async (sql: string) => (await prepared(q, sql, [psid])).rows;
    return {
      contact,
      session: (await this.session(psid)) ?? null,
      transcript: await pgTranscript.list(q, psid, -1),
      inbox: await all(
        "SELECT id, kind, event, status, received_at FROM inbox WHERE psid = $1 ORDER BY id",
      ),
      outbox: await all(
        "SELECT id, item, status, reason, message_id, created_at, sent_at FROM outbox WHERE psid = $1 ORDER BY id",
      ),
      timers: await all("SELECT timer_id, due_at FROM timers WHERE psid = $1"),
      conversations: await all(
        "SELECT * FROM conversations WHERE psid = $1 ORDER BY opened_at, id",
      ),
      notes: await all(
        "SELECT conversation_id, author_id, author_name, text, at FROM conversation_notes WHERE psid = $1 ORDER BY id",
      ),
    };
  }

  async erase(psid: string, now: number): Promise<boolean> {
    return this.db.tx(async (q) => {
      let n = (await prepared(q, ERASED_EVENT_SQL, [now, psid])).rowCount ?? 0;
      for (const table of CONTACT_TABLES) {
        n += (await prepared(q, `DELETE FROM ${table} WHERE psid = $1`, [psid])).rowCount ?? 0;
      }
      return n > 0;
    });
  }

  async move(from: string, to: string, now: number): Promise<boolean> {
    if (from === to) return false;
    return this.db.tx(async (q) => {
      // Both rows locked, in key order, so two moves never wait on each other.
      const { rows } = await prepared<ContactRecord>(
        q,
        "SELECT * FROM contacts WHERE psid = ANY($1) ORDER BY psid FOR UPDATE",
        [[from, to]],
      );
      const source = rows.find((r) => r.psid === from);
      if (!source) return false;
      const old = toContactRow(source);
      const found = rows.find((r) => r.psid === to);
      if (!found) {
        await prepared(
          q,
          "INSERT INTO contacts (psid, last_activity_at, created_at) VALUES ($1, $2, $2)",
          [to, now],
        );
      }
      const target: ContactRow = found
        ? toContactRow(found)
        : {
            ...old,
            psid: to,
            firstName: null,
            lastName: null,
            locale: null,
            profilePic: null,
            fields: {},
            tags: [],
            currentFlow: null,
          };
      const moved = mergeContact(old, target);
      await prepared(
        q,
        `UPDATE contacts SET first_name = $1, last_name = $2, locale = $3, profile_pic = $4,
           fields = $5, tags = $6, current_flow = $7,
           last_activity_at = greatest(last_activity_at, $8)
         WHERE psid = $9`,
        [
          moved.firstName,
          moved.lastName,
          moved.locale,
          moved.profilePic,
          JSON.stringify(moved.fields),
          JSON.stringify(moved.tags),
          moved.currentFlow,
          old.lastActivityAt,
          to,
        ],
      );
      await prepared(q, "UPDATE contacts SET current_flow = NULL WHERE psid = $1", [from]);
      const session = await prepared(q, "SELECT 1 FROM sessions WHERE psid = $1", [from]);
      if ((session.rowCount ?? 0) > 0) {
        await prepared(q, "DELETE FROM sessions WHERE psid = $1", [to]);
        await prepared(q, "UPDATE sessions SET psid = $1 WHERE psid = $2", [to, from]);
      }
      await prepared(
        q,
        "DELETE FROM timers WHERE psid = $1 AND timer_id IN (SELECT timer_id FROM timers WHERE psid = $2)",
        [to, from],
      );
      for (const table of ["timers", "transcript", "external_ids"]) {
        await prepared(q, `UPDATE ${table} SET psid = $1 WHERE psid = $2`, [to, from]);
      }
      return true;
    });
  }
}
