import type { Credentials } from "./client";
import type { components } from "./openapi";
import { callApi } from "./test-api";
import type { Answer } from "./types";

type Schemas = components["schemas"];
export type Conversation = Schemas["ConversationSummary"];
export type ConversationDetail = Schemas["ConversationDetail"];
export type ConversationNote = Schemas["ConversationNote"];
export type QueueState = "open" | "waiting" | "assigned" | "resolved";

const id = encodeURIComponent;

/** The inbox's calls: the queue of conversations handed to people, and working one. */
export function inboxApi(token: Credentials) {
  const act = (conversationId: string, action: string, body?: unknown) =>
    callApi<Conversation>(token, "POST", `/conversations/${id(conversationId)}/${action}`, body);
  return {
    queue: (state: QueueState) =>
      callApi<{ conversations: Conversation[] }>(token, "GET", `/conversations?state=${state}`),
    get: (conversationId: string) =>
      callApi<ConversationDetail>(token, "GET", `/conversations/${id(conversationId)}`),
    take: (conversationId: string) => act(conversationId, "take"),
    assign: (conversationId: string, to: string) => act(conversationId, "assign", { to }),
    resolve: (conversationId: string) => act(conversationId, "resolve"),
    read: (conversationId: string) =>
      callApi<null>(token, "POST", `/conversations/${id(conversationId)}/read`),
    reply: (conversationId: string, text: string) =>
      callApi<Answer<"postConversationsIdMessages", 202>>(
        token,
        "POST",
        `/conversations/${id(conversationId)}/messages`,
        { text },
      ),
    note: (conversationId: string, text: string) =>
      callApi<ConversationNote>(token, "POST", `/conversations/${id(conversationId)}/notes`, {
        text,
      }),
  };
}

export type InboxApi = ReturnType<typeof inboxApi>;
