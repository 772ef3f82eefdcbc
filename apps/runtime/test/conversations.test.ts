import { type RunningGraphEmulator, startGraphEmulator } from "@convo/messenger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Json, startRuntime, type TestRuntime, TOKEN } from "./helpers";
import {
  APP_SECRET,
  messageText,
  PAGE_TOKEN,
  postbackItem,
  postWebhook,
  sentMessages,
  textItem,
  waitFor,
  webhookBody,
} from "./messenger";
import { createTestDatabase } from "./postgres";
import { dataOf, type EventStream, openEventStream } from "./sse-client";

/** A help desk: "desk" shows a button; its tap hands the contact to a person, then "back". */
const desk = {
  schemaVersion: 1,
  id: "desk",
  name: "Desk",
  variables: [],
  nodes: [
    {
      id: "start",
      type: "trigger",
      position: { x: 0, y: 0 },
      data: { triggers: [{ kind: "keyword", match: "exact", keywords: ["desk"] }] },
    },
    {
      id: "menu",
      type: "message",
      position: { x: 300, y: 0 },
      data: {
        content: [
          {
            id: "t",
            kind: "text",
            text: "What do you need?",
            buttons: [{ id: "refund", kind: "postback", title: "Refund" }],
          },
        ],
      },
    },
    {
      id: "human",
      type: "handover",
      position: { x: 600, y: 0 },
      data: { label: "To the team", reason: "Refund request", message: "A person will answer." },
    },
    {
      id: "back",
      type: "message",
      position: { x: 900, y: 0 },
      data: { content: [{ id: "t", kind: "text", text: "The bot is back." }] },
    },
  ],
  edges: [
    { id: "e1", source: "start", target: "menu" },
    { id: "e2", source: "menu", sourceHandle: "refund", target: "human" },
    { id: "e3", source: "human", target: "back" },
  ],
};

let graph: RunningGraphEmulator;
let rt: TestRuntime;
let stream: EventStream;

beforeAll(async () => {
  graph = await startGraphEmulator({ appSecret: APP_SECRET, pageToken: PAGE_TOKEN });
  graph.profiles.set("cv-ann", {
    first_name: "Ann",
    last_name: "Lee",
    locale: "en_US",
    profile_pic: "https://cdn.example.com/ann.jpg",
  });
  graph.profiles.set("cv-bob", { first_name: "Bob", last_name: "Roy", locale: "fr_FR" });
  rt = await startRuntime({
    MESSENGER_APP_SECRET: APP_SECRET,
    MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
    GRAPH_API_URL: graph.url,
  });
  expect((await rt.api("POST", "/api/flows/import", desk)).status).toBe(201);
  expect((await rt.api("POST", "/api/flows/desk/publish", {})).status).toBe(201);
  stream = await openEventStream(`${rt.url}/api/conversations/stream`, TOKEN);
  await stream.next((e) => e.event === "ready");
});
afterAll(async () => {
  await stream?.close();
  await rt?.stop();
  await graph?.close();
});

const messagesTo = (psid: string) => sentMessages(graph.calls, psid);
const waitForText = (psid: string, text: string) =>
  waitFor(
    () => messagesTo(psid).find((m) => messageText(m).includes(text)),
    `"${text}" sent to ${psid}`,
  );

async function send(item: Record<string, unknown>) {
  const response = await postWebhook(rt.url, webhookBody([item]));
  expect(response.status).toBe(200);
}

/** The contact asks for the desk and taps its button: the hand-over step runs. */
async function askForAPerson(psid: string) {
  await send(textItem(psid, "desk"));
  const menu = await waitForText(psid, "What do you need?");
  const payload = menu.attachment?.payload.buttons?.[0]?.payload as string;
  await send(postbackItem(psid, payload, "Refund"));
  await waitForText(psid, "A person will answer.");
}

const queue = async (state?: string) => {
  const { status, json } = await rt.api(
    "GET",
    `/api/conversations${state ? `?state=${state}` : ""}`,
  );
  expect(status).toBe(200);
  return json.conversations as Json[];
};

