import { randomUUID } from "node:crypto";
import { findCredentials, type OutMessage, redactRequest, replaceCredentials } from "@convo/flow";
import { Hono } from "hono";
import { audit } from "../accounts/audit";
import type { Deps } from "../deps";
import { contactAddress } from "../graph-api/contact-address";
import { queueAgentReply } from "../pipeline/agent-reply";
import { pausedConversation } from "../pipeline/handover-conversation";
import { isPaused } from "../pipeline/pause";
import { runtimeEvent } from "../pipeline/runtime-events";
import { requestLog } from "../request-log";
import type { ContactRow, TranscriptRow } from "../store/contacts";
import { actorOf } from "./actor";
import { notFound, readBody } from "./errors";
import { on, readQuery } from "./openapi/route-spec";
import {
  listQuery,
  messageBody,
  pauseBody,
  contactSpecs as spec,
  transcriptQuery,
} from "./specs/contacts";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function contactJson(contact: ContactRow, now: number) {
  const paused = isPaused(contact, now);
  return {
    id: contact.psid,
    psid: contact.psid,
    channel: contactAddress(contact.psid).channel,
    firstName: contact.firstName,
    lastName: contact.lastName,
    locale: contact.locale,
    profilePic: contact.profilePic,
    fields: contact.fields,
    tags: contact.tags,
    paused,
    pausedUntil: paused ? iso(contact.pausedUntil) : null,
    lastUserMessageAt: iso(contact.lastUserMessageAt),
    createdAt: iso(contact.createdAt),
    currentFlow: contact.currentFlow,
  };
}

/**
 * An outbox item as it may be handed out: an HTTP call's stored request (secrets unfilled
 * already) with any credential typed in clear into the flow emptied, by name and by shape.
 */
export function redactOutboxItem<T>(item: T): T {
  const http = item as { kind?: unknown; request?: Parameters<typeof redactRequest>[0] };
  if (http?.kind !== "http" || !http.request) return item;
  return { ...item, request: redactRequest(http.request).request };
}

/** JSON text with credentials (by key name and by shape) emptied inside its string values. */
export function redactJsonText(text: string): string {
  const found = findCredentials({ kind: "body" }, text);
  return found.length === 0 ? text : replaceCredentials(text, found, () => "");
}

/**
 * A contact's export without credentials typed into a flow: the stored requests of HTTP calls,
 * the variables a set-variable step filled, and API answers that echoed one.
 */
function redactExport(data: Record<string, unknown>): Record<string, unknown> {
  const rows = (key: string, map: (row: Record<string, unknown>) => Record<string, unknown>) =>
    Array.isArray(data[key]) ? (data[key] as Record<string, unknown>[]).map(map) : data[key];
  let session = data.session;
  if (session !== null && session !== undefined) {
    const text = JSON.stringify(session);
    const safe = redactJsonText(text);
    // Emptying inside string values keeps the JSON valid; if it did not, hand out nothing.
    if (safe !== text) session = parseOr(safe, null);
  }
  return {
    ...data,
    session,
    outbox: rows("outbox", (row) => {
      if (typeof row.item === "string") {
        return { ...row, item: JSON.stringify(redactOutboxItem(parseOr(row.item, null))) };
      }
      return { ...row, item: redactOutboxItem(row.item) };
    }),
    inbox: rows("inbox", (row) =>
      typeof row.event === "string" ? { ...row, event: redactJsonText(row.event) } : row,
    ),
  };
}

function parseOr<T>(text: string, fallback: T): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return fallback;
  }
}

/** The titles of a sent message's buttons and quick replies, as the contact saw them. */
function buttonTitles(payload: unknown): string[] | undefined {
  const message = payload as Partial<OutMessage> | null | undefined;
  if (!message || typeof message !== "object" || typeof message.kind !== "string") return;
  const titles: string[] = [];
  const buttons = message.kind === "text" ? message.buttons : undefined;
  for (const button of buttons ?? []) titles.push(button.title);
  if (message.kind === "cards") {
    for (const card of message.cards ?? [])
      for (const b of card.buttons ?? []) titles.push(b.title);
  }
  for (const reply of message.quickReplies ?? []) {
    if (reply.kind === "text") titles.push(reply.title);
  }
  return titles.length > 0 ? titles : undefined;
}

