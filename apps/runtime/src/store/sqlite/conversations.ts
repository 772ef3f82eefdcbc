import {
  type ConversationRecord,
  type NoteRecord,
  type QueueRecord,
  toConversationRow,
  toNoteRow,
  toQueueRow,
} from "../conversation-rows";
import type { Actor, ConversationStore, NewConversation, QueueQuery } from "../conversations";
import type { SqliteDatabase } from "./database";

/** The queue with what one agent has not read: the contact's lines since the opening, past their last read. */
const queueSql = (where: string) => `
  SELECT c.*, k.first_name, k.last_name, k.profile_pic, k.tags,
    (SELECT count(*) FROM transcript t
      WHERE t.psid = c.psid AND t.author = 'contact' AND t.at >= c.opened_at
        AND (r.read_at IS NULL OR t.at > r.read_at)) AS unread
  FROM conversations c
  LEFT JOIN contacts k ON k.psid = c.psid
  LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.agent_id = ?
  WHERE ${where}
  ORDER BY c.opened_at, c.id
  LIMIT ?`;

export class SqliteConversations implements ConversationStore {
  readonly #s;

  constructor(private readonly sql: SqliteDatabase) {
    const { db } = sql;
    this.#s = {
      open: db.prepare(`
        INSERT INTO conversations (id, psid, channel, reason, flow_id, node_id, opened_at, state)
        VALUES (?, ?, ?, ?, ?, ?, ?, 'waiting') ON CONFLICT DO NOTHING`),
      get: db.prepare("SELECT * FROM conversations WHERE id = ?"),
      openFor: db.prepare("SELECT * FROM conversations WHERE psid = ? AND state <> 'resolved'"),
      queue: db.prepare(queueSql("c.state IN (SELECT value FROM json_each(?))")),
      entry: db.prepare(queueSql("c.id = ?")),
      take: db.prepare(`
        UPDATE conversations SET state = 'assigned', assignee_id = ?, assignee_name = ?,
          assigned_at = ? WHERE id = ? AND state = 'waiting'`),
      assign: db.prepare(`
        UPDATE conversations SET state = 'assigned', assignee_id = ?, assignee_name = ?,
          assigned_at = ? WHERE id = ? AND state <> 'resolved'`),
      resolve: db.prepare(
        "UPDATE conversations SET state = 'resolved', resolved_at = ? WHERE id = ? AND state <> 'resolved'",
      ),
      resolveFor: db.prepare(
        "UPDATE conversations SET state = 'resolved', resolved_at = ? WHERE psid = ? AND state <> 'resolved'",
      ),
      addNote: db.prepare(`
        INSERT INTO conversation_notes (conversation_id, psid, author_id, author_name, text, at)
        SELECT id, psid, ?, ?, ?, ? FROM conversations WHERE id = ? RETURNING *`),
      notes: db.prepare("SELECT * FROM conversation_notes WHERE conversation_id = ? ORDER BY id"),
      markRead: db.prepare(`
        INSERT INTO conversation_reads (conversation_id, agent_id, psid, read_at)
        SELECT id, ?, psid, ? FROM conversations WHERE id = ?
        ON CONFLICT (conversation_id, agent_id) DO UPDATE SET read_at = excluded.read_at
        WHERE excluded.read_at > conversation_reads.read_at`),
      readAt: db
        .prepare(
          "SELECT read_at FROM conversation_reads WHERE conversation_id = ? AND agent_id = ?",
        )
        .pluck(),
    };
  }

  async open(c: NewConversation) {
    return this.sql.write(() => this.openInside(c));
  }

  /** Inside a write (a step's). */
  openInside(c: NewConversation): boolean {
    const { changes } = this.#s.open.run(
      c.id,
      c.psid,
      c.channel,
      c.reason,
      c.flowId,
      c.nodeId,
      c.openedAt,
    );
    return changes > 0;
  }

  /** Inside a write (a step's): the contact's open conversation, if any, is resolved. */
  resolveInside(psid: string, now: number): void {
    this.#s.resolveFor.run(now, psid);
  }

  async get(id: string) {
    const r = this.#s.get.get(id) as ConversationRecord | undefined;
    return r && toConversationRow(r);
  }

  async openFor(psid: string) {
    const r = this.#s.openFor.get(psid) as ConversationRecord | undefined;
    return r && toConversationRow(r);
  }

  async queue(q: QueueQuery) {
    const rows = this.#s.queue.all(q.reader, JSON.stringify(q.states), q.limit) as QueueRecord[];
    return rows.map(toQueueRow);
  }

  async entry(id: string, reader: string) {
    const r = this.#s.entry.get(reader, id, 1) as QueueRecord | undefined;
    return r && toQueueRow(r);
  }

  async take(id: string, agent: Actor, now: number) {
    return this.sql.write(() => this.#s.take.run(agent.id, agent.name, now, id).changes > 0);
  }

  async assign(id: string, agent: Actor, now: number) {
    return this.sql.write(() => this.#s.assign.run(agent.id, agent.name, now, id).changes > 0);
  }

  async resolve(id: string, now: number) {
    return this.sql.write(() => this.#s.resolve.run(now, id).changes > 0);
  }

  async addNote(conversationId: string, author: Actor, text: string, at: number) {
    const r = await this.sql.write(
      () =>
        this.#s.addNote.get(author.id, author.name, text, at, conversationId) as
          | NoteRecord
          | undefined,
    );
    if (!r) throw new Error(`no conversation ${conversationId}`);
    return toNoteRow(r);
  }

  async notes(conversationId: string) {
    return (this.#s.notes.all(conversationId) as NoteRecord[]).map(toNoteRow);
  }

  async markRead(conversationId: string, agentId: string, at: number) {
    await this.sql.write(() => {
      this.#s.markRead.run(agentId, at, conversationId);
    });
  }

  async readAt(conversationId: string, agentId: string) {
    return this.#s.readAt.get(conversationId, agentId) as number | undefined;
  }
}