describe("the inbox agents work in", () => {
  let annId: string;

  it("queues contacts handed over, oldest first, with who they are and why", async () => {
    const from = stream.events.length;
    await askForAPerson("cv-ann");
    const opened = dataOf(await stream.next((e) => e.event === "opened", from));
    expect(opened).toMatchObject({ type: "opened", psid: "cv-ann" });
    annId = opened.conversationId;
    await askForAPerson("cv-bob");

    const waiting = await queue();
    expect(waiting.map((c) => c.contact.id)).toEqual(["cv-ann", "cv-bob"]);
    expect(waiting[0]).toMatchObject({
      id: annId,
      state: "waiting",
      channel: "messenger",
      reason: "Refund request",
      flowId: "desk",
      nodeId: "human",
      assignee: null,
      contact: { name: "Ann Lee", profilePic: "https://cdn.example.com/ann.jpg", tags: [] },
    });
    // The tap that asked for a person is unread.
    expect(waiting[0].unread).toBe(1);
    expect(await queue("assigned")).toEqual([]);
  });

  it("streams the customer's message to a connected agent, and the bot stays quiet", async () => {
    const from = stream.events.length;
    const before = messagesTo("cv-ann").length;
    await send(textItem("cv-ann", "is anyone there?"));
    const news = dataOf(await stream.next((e) => e.event === "message", from));
    expect(news).toMatchObject({ conversationId: annId, psid: "cv-ann", from: "contact" });
    expect((await queue())[0].unread).toBe(2);
    expect(messagesTo("cv-ann")).toHaveLength(before);
  });

  it("shows the contact, the bot's last messages with their buttons, and marks them read", async () => {
    const { status, json } = await rt.api("GET", `/api/conversations/${annId}`);
    expect(status).toBe(200);
    expect(json.contact).toMatchObject({ id: "cv-ann", firstName: "Ann", paused: true });
    const menu = json.messages.find((m: Json) => m.text === "What do you need?");
    expect(menu).toMatchObject({ author: "bot", buttons: ["Refund"] });
    expect(json.messages.at(-1)).toMatchObject({ author: "contact", text: "is anyone there?" });

    expect((await rt.api("POST", `/api/conversations/${annId}/read`)).status).toBe(204);
    expect((await queue())[0].unread).toBe(0);
  });

  it("is taken, reassigned, answered in the agent's name, with notes", async () => {
    const from = stream.events.length;
    const taken = await rt.api("POST", `/api/conversations/${annId}/take`);
    expect(taken.status).toBe(200);
    expect(taken.json).toMatchObject({ state: "assigned", assignee: { id: "admin" } });
    expect(dataOf(await stream.next((e) => e.event === "assigned", from))).toMatchObject({
      conversationId: annId,
      assignee: { id: "admin" },
    });
    expect((await queue("waiting")).map((c) => c.contact.id)).toEqual(["cv-bob"]);

    const handed = await rt.api("POST", `/api/conversations/${annId}/assign`, {
      to: "u-zoe",
      name: "Zoé",
    });
    expect(handed.json.assignee).toEqual({ id: "u-zoe", name: "Zoé" });
    const refused = await rt.api("POST", `/api/conversations/${annId}/take`);
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe("taken");
    expect(refused.json.error.message).toContain("Zoé");
    await rt.api("POST", `/api/conversations/${annId}/assign`, { to: "admin", name: "admin" });

    const reply = await rt.api("POST", `/api/conversations/${annId}/messages`, {
      text: "Hello Ann, I'm on it.",
    });
    expect(reply.status).toBe(202);
    await waitForText("cv-ann", "Hello Ann, I'm on it.");

    const note = await rt.api("POST", `/api/conversations/${annId}/notes`, {
      text: "Order 1042, refund approved",
    });
    expect(note.status).toBe(201);
    expect(note.json).toMatchObject({
      author: { id: "admin" },
      text: "Order 1042, refund approved",
    });

    const { json } = await rt.api("GET", `/api/conversations/${annId}`);
    expect(json.messages.at(-1)).toMatchObject({
      author: "agent",
      text: "Hello Ann, I'm on it.",
      agent: { id: "admin", name: "admin" },
    });
    expect(json.notes.map((n: Json) => n.text)).toEqual(["Order 1042, refund approved"]);
    // A note is never sent to the contact.
    expect(messagesTo("cv-ann").some((m) => messageText(m).includes("refund approved"))).toBe(
      false,
    );
  });

  it("resolves: the bot resumes and answers the contact again", async () => {
    const from = stream.events.length;
    const resolved = await rt.api("POST", `/api/conversations/${annId}/resolve`);
    expect(resolved.status).toBe(200);
    expect(resolved.json.state).toBe("resolved");
    expect(dataOf(await stream.next((e) => e.event === "resolved", from))).toMatchObject({
      conversationId: annId,
    });
    await waitForText("cv-ann", "The bot is back.");
    expect((await rt.api("GET", "/api/contacts/cv-ann")).json.paused).toBe(false);
    // The agent reading the transcript sees where the bot took over again, before its answer.
    const lines = (await rt.api("GET", "/api/contacts/cv-ann/transcript")).json.messages as Json[];
    // Live chat reads the transcript: what the bot offered, and the title the contact tapped.
    expect(lines.find((m) => m.text === "What do you need?")?.buttons).toEqual(["Refund"]);
    expect(lines.find((m) => m.author === "contact" && m.kind === "postback")?.text).toBe("Refund");
    const resumed = lines.findIndex(
      (m) => m.author === "system" && m.payload?.line === "bot_resumed",
    );
    expect(lines[resumed]?.text).toBe("The bot answers again");
    expect(resumed).toBeLessThan(lines.findIndex((m) => m.text === "The bot is back."));
    expect((await queue()).map((c) => c.contact.id)).toEqual(["cv-bob"]);
    expect((await queue("resolved")).map((c) => c.id)).toEqual([annId]);

    const menus = messagesTo("cv-ann").filter((m) => messageText(m) === "What do you need?");
    await send(textItem("cv-ann", "desk"));
    await waitFor(
      () =>
        messagesTo("cv-ann").filter((m) => messageText(m) === "What do you need?").length >
        menus.length
          ? true
          : undefined,
      "the bot's menu again",
    );
    expect((await rt.api("POST", `/api/conversations/${annId}/resolve`)).status).toBe(409);
  });

  it("opens a conversation when a person pauses the bot, and answers 404 for unknown ids", async () => {
    await send(textItem("cv-cat", "hi"));
    await waitFor(async () => {
      const { status } = await rt.api("GET", "/api/contacts/cv-cat");
      return status === 200 ? true : undefined;
    }, "the contact stored");
    expect((await rt.api("POST", "/api/contacts/cv-cat/pause", {})).status).toBe(200);
    const open = await queue();
    expect(open.map((c) => c.contact.id)).toEqual(["cv-bob", "cv-cat"]);
    expect(open[1]).toMatchObject({ reason: null, flowId: null, nodeId: null });
    expect((await rt.api("GET", "/api/conversations/cv_nope")).status).toBe(404);
    expect((await rt.api("POST", "/api/conversations/cv_nope/take")).status).toBe(404);
  });

  it("streams to the Bearer token only, with the event-stream type", async () => {
    expect(stream.status).toBe(200);
    expect(stream.contentType).toContain("text/event-stream");
    const anonymous = await fetch(`${rt.url}/api/conversations/stream`);
    expect(anonymous.status).toBe(401);
  });
});

