import { type RunningGraphEmulator, startGraphEmulator } from "@convo/messenger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/log";
import { type Json, startRuntime, type TestRuntime } from "./helpers";
import {
  APP_SECRET,
  PAGE_ID,
  PAGE_TOKEN,
  postWebhook,
  sentMessages,
  waitFor,
  webhookBody,
} from "./messenger";

/**
 * Event shapes written from Meta's documentation and from what other frameworks' fixtures carry,
 * posted signed to a real runtime: for each, the answer, the transcript line or the unknown entry
 * an operator sees.
 */
type Line = Record<string, unknown>;

let graph: RunningGraphEmulator;
let rt: TestRuntime;
const lines: Line[] = [];
let n = 0;
const mid = () => `m_shape_${process.pid}_${++n}`;

beforeAll(async () => {
  graph = await startGraphEmulator({ appSecret: APP_SECRET, pageToken: PAGE_TOKEN });
  const log = createLogger("info", (line) => lines.push(JSON.parse(line) as Line));
  rt = await startRuntime(
    {
      MESSENGER_APP_SECRET: APP_SECRET,
      MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
      GRAPH_API_URL: graph.url,
    },
    undefined,
    20,
    log,
  );
});
afterAll(async () => {
  await rt?.stop();
  await graph?.close();
});

async function send(items: Record<string, unknown>[]) {
  const answer = await postWebhook(rt.url, webhookBody(items));
  expect(answer.status).toBe(200);
}

const transcript = async (psid: string) =>
  (await rt.api("GET", `/api/contacts/${psid}/transcript`)).json.messages as Json[];

const metric = async (name: string, label: string) => {
  const text = await (await fetch(`${rt.url}/metrics`)).text();
  const escaped = `${name}{${label}}`.replace(/[{}]/g, "\\$&");
  return Number(new RegExp(`^${escaped} (\\d+)$`, "m").exec(text)?.[1] ?? 0);
};

describe("an echo is never answered", () => {
  const fromPage = (psid: string, message: Record<string, unknown>) => ({
    sender: { id: PAGE_ID },
    recipient: { id: psid },
    timestamp: Date.now(),
    message: { mid: mid(), ...message },
  });

  it.each([
    ["without its is_echo flag", "nia", { text: "Paul here, no flag" }],
    ["with is_echo as a string", "oli", { text: "Paul here, a string", is_echo: "true" }],
    ["with is_echo false", "pia", { text: "Paul here, false", is_echo: false }],
  ])(
    "a message the Page itself sent %s is a person's reply, not a customer's",
    async (_name, psid, message) => {
      await send([fromPage(psid, message)]);
      const line = await waitFor(async () => {
        const found = (await transcript(psid)).find((l) => l.text === message.text);
        return found;
      }, "the agent's line");
      expect(line).toMatchObject({ author: "agent" });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(sentMessages(graph.calls, PAGE_ID)).toEqual([]);
      expect(sentMessages(graph.calls, psid)).toEqual([]);
    },
  );

  it("a postback the Page itself sent is kept as unknown, not stepped", async () => {
    await send([
      {
        sender: { id: PAGE_ID },
        recipient: { id: "qia" },
        timestamp: Date.now(),
        postback: { title: "Get Started", payload: "GET_STARTED" },
      },
    ]);
    const entry = await waitFor(async () => {
      const list = (await rt.api("GET", "/api/inbox/unknown")).json.unknown as Json[];
      return list.find((u) => u.kind === "from_page");
    }, "the unknown entry");
    expect(entry.reason).toBe("postback sent by the Page itself");
    expect(sentMessages(graph.calls, PAGE_ID)).toEqual([]);
  });
});

describe("operators see what Convo did not understand", () => {
  it("counts unknown events by kind, logs the first of each, and lists them with their JSON", async () => {
    const edit = {
      sender: { id: "rio" },
      recipient: { id: PAGE_ID },
      timestamp: Date.now(),
      message_edit: { mid: mid(), text: "edited text", num_edit: 1 },
    };
    const play = (score: number) => ({
      sender: { id: "rio" },
      recipient: { id: PAGE_ID },
      timestamp: Date.now(),
      game_play: { game_id: "123", player_id: "456", context_type: "SOLO", score },
    });
    await send([edit, play(1)]);
    await send([play(2)]);
    expect(await metric("convo_events_unknown_total", 'kind="message_edit"')).toBe(1);
    expect(await metric("convo_events_unknown_total", 'kind="game_play"')).toBe(2);
    const logged = lines.filter(
      (l) => l.message === "webhook event not understood (the first of its kind)",
    );
    expect(logged.map((l) => [l.level, l.kind])).toEqual(
      expect.arrayContaining([
        ["info", "message_edit"],
        ["info", "game_play"],
      ]),
    );
    expect(logged.filter((l) => l.kind === "game_play")).toHaveLength(1);
    expect(logged.every((l) => typeof l.requestId === "string")).toBe(true);

    const listed = (await rt.api("GET", "/api/inbox/unknown")).json.unknown as Json[];
    const edits = listed.filter((u) => u.kind === "message_edit");
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({
      contactId: "rio",
      standby: false,
      reason: "no known event field",
      raw: { message_edit: { text: "edited text", num_edit: 1 } },
      at: expect.any(String),
    });
    const plays = listed.filter((u) => u.kind === "game_play");
    // Newest first.
    expect(plays.map((u) => u.raw.game_play.score)).toEqual([2, 1]);
    expect(sentMessages(graph.calls, "rio")).toEqual([]);
  });

  it("logs a policy block at warn, counts it, and reads the hyphenated key as the same event", async () => {
    const policy = (key: string, action: string, reason?: string) => ({
      recipient: { id: PAGE_ID },
      timestamp: Date.now(),
      [key]: { action, ...(reason ? { reason } : {}) },
    });
    expect((await rt.api("GET", "/api/inbox/policy")).json).toEqual({ latest: null });
    await send([policy("policy_enforcement", "block", "The bot violated our Platform Policies")]);
    await send([policy("policy-enforcement", "unblock")]);
    await send([policy("policy-enforcement", "block", "Spam reports")]);
    expect(await metric("convo_policy_enforcement_total", 'action="block"')).toBe(2);
    expect(await metric("convo_policy_enforcement_total", 'action="unblock"')).toBe(1);
    const warned = lines.filter((l) => l.message === "Meta took a policy action on the Page");
    expect(warned.map((l) => [l.level, l.action])).toEqual([
      ["warn", "block"],
      ["warn", "unblock"],
      ["warn", "block"],
    ]);
    expect((await rt.api("GET", "/api/inbox/policy")).json).toEqual({
      latest: { action: "block", reason: "Spam reports", at: expect.any(String) },
    });
    // Understood, so not listed as unknown.
    const listed = (await rt.api("GET", "/api/inbox/unknown")).json.unknown as Json[];
    expect(listed.some((u) => JSON.stringify(u.raw).includes("policy"))).toBe(false);
  });
});
