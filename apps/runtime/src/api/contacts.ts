import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { z } from "zod";
import type { Deps } from "../deps";
import { requestLog } from "../ops/request-context";
import type { ContactRow, TranscriptRow } from "../store/store";
import { ApiError, notFound, readBody } from "./errors";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const DAY_MS = 86_400_000;

/** Whether the bot stays quiet for this contact at `now`. */
export function isPaused(contact: ContactRow, now: number): boolean {
  return contact.paused && (contact.pausedUntil === null || contact.pausedUntil > now);
}

export function contactJson(contact: ContactRow, now: number) {
  const paused = isPaused(contact, now);
  return {
    id: contact.psid,
    psid: contact.psid,
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

export function transcriptJson(row: TranscriptRow) {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    direction: row.direction,
    author: row.author,
    kind: row.kind,
    text: row.text,
    ...(row.payload === undefined ? {} : { payload: row.payload }),
    ...(row.status === undefined ? {} : { status: row.status }),
  };
}

function intQuery(value: string | undefined, fallback: number, max: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new ApiError(400, "invalid_query", `"${value}" is not a positive whole number.`);
  }
  return Math.min(n, max);
}

const pauseBody = z.strictObject({ minutes: z.number().positive().max(525_600).optional() });
const messageBody = z.strictObject({ text: z.string().trim().min(1).max(2000) });

export function contactRoutes(deps: Deps) {
  const { store } = deps;
  const app = new Hono();

  const mustGet = async (id: string) => {
    const contact = await store.getContact(id);
    if (!contact) throw notFound(`The contact "${id}"`);
    return contact;
  };

  app.get("/", async (c) => {
    const limit = intQuery(c.req.query("limit"), 50, 500);
    const pausedText = c.req.query("paused");
    const before = c.req.query("before");
    const contacts = await store.listContacts({
      search: c.req.query("search") || undefined,
      tag: c.req.query("tag") || undefined,
      paused:
        pausedText === undefined || pausedText === ""
          ? undefined
          : pausedText === "true" || pausedText === "1",
      limit,
      before: before ? intQuery(before, 0, Number.MAX_SAFE_INTEGER) : undefined,
    });
    const now = deps.now();
    const last = contacts.at(-1);
    return c.json({
      contacts: contacts.map((contact) => contactJson(contact, now)),
      ...(contacts.length === limit && last ? { next: String(last.lastActivityAt) } : {}),
    });
  });

  app.get("/:id", async (c) => c.json(contactJson(await mustGet(c.req.param("id")), deps.now())));

  app.get("/:id/transcript", async (c) => {
    const id = c.req.param("id");
    await mustGet(id);
    const limit = intQuery(c.req.query("limit"), 100, 1000);
    const before = c.req.query("before");
    const rows = await store.listTranscript(
      id,
      limit,
      before ? intQuery(before, 0, Number.MAX_SAFE_INTEGER) : undefined,
    );
    return c.json({ messages: rows.map(transcriptJson) });
  });

  app.post("/:id/pause", async (c) => {
    const id = c.req.param("id");
    const body = await readBody(c, pauseBody);
    await mustGet(id);
    const until = body.minutes === undefined ? null : deps.now() + body.minutes * 60_000;
    await store.setPaused(id, true, until);
    return c.json(contactJson(await mustGet(id), deps.now()));
  });

  app.post("/:id/resume", async (c) => {
    const id = c.req.param("id");
    await mustGet(id);
    const now = deps.now();
    await store.setPaused(id, false, null);
    // A handover node waiting for the human continues from its `next`.
    await store.insertInbox(
      [
        {
          dedupeKey: `runtime:${id}:resume:${randomUUID()}`,
          psid: id,
          kind: "resume",
          event: { source: "runtime", event: { type: "resume" } },
          actionable: true,
        },
      ],
      now,
    );
    deps.wake.inbox(id);
    return c.json(contactJson(await mustGet(id), now));
  });

  app.post("/:id/messages", async (c) => {
    const id = c.req.param("id");
    const body = await readBody(c, messageBody);
    const contact = await mustGet(id);
    const now = deps.now();
    const inWindow = contact.lastUserMessageAt !== null && now - contact.lastUserMessageAt < DAY_MS;
    const outboxId = await store.enqueueAgentMessage(
      id,
      {
        kind: "message",
        message: { kind: "text", text: body.text },
        author: "agent",
        ...(inWindow ? {} : { tag: "HUMAN_AGENT" as const }),
      },
      body.text,
      now,
    );
    deps.wake.outbox(id);
    return c.json({ id: outboxId }, 202);
  });

  app.get("/:id/export", async (c) => {
    const id = c.req.param("id");
    const data = await store.exportContact(id);
    if (!data) throw notFound(`The contact "${id}"`);
    return c.body(
      JSON.stringify({ exportedAt: new Date(deps.now()).toISOString(), ...data }, null, 2),
      200,
      {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="contact-${id.replace(/[^A-Za-z0-9_-]/g, "")}.json"`,
      },
    );
  });

  app.delete("/:id", async (c) => {
    const id = c.req.param("id");
    if (!(await store.eraseContact(id))) throw notFound(`The contact "${id}"`);
    requestLog(c, deps.log).info("contact erased", { psid: id });
    return c.body(null, 204);
  });

  return app;
}