describe("the inbox across replicas (PostgreSQL)", () => {
  it("streams to an agent connected to one replica what happened on another", async () => {
    const database = await createTestDatabase("inbox_replicas");
    const env = {
      MESSENGER_APP_SECRET: APP_SECRET,
      MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
      GRAPH_API_URL: graph.url,
      CONVO_DATABASE_URL: database.url,
    };
    const a = await startRuntime(env);
    const b = await startRuntime(env);
    let agent: EventStream | undefined;
    try {
      expect((await a.api("POST", "/api/flows/import", desk)).status).toBe(201);
      expect((await a.api("POST", "/api/flows/desk/publish", {})).status).toBe(201);
      agent = await openEventStream(`${b.url}/api/conversations/stream`, TOKEN);
      await agent.next((e) => e.event === "ready");
      const psid = "cv-rep";
      const post = async (item: Record<string, unknown>) =>
        expect((await postWebhook(a.url, webhookBody([item]))).status).toBe(200);
      await post(textItem(psid, "desk"));
      const menu = await waitForText(psid, "What do you need?");
      await post(postbackItem(psid, menu.attachment?.payload.buttons?.[0]?.payload as string));
      const opened = dataOf(await agent.next((e) => e.event === "opened" && e.data.includes(psid)));
      await post(textItem(psid, "hello from replica A"));
      const news = dataOf(await agent.next((e) => e.event === "message" && e.data.includes(psid)));
      expect(news).toMatchObject({ conversationId: opened.conversationId, from: "contact" });
      const queued = (await b.api("GET", "/api/conversations")).json.conversations as Json[];
      expect(queued.map((c) => c.contact.id)).toEqual([psid]);
    } finally {
      await agent?.close();
      await a.stop();
      await b.stop();
      await database.drop();
    }
  });
});

describe("a person's pause for some minutes", () => {
  it("resolves the conversation when it runs out and the bot answers", async () => {
    let offset = 0;
    const clocked = await startRuntime(
      {
        MESSENGER_APP_SECRET: APP_SECRET,
        MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
        GRAPH_API_URL: graph.url,
      },
      undefined,
      undefined,
      undefined,
      () => Date.now() + offset,
    );
    try {
      expect((await clocked.api("POST", "/api/flows/import", desk)).status).toBe(201);
      expect((await clocked.api("POST", "/api/flows/desk/publish", {})).status).toBe(201);
      const psid = "cv-minutes";
      const post = async (item: Record<string, unknown>) =>
        expect((await postWebhook(clocked.url, webhookBody([item]))).status).toBe(200);
      await post(textItem(psid, "desk"));
      await waitForText(psid, "What do you need?");
      expect(
        (await clocked.api("POST", `/api/contacts/${psid}/pause`, { minutes: 5 })).status,
      ).toBe(200);
      const queued = (await clocked.api("GET", "/api/conversations")).json.conversations as Json[];
      expect(queued.map((c) => c.contact.id)).toEqual([psid]);

      offset = 6 * 60_000;
      const menus = messagesTo(psid).length;
      await post(textItem(psid, "desk"));
      await waitFor(() => (messagesTo(psid).length > menus ? true : undefined), "the bot again");
      await waitFor(async () => {
        const open = (await clocked.api("GET", "/api/conversations")).json.conversations as Json[];
        return open.length === 0 ? true : undefined;
      }, "the conversation resolved");
      const resolved = (await clocked.api("GET", "/api/conversations?state=resolved")).json
        .conversations as Json[];
      expect(resolved.map((c) => c.contact.id)).toEqual([psid]);
    } finally {
      await clocked.stop();
    }
  });
});
