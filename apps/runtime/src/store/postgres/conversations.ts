import {
  type ConversationRecord,
  type NoteRecord,
  type QueueRecord,
  toConversationRow,
  toNoteRow,
  toQueueRow,
} from "../conversation-rows";
import type {
  Actor,
  ConversationStore,
  NewConversation,
  NoteRow,
  QueueQuery,
} from "../conversations";
import { type PgDatabase, prepared } from "./database";

/** The columns of a new conversation, `$n` from `first`; the SQLite module's meaning. */
export const openSql = (first: number, guard = "true") => {
  const p = (i: number) => `$${first + i}`;
  return `
  INSERT INTO conversations (id, psid, channel, reason, flow_id, node_id, opened_at, state)
  SELECT ${p(0)}::text, ${p(1)}::text, ${p(2)}::text, ${p(3)}::text, ${p(4)}::text, ${p(5)}::text,
    ${p(6)}::bigint, 'waiting'
  WHERE ${p(0)}::text IS NOT NULL AND ${guard}
  ON CONFLICT DO NOTHING`;
};

export const openParams = (c: NewConversation | undefined) => [
  c?.id ?? null,
  c?.psid ?? null,
  c?.channel ?? null,
  c?.reason ?? null,
  c?.flowId ?? null,
  c?.nodeId ?? null,
  c?.openedAt ?? null,
];

const queueSql = (where: string) => `
  SELECT c.*, k.first_name, k.last_name, k.profile_pic, k.tags,
    (SELECT count(*) FROM transcript t
      WHERE t.psid = c.psid AND t.author = 'contact' AND t.at >= c.opened_at
        AND (r.read_at IS NULL OR t.at > r.read_at)) AS unread
  FROM conversations c
  LEFT JOIN contacts k ON k.psid = c.psid
  LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.agent_id = $1
  WHERE ${where}
  ORDER BY c.opened_at, c.id
  LIMIT $3`;

/** The inbox's conversations on PostgreSQL. */
export class PgConversations implements ConversationStore {
  constructor(private readonly db: PgDatabase) {}

  async open(c: NewConversation) {
    const { rowCount } = await prepared(this.db.pool, openSql(1), openParams(c));
    return (rowCount ?? 0) > 0;
  }

  async get(id: string) {
    const { rows } = await prepared<ConversationRecord>(
      this.db.pool,
      "SELECT * FROM conversations WHERE id = $1",
      [id],
    );
    return rows[0] && toConversationRow(rows[0]);
  }

  async openFor(psid: string) {
    const { rows } = await prepared<ConversationRecord>(
      this.db.pool,
      "SELECT * FROM conversations WHERE psid = $1 AND state <> 'resolved'",
      [psid],
    );
    return rows[0] && toConversationRow(rows[0]);
  }

  async queue(q: QueueQuery) {
    const { rows } = await prepared<QueueRecord>(
      this.db.pool,
      queueSql("c.state = ANY($2::text[])"),
      [q.reader, [...q.states], q.limit],
    );
    return rows.map(toQueueRow);
  }

  async entry(id: string, reader: string) {
    const { rows } = await prepared<QueueRecord>(this.db.pool, queueSql("c.id = $2"), [
      reader,
      id,
      1,
    ]);
    return rows[0] && toQueueRow(rows[0]);
  }

  async take(id: string, agent: Actor, now: number) {
    const { rowCount } = await prepared(
      this.db.pool,
      `UPDATE conversations SET state = 'assigned', assignee_id = $1, assignee_name = $2,
         assigned_at = $3 WHERE id = $4 AND state = 'waiting'`,
      [agent.id, agent.name, now, id],
    );
    return (rowCount ?? 0) > 0;
  }

  async assign(id: string, agent: Actor, now: number) {
    const { rowCount } = await prepared(
      this.db.pool,
      `UPDATE conversations SET state = 'assigned', assignee_id = $1, assignee_name = $2,
         assigned_at = $3 WHERE id = $4 AND state <> 'resolved'`,
      [agent.id, agent.name, now, id],
    );
    return (rowCount ?? 0) > 0;
  }

  async resolve(id: string, now: number) {
    const { rowCount } = await prepared(
      this.db.pool,
      "UPDATE conversations SET state = 'resolved', resolved_at = $1 WHERE id = $2 AND state <> 'resolved'",
      [now, id],
    );
    return (rowCount ?? 0) > 0;
  }

  async addNote(conversationId: string, author: Actor, text: string, at: number) {
    const { rows } = await prepared<NoteRecord>(
      this.db.pool,
      `INSERT INTO conversation_notes (conversation_id, psid, author_id, author_name, text, at)
       SELECT id, psid, $1, $2, $3, $4 FROM conversations WHERE id = $5 RETURNING *`,
      [author.id, author.name, text, at, conversationId],
    );
    if (!rows[0]) throw new Error(`no conversation ${conversationId}`);
    return toNoteRow(rows[0]);
  }

  async notes(conversationId: string): Promise<NoteRow[]> {
    const { rows } = await prepared<NoteRecord>(
      this.db.pool,
      "SELECT * FROM conversation_notes WHERE conversation_id = $1 ORDER BY id",
      [conversationId],
    );
    return rows.map(toNoteRow);
  }

  async markRead(conversationId: string, agentId: string, at: number) {
    await prepared(
      this.db.pool,
      `INSERT INTO conversation_reads (conversation_id, agent_id, psid, read_at)
       SELECT id, $1, psid, $2 FROM conversations WHERE id = $3
       ON CONFLICT (conversation_id, agent_id) DO UPDATE SET read_at = excluded.read_at
       WHERE excluded.read_at > conversation_reads.read_at`,
      [agentId, at, conversationId],
    );
  }

  async readAt(conversationId: string, agentId: string) {
    const { rows } = await prepared<{ read_at: number }>(
      this.db.pool,
      "SELECT read_at FROM conversation_reads WHERE conversation_id = $1 AND agent_id = $2",
      [conversationId, agentId],
    );
    return rows[0]?.read_at;
  }
}