/** A transcript line; a bot's message with the buttons it offered, which the agent sees. */
export function transcriptJson(row: TranscriptRow) {
  const buttons = row.author === "bot" ? buttonTitles(row.payload) : undefined;
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    direction: row.direction,
    author: row.author,
    kind: row.kind,
    text: row.text,
    ...(row.payload === undefined ? {} : { payload: row.payload }),
    ...(row.status === undefined ? {} : { status: row.status }),
    ...(row.flowId === undefined ? {} : { flowId: row.flowId }),
    ...(row.nodeId === undefined ? {} : { nodeId: row.nodeId }),
    ...(buttons ? { buttons } : {}),
  };
}

export function contactRoutes(deps: Deps) {
  const { contacts, inbox } = deps.store;
  const app = new Hono();

  const mustGet = async (id: string) => {
    const contact = await contacts.get(id);
    if (!contact) throw notFound(`The contact "${id}"`);
    return contact;
  };

  on(app, spec.list, async (c) => {
    const query = readQuery(c, listQuery);
    const limit = query.limit ?? 50;
    const found = await contacts.list({
      ...(query.search === undefined ? {} : { search: query.search }),
      ...(query.tag === undefined ? {} : { tag: query.tag }),
      ...(query.paused === undefined ? {} : { paused: query.paused }),
      limit,
      ...(query.before === undefined ? {} : { before: query.before }),
    });
    const now = deps.now();
    const last = found.at(-1);
    return c.json({
      contacts: found.map((contact) => contactJson(contact, now)),
      ...(found.length === limit && last ? { next: String(last.lastActivityAt) } : {}),
    });
  });

  on(app, spec.get, async (c) => c.json(contactJson(await mustGet(c.req.param("id")), deps.now())));

  on(app, spec.transcript, async (c) => {
    const id = c.req.param("id");
    await mustGet(id);
    const query = readQuery(c, transcriptQuery);
    const rows = await contacts.transcript(id, query.limit ?? 100, query.before);
    return c.json({ messages: rows.map(transcriptJson) });
  });

  on(app, spec.pause, async (c) => {
    const id = c.req.param("id");
    const body = await readBody(c, pauseBody);
    await mustGet(id);
    const until = body.minutes === undefined ? null : deps.now() + body.minutes * 60_000;
    await contacts.setPaused(id, true, until);
    // Paused for a person: the contact waits in the inbox's queue.
    const now = deps.now();
    const opened = pausedConversation(id, now);
    if (await deps.store.conversations.open(opened)) {
      deps.conversationFeed.publish({
        type: "opened",
        conversationId: opened.id,
        psid: id,
        at: now,
      });
    }
    await audit(deps, c, "contact.pause", id, { minutes: body.minutes ?? null });
    return c.json(contactJson(await mustGet(id), now));
  });

  on(app, spec.resume, async (c) => {
    const id = c.req.param("id");
    await mustGet(id);
    const now = deps.now();
    await contacts.setPaused(id, false, null);
    await audit(deps, c, "contact.resume", id);
    // A handover node waiting for the human continues from its `next`.
    await inbox.insert([runtimeEvent(id, `resume:${randomUUID()}`, { type: "resume" })], now);
    deps.wake.inbox(id);
    return c.json(contactJson(await mustGet(id), now));
  });

  on(app, spec.message, async (c) => {
    const id = c.req.param("id");
    const body = await readBody(c, messageBody);
    const contact = await mustGet(id);
    const now = deps.now();
    const outboxId = await queueAgentReply(deps, contact, body.text, now, actorOf(c));
    const open = await deps.store.conversations.openFor(id);
    if (open) {
      deps.conversationFeed.publish({
        type: "message",
        conversationId: open.id,
        psid: id,
        at: now,
        from: "agent",
      });
    }
    // What was answered is in the transcript: the log says who, not what.
    await audit(deps, c, "contact.reply", id, { outboxId });
    return c.json({ id: outboxId }, 202);
  });

  on(app, spec.export, async (c) => {
    const id = c.req.param("id");
    const data = await contacts.export(id);
    if (!data) throw notFound(`The contact "${id}"`);
    const safe = redactExport(data);
    await audit(deps, c, "contact.export", id);
    return c.body(
      JSON.stringify({ exportedAt: new Date(deps.now()).toISOString(), ...safe }, null, 2),
      200,
      {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="contact-${id.replace(/[^A-Za-z0-9_-]/g, "")}.json"`,
      },
    );
  });

  on(app, spec.erase, async (c) => {
    const id = c.req.param("id");
    if (!(await contacts.erase(id, deps.now()))) throw notFound(`The contact "${id}"`);
    requestLog(c, deps.log).info("contact erased", { psid: id });
    await audit(deps, c, "contact.erase", id);
    return c.body(null, 204);
  });

  return app;
}
