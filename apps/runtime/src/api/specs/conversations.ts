import { z } from "zod";
import { ACCESS } from "../../accounts/access";
import { ApiSection } from "../openapi/route-spec";
import {
  Accepted,
  ConversationDetail,
  ConversationList,
  ConversationNote,
  ConversationSummary,
  ErrorBody,
} from "../schemas";

export const conversationsApi = new ApiSection("/conversations", "conversations");

export const STATES = ["waiting", "assigned", "resolved"] as const;

export const queueQuery = z.object({
  state: z
    .enum([...STATES, "open"])
    .optional()
    .meta({
      description:
        "`waiting` (nobody took it), `assigned`, `resolved`, or `open` (waiting and assigned, the default).",
    }),
});
export const assignBody = z.strictObject({
  to: z.string().trim().min(1).max(200).meta({ description: "The agent's id." }),
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: "How the agent is named to others (the id when absent)." }),
});
export const replyBody = z.strictObject({ text: z.string().trim().min(1).max(2000) });
export const noteBody = z.strictObject({ text: z.string().trim().min(1).max(5000) });

const id = z.object({ id: z.string().meta({ description: "The conversation's id (`cv_…`)." }) });
const notFound = { description: "No such conversation.", schema: ErrorBody };
const conflict = (description: string) => ({ description, schema: ErrorBody });
const summary = { description: "The conversation.", schema: ConversationSummary };

export const conversationSpecs = {
  queue: conversationsApi.route({
    method: "get",
    path: "/",
    access: ACCESS.contactsRead,
    summary: "The inbox: conversations handed to people, oldest first",
    query: queueQuery,
    responses: { 200: { description: "The queue.", schema: ConversationList } },
  }),
  stream: conversationsApi.route({
    method: "get",
    path: "/stream",
    access: ACCESS.contactsRead,
    summary: "The inbox's news as it happens (server-sent events)",
    description:
      "First `ready`, then events `opened`, `message`, `assigned`, `note` and `resolved`, each `{ type, conversationId, psid, at }` as JSON (`message` adds `from`, `assigned` adds `assignee`); a comment line every 15 s keeps the stream open through proxies. Read the conversation or the queue for the rest.",
    responses: {
      200: {
        description: "A stream of server-sent events.",
        schema: z.string(),
        type: "text/event-stream",
      },
    },
  }),
  get: conversationsApi.route({
    method: "get",
    path: "/:id",
    access: ACCESS.contactsRead,
    summary: "A conversation: the contact, the last messages (the bot's with their buttons), notes",
    params: id,
    responses: {
      200: { description: "The conversation.", schema: ConversationDetail },
      404: notFound,
    },
  }),
  take: conversationsApi.route({
    method: "post",
    path: "/:id/take",
    access: ACCESS.liveChat,
    summary: "Take a waiting conversation (assigned to the caller)",
    params: id,
    responses: {
      200: summary,
      404: notFound,
      409: conflict("Someone else has it, or it is resolved."),
    },
  }),
  assign: conversationsApi.route({
    method: "post",
    path: "/:id/assign",
    access: ACCESS.liveChat,
    summary: "Assign an open conversation to an agent",
    params: id,
    body: assignBody,
    responses: { 200: summary, 404: notFound, 409: conflict("It is resolved.") },
  }),
  message: conversationsApi.route({
    method: "post",
    path: "/:id/messages",
    access: ACCESS.liveChat,
    summary: "Reply to the contact (the transcript names the agent)",
    params: id,
    body: replyBody,
    responses: {
      202: { description: "Queued: the outbox row's id.", schema: Accepted },
      404: notFound,
      409: conflict("It is resolved."),
    },
  }),
  note: conversationsApi.route({
    method: "post",
    path: "/:id/notes",
    access: ACCESS.liveChat,
    summary: "Add an internal note (never sent to the contact)",
    params: id,
    body: noteBody,
    responses: {
      201: { description: "The note.", schema: ConversationNote },
      404: notFound,
    },
  }),
  read: conversationsApi.route({
    method: "post",
    path: "/:id/read",
    access: ACCESS.liveChat,
    summary: "Mark the conversation read by the caller",
    params: id,
    responses: { 204: { description: "Marked." }, 404: notFound },
  }),
  resolve: conversationsApi.route({
    method: "post",
    path: "/:id/resolve",
    access: ACCESS.liveChat,
    summary: "Resolve the conversation: the bot answers the contact again",
    params: id,
    responses: { 200: summary, 404: notFound, 409: conflict("It is resolved already.") },
  }),
};
