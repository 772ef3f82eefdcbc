import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type RunningGraphEmulator, startGraphEmulator } from "@convo/messenger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRuntime, type TestRuntime } from "./helpers";
import {
  APP_SECRET,
  messageText,
  PAGE_TOKEN,
  postWebhook,
  sentMessages,
  textItem,
  waitFor,
  webhookBody,
} from "./messenger";

/**
 * Notify the team end to end: a contact reaches the step, the runtime posts the JSON to a real
 * HTTP server on 127.0.0.1 (through the HTTP rules: the secret address filled in, private
 * addresses only where allowed), and the flow goes on by `next` or `error`.
 */

type Received = { path: string; headers: IncomingHttpHeaders; body: unknown };
let team: Server;
let teamUrl: string;
const received: Received[] = [];
let answer = 200;
let graph: RunningGraphEmulator;
const runtimes: TestRuntime[] = [];

const node = (id: string, type: string, data: unknown) => ({
  id,
  type,
  position: { x: 0, y: 0 },
  data,
});
const say = (id: string, text: string) =>
  node(id, "message", { content: [{ id: "t", kind: "text", text }] });

const helpFlow = {
  schemaVersion: 1,
  id: "help",
  name: "Help",
  variables: [{ name: "topic", type: "text" }],
  nodes: [
    node("start", "trigger", {
      triggers: [{ kind: "keyword", match: "contains", keywords: ["helpdesk"] }],
    }),
    node("ask", "input", {
      question: "What is it about?",
      variable: "topic",
      validation: { kind: "text" },
    }),
    node("tell", "notify", {
      url: "{{secrets.TEAM_HOOK}}",
      text: "{{contact.first_name}} needs help with {{topic}}",
      variables: ["topic"],
      timeoutMs: 2000,
    }),
    say("done", "The team is on it."),
    say("sorry", "We could not reach the team."),
  ],
  edges: [
    { id: "e1", source: "start", target: "ask" },
    { id: "e2", source: "ask", target: "tell" },
    { id: "e3", source: "tell", target: "done" },
    { id: "e4", source: "tell", sourceHandle: "error", target: "sorry" },
  ],
};

async function runtimeWith(env: Record<string, string>): Promise<TestRuntime> {
  const rt = await startRuntime({
    MESSENGER_APP_SECRET: APP_SECRET,
    MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
    GRAPH_API_URL: graph.url,
    ...env,
  });
  runtimes.push(rt);
  const hook = `${teamUrl}/hooks/team`;
  await rt.runtime.deps.store.settings.set("secrets", JSON.stringify({ TEAM_HOOK: hook }));
  expect((await rt.api("POST", "/api/flows/import?overwrite=1", helpFlow)).status).toBe(201);
  const published = await rt.api("POST", "/api/flows/help/publish", {});
  expect(published.status, JSON.stringify(published.json)).toBe(201);
  return rt;
}

/** The contact asks for help and says what about; resolves with the bot's last reply. */
async function askForHelp(rt: TestRuntime, psid: string, topic: string): Promise<string> {
  await postWebhook(rt.url, webhookBody([textItem(psid, "helpdesk please")]));
  await waitFor(() => (sentMessages(graph.calls, psid).length >= 1 ? true : undefined), "question");
  await postWebhook(rt.url, webhookBody([textItem(psid, topic)]));
  const replies = await waitFor(() => {
    const sent = sentMessages(graph.calls, psid);
    return sent.length >= 2 ? sent.map(messageText) : undefined;
  }, "the reply after the notification");
  return replies.at(-1) ?? "";
}

beforeAll(async () => {
  team = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk: Buffer) => {
      text += chunk.toString();
    });
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body: JSON.parse(text) });
      res.statusCode = answer;
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => team.listen(0, "127.0.0.1", resolve));
  teamUrl = `http://127.0.0.1:${(team.address() as AddressInfo).port}`;
  graph = await startGraphEmulator({ appSecret: APP_SECRET, pageToken: PAGE_TOKEN });
  graph.profiles.set("ada-1", { first_name: "Ada", last_name: "Lovelace" });
  graph.profiles.set("ben-2", { first_name: "Ben" });
  graph.profiles.set("cy-3", { first_name: "Cy" });
});
afterAll(async () => {
  for (const rt of runtimes) await rt.stop();
  await graph?.close();
  await new Promise((resolve) => team?.close(resolve));
});

describe("Notify the team", () => {
  it("posts the text, the contact, the chosen variables and the live chat link, then goes on", async () => {
    const rt = await runtimeWith({
      CONVO_ALLOW_PRIVATE_HTTP: "1",
      CONVO_PUBLIC_URL: "https://convo.example.com/",
    });
    answer = 200;
    expect(await askForHelp(rt, "ada-1", "a broken mug")).toBe("The team is on it.");
    const got = received.at(-1);
    expect(got?.path).toBe("/hooks/team");
    expect(got?.headers["content-type"]).toBe("application/json");
    expect(got?.body).toEqual({
      text: "Ada needs help with a broken mug",
      contact: { id: "ada-1", channel: "messenger", name: "Ada Lovelace" },
      flow: "help",
      step: "tell",
      variables: { topic: "a broken mug" },
      conversationUrl: "https://convo.example.com/#/contacts/ada-1",
    });
  });

  it("links to http://localhost:<PORT> without CONVO_PUBLIC_URL, and takes error when refused", async () => {
    const rt = await runtimeWith({ CONVO_ALLOW_PRIVATE_HTTP: "1" });
    const port = new URL(rt.url).port;
    answer = 500;
    expect(await askForHelp(rt, "ben-2", "a refund")).toBe("We could not reach the team.");
    expect(received.at(-1)?.body).toMatchObject({
      contact: { id: "ben-2", name: "Ben" },
      conversationUrl: `http://localhost:${port}/#/contacts/ben-2`,
    });
  });

  it("never reaches a private address unless the runtime allows it", async () => {
    const rt = await runtimeWith({});
    const before = received.length;
    answer = 200;
    expect(await askForHelp(rt, "cy-3", "a delivery")).toBe("We could not reach the team.");
    expect(received.length).toBe(before);
  });
});
