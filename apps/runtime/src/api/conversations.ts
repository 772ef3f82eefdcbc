import { randomUUID } from "node:crypto";
import type { Context } from "hono";
import { Hono } from "hono";
import { audit } from "../accounts/audit";
import type { Deps } from "../deps";
import { queueAgentReply } from "../pipeline/agent-reply";
import { runtimeEvent } from "../pipeline/runtime-events";
import type { ConversationRow, ConversationState } from "../store/conversations";
import { actorOf } from "./actor";
import { contactJson } from "./contacts";
import { conversationJson, conversationMessageJson, noteJson } from "./conversation-json";
import { conversationStream } from "./conversation-stream";
import { ApiError, notFound, readBody } from "./errors";
import { on, readQuery } from "./openapi/route-spec";
import {
  assignBody,
  noteBody,
  queueQuery,
  replyBody,
  conversationSpecs as spec,
} from "./specs/conversations";

/** The queue shows this many; an inbox past it is worked from its oldest end. */
const QUEUE_LIMIT = 500;
/** The contact's last messages shown with a conversation. */
const DETAIL_MESSAGES = 50;

const STATES_OF: Record<string, readonly ConversationState[]> = {
  open: ["waiting", "assigned"],
  waiting: ["waiting"],
  assigned: ["assigned"],
  resolved: ["resolved"],
};

/**
 * The inbox agents work in: the queue of conversations handed to people, oldest first, taking
 * and assigning them, replies that name the agent, internal notes, read markers, resolving (the
 * bot answers again), and the news of all of it as server-sent events.
 */
export function conversationRoutes(deps: Deps) {
  const { conversations, contacts } = deps.store;
  const feed = deps.conversationFeed;
  const app = new Hono();

  const mustGet = async (id: string) => {
    const row = await conversations.get(id);
    if (!row) throw notFound(`The conversation "${id}"`);
    return row;
  };
  /** The conversation as the queue shows it to the caller. */
  const summaryOf = async (c: Context, row: ConversationRow) => {
    const entry = await conversations.entry(row.id, actorOf(c).id);
    if (!entry) throw notFound(`The conversation "${row.id}"`);
    return conversationJson(entry);
  };
  const resolved = (row: ConversationRow) =>
    new ApiError(409, "resolved", `The conversation "${row.id}" is resolved.`);

  on(app, spec.queue, async (c) => {
    const query = readQuery(c, queueQuery);
    const rows = await conversations.queue({
      states: STATES_OF[query.state ?? "open"] ?? [],
      reader: actorOf(c).id,
      limit: QUEUE_LIMIT,
    });
    return c.json({ conversations: rows.map(conversationJson) });
  });

  // Before `/:id`, which would take "stream" for an id.
  on(app, spec.stream, (c) => conversationStream(c, feed));

  on(app, spec.get, async (c) => {
    const row = await mustGet(c.req.param("id"));
    const contact = await contacts.get(row.psid);
    const [lines, notes] = await Promise.all([
      contacts.transcript(row.psid, DETAIL_MESSAGES),
      conversations.notes(row.id),
    ]);
    if (!contact) throw notFound(`The contact "${row.psid}"`);
    return c.json({
      conversation: await summaryOf(c, row),
      contact: contactJson(contact, deps.now()),
      messages: lines.map(conversationMessageJson),
      notes: notes.map(noteJson),
    });
  });

  on(app, spec.take, async (c) => {
    const row = await mustGet(c.req.param("id"));
    const me = actorOf(c);
    const now = deps.now();
    if (!(await conversations.take(row.id, me, now))) {
      const current = await mustGet(row.id);
      if (current.state === "resolved") throw resolved(current);
      if (current.assignee?.id !== me.id) {
        throw new ApiError(409, "taken", `${current.assignee?.name ?? "Someone"} has it.`, {
          assignee: current.assignee,
        });
      }
      return c.json(await summaryOf(c, current));
    }
    feed.publish({
      type: "assigned",
      conversationId: row.id,
      psid: row.psid,
      at: now,
      assignee: me,
    });
    await audit(deps, c, "conversation.take", row.id, { psid: row.psid });
    return c.json(await summaryOf(c, await mustGet(row.id)));
  });

  on(app, spec.assign, async (c) => {
    const row = await mustGet(c.req.param("id"));
    const body = await readBody(c, assignBody);
    const to = { id: body.to, name: body.name ?? body.to };
    const now = deps.now();
    if (!(await conversations.assign(row.id, to, now))) throw resolved(row);
    feed.publish({
      type: "assigned",
      conversationId: row.id,
      psid: row.psid,
      at: now,
      assignee: to,
    });
    await audit(deps, c, "conversation.assign", row.id, { psid: row.psid, to: to.id });
    return c.json(await summaryOf(c, await mustGet(row.id)));
  });

  on(app, spec.message, async (c) => {
    const row = await mustGet(c.req.param("id"));
    const body = await readBody(c, replyBody);
    if (row.state === "resolved") throw resolved(row);
    const me = actorOf(c);
    const now = deps.now();
    // Answering a waiting conversation takes it: the others see who is on it.
    if (row.state === "waiting" && (await conversations.take(row.id, me, now))) {
      feed.publish({
        type: "assigned",
        conversationId: row.id,
        psid: row.psid,
        at: now,
        assignee: me,
      });
    }
    const contact = await contacts.get(row.psid);
    if (!contact) throw notFound(`The contact "${row.psid}"`);
    const outboxId = await queueAgentReply(deps, contact, body.text, now, me);
    feed.publish({
      type: "message",
      conversationId: row.id,
      psid: row.psid,
      at: now,
      from: "agent",
    });
    // What was answered is in the transcript: the log says who, not what.
    await audit(deps, c, "contact.reply", row.psid, { outboxId, conversationId: row.id });
    return c.json({ id: outboxId }, 202);
  });

  on(app, spec.note, async (c) => {
    const row = await mustGet(c.req.param("id"));
    const body = await readBody(c, noteBody);
    const now = deps.now();
    const note = await conversations.addNote(row.id, actorOf(c), body.text, now);
    feed.publish({ type: "note", conversationId: row.id, psid: row.psid, at: now });
    return c.json(noteJson(note), 201);
  });

  on(app, spec.read, async (c) => {
    const row = await mustGet(c.req.param("id"));
    await conversations.markRead(row.id, actorOf(c).id, deps.now());
    return c.body(null, 204);
  });

  on(app, spec.resolve, async (c) => {
    const row = await mustGet(c.req.param("id"));
    const now = deps.now();
    if (!(await conversations.resolve(row.id, now))) throw resolved(row);
    await contacts.setPaused(row.psid, false, null);
    // A hand-over step waiting for the human continues from its `next`.
    await deps.store.inbox.insert(
      [runtimeEvent(row.psid, `resume:${randomUUID()}`, { type: "resume" })],
      now,
    );
    deps.wake.inbox(row.psid);
    feed.publish({ type: "resolved", conversationId: row.id, psid: row.psid, at: now });
    await audit(deps, c, "conversation.resolve", row.id, { psid: row.psid });
    return c.json(await summaryOf(c, await mustGet(row.id)));
  });

  return app;
}
