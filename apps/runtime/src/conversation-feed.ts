import type { Actor } from "./store/conversations";

/**
 * What agents' inboxes are told as it happens: a conversation opened, the customer wrote, an
 * agent wrote, it was assigned, a note was added, it was resolved. Only ids: a client reads the
 * rest through the API, with the rights it has.
 */
export type ConversationNews =
  | { type: "opened"; conversationId: string; psid: string; at: number }
  | { type: "message"; conversationId: string; psid: string; at: number; from: "contact" | "agent" }
  | { type: "assigned"; conversationId: string; psid: string; at: number; assignee: Actor }
  | { type: "note"; conversationId: string; psid: string; at: number }
  | { type: "resolved"; conversationId: string; psid: string; at: number };

export type NewsListener = (news: ConversationNews) => void;

/**
 * The inbox's live news, fanned out to this process's connected agents. With several replicas
 * the news crosses between them through the store's replica link (LISTEN/NOTIFY): `relay` is
 * given what another replica published, `publish` sends to every replica, this one included.
 */
export interface ConversationFeed {
  publish(news: ConversationNews): void;
  /** `ended` is called when the runtime stops: the stream closes at once, not at a time-out. */
  subscribe(listener: NewsListener, ended?: () => void): () => void;
  /** Ends every subscription (the runtime stops). */
  end(): void;
  /** Connected listeners, for /metrics and the benchmark. */
  readonly listeners: number;
}

/** The feed of one process; `send` (the replica link) when news must reach other replicas. */
export function conversationFeed(send?: (news: ConversationNews) => void): ConversationFeed & {
  /** News from another replica, told to this one's listeners. */
  relay(news: ConversationNews): void;
} {
  const listeners = new Set<NewsListener>();
  const enders = new Map<NewsListener, () => void>();
  const tell = (news: ConversationNews) => {
    for (const listener of listeners) {
      try {
        listener(news);
      } catch {
        // One closed stream must not keep the news from the others.
      }
    }
  };
  return {
    publish(news) {
      if (send) send(news);
      else tell(news);
    },
    relay: tell,
    subscribe(listener, ended) {
      listeners.add(listener);
      if (ended) enders.set(listener, ended);
      return () => {
        listeners.delete(listener);
        enders.delete(listener);
      };
    },
    end() {
      const ending = [...enders.values()];
      listeners.clear();
      enders.clear();
      for (const ended of ending) ended();
    },
    get listeners() {
      return listeners.size;
    },
  };
}

const NEWS_TYPES = new Set(["opened", "message", "assigned", "note", "resolved"]);

/** News another replica published, or undefined when it is not news (a newer replica's kind). */
export function parseNews(payload: string): ConversationNews | undefined {
  try {
    const value = JSON.parse(payload) as Partial<ConversationNews> | null;
    if (!value || typeof value !== "object") return undefined;
    if (!NEWS_TYPES.has(String(value.type)) || typeof value.conversationId !== "string") {
      return undefined;
    }
    return value as ConversationNews;
  } catch {
    return undefined;
  }
}
