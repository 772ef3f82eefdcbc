/**
 * A conversation that asked for a person: opened when a hand-over step runs or a person pauses
 * the bot for the contact, waiting in the queue (oldest first) until an agent takes it, resolved
 * when the bot resumes. A contact has at most one that is not resolved.
 */
export type ConversationState = "waiting" | "assigned" | "resolved";

/** Who does something in the inbox: a person later (accounts), the admin token today. */
export interface Actor {
  id: string;
  name: string;
}

export interface NewConversation {
  id: string;
  psid: string;
  /** `messenger`, `instagram` or `whatsapp`. */
  channel: string;
  /** Why the contact asked for a person (the hand-over step's reason), when known. */
  reason: string | null;
  /** The flow and step the contact came from; null when a person paused the bot. */
  flowId: string | null;
  nodeId: string | null;
  openedAt: number;
}

export interface ConversationRow extends NewConversation {
  state: ConversationState;
  assignee: Actor | null;
  assignedAt: number | null;
  resolvedAt: number | null;
}

/** A row of the queue: the conversation, who the contact is, and what `reader` has not read. */
export interface QueueRow extends ConversationRow {
  contact: {
    firstName: string | null;
    lastName: string | null;
    profilePic: string | null;
    tags: string[];
  };
  /** The contact's messages since the conversation opened that `reader` has not read. */
  unread: number;
}

export interface QueueQuery {
  states: readonly ConversationState[];
  /** The agent the unread counts are for. */
  reader: string;
  limit: number;
}

export interface NoteRow {
  id: number;
  conversationId: string;
  author: Actor;
  text: string;
  at: number;
}

/** The inbox's conversations, their notes and what each agent has read. */
export interface ConversationStore {
  /** False when the contact already has one open (that one stays). */
  open(conversation: NewConversation): Promise<boolean>;
  get(id: string): Promise<ConversationRow | undefined>;
  /** The contact's conversation that is not resolved. */
  openFor(psid: string): Promise<ConversationRow | undefined>;
  /** Oldest first. */
  queue(query: QueueQuery): Promise<QueueRow[]>;
  /** One conversation as the queue shows it to `reader`, whatever its state. */
  entry(id: string, reader: string): Promise<QueueRow | undefined>;
  /** Assigns a waiting conversation; false when it is not waiting (taken, resolved, unknown). */
  take(id: string, agent: Actor, now: number): Promise<boolean>;
  /** Assigns an open conversation to anyone; false when it is resolved or unknown. */
  assign(id: string, agent: Actor, now: number): Promise<boolean>;
  /** False when it was resolved already or unknown. */
  resolve(id: string, now: number): Promise<boolean>;
  addNote(conversationId: string, author: Actor, text: string, at: number): Promise<NoteRow>;
  /** Oldest first. */
  notes(conversationId: string): Promise<NoteRow[]>;
  /** What `agent` has read up to (`at`); an earlier time never moves it back. */
  markRead(conversationId: string, agentId: string, at: number): Promise<void>;
  /** When `agent` last read the conversation. */
  readAt(conversationId: string, agentId: string): Promise<number | undefined>;
}
