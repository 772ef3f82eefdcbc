import type { ConversationRow, ConversationState, NoteRow, QueueRow } from "./conversations";

/** The columns of the inbox's tables, named alike in SQLite and PostgreSQL, and their rows. */
export interface ConversationRecord {
  id: string;
  psid: string;
  channel: string;
  reason: string | null;
  flow_id: string | null;
  node_id: string | null;
  opened_at: number;
  state: ConversationState;
  assignee_id: string | null;
  assignee_name: string | null;
  assigned_at: number | null;
  resolved_at: number | null;
}

export interface QueueRecord extends ConversationRecord {
  first_name: string | null;
  last_name: string | null;
  profile_pic: string | null;
  tags: string | string[] | null;
  unread: number;
}

export interface NoteRecord {
  id: number;
  conversation_id: string;
  author_id: string;
  author_name: string;
  text: string;
  at: number;
}

export function toConversationRow(r: ConversationRecord): ConversationRow {
  return {
    id: r.id,
    psid: r.psid,
    channel: r.channel,
    reason: r.reason,
    flowId: r.flow_id,
    nodeId: r.node_id,
    openedAt: r.opened_at,
    state: r.state,
    assignee:
      r.assignee_id === null ? null : { id: r.assignee_id, name: r.assignee_name ?? r.assignee_id },
    assignedAt: r.assigned_at,
    resolvedAt: r.resolved_at,
  };
}

export function toQueueRow(r: QueueRecord): QueueRow {
  const tags = typeof r.tags === "string" ? (JSON.parse(r.tags) as string[]) : (r.tags ?? []);
  return {
    ...toConversationRow(r),
    contact: {
      firstName: r.first_name,
      lastName: r.last_name,
      profilePic: r.profile_pic,
      tags,
    },
    unread: Number(r.unread),
  };
}

export function toNoteRow(r: NoteRecord): NoteRow {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    author: { id: r.author_id, name: r.author_name },
    text: r.text,
    at: r.at,
  };
}
