import type { TranscriptRow } from "../store/contacts";
import type { Actor, NoteRow, QueueRow } from "../store/conversations";
import { transcriptJson } from "./contacts";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** How an agent reads the contact's name: first and last name, else their id. */
export function contactName(
  contact: { firstName: string | null; lastName: string | null } | undefined,
  psid: string,
): string {
  const name = [contact?.firstName, contact?.lastName].filter(Boolean).join(" ");
  return name === "" ? psid : name;
}

export function conversationJson(row: QueueRow) {
  return {
    id: row.id,
    state: row.state,
    channel: row.channel,
    reason: row.reason,
    flowId: row.flowId,
    nodeId: row.nodeId,
    openedAt: new Date(row.openedAt).toISOString(),
    assignee: row.assignee,
    assignedAt: iso(row.assignedAt),
    resolvedAt: iso(row.resolvedAt),
    contact: {
      id: row.psid,
      name: contactName(row.contact, row.psid),
      profilePic: row.contact.profilePic,
      tags: row.contact.tags,
    },
    unread: row.unread,
  };
}

export function noteJson(note: NoteRow) {
  return {
    id: note.id,
    author: note.author,
    text: note.text,
    at: new Date(note.at).toISOString(),
  };
}

/** A transcript line, with the agent who wrote it. */
export function conversationMessageJson(row: TranscriptRow) {
  const agent = (row.payload as { agent?: Actor } | undefined)?.agent;
  return {
    ...transcriptJson(row),
    ...(agent && typeof agent.id === "string"
      ? { agent: { id: agent.id, name: String(agent.name) } }
      : {}),
  };
}
