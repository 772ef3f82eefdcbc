import { PAGE_INBOX_APP_ID } from "@convo/flow";
import { EMULATOR_APP_ID, type RunningGraphEmulator, startGraphEmulator } from "@convo/messenger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Json, startRuntime, type TestRuntime } from "./helpers";
import {
  APP_SECRET,
  echoItem,
  PAGE_ID,
  PAGE_TOKEN,
  postWebhook,
  sentMessages,
  textItem,
  waitFor,
  webhookBody,
} from "./messenger";

/**
 * The handover protocol as Meta sends it (messaging_handovers), signed, to a real runtime whose
 * Graph API is the emulator. The runtime learns its app id from `GET /app` (no MESSENGER_APP_ID).
 */
const HELP_DESK = "777000777000777";

let graph: RunningGraphEmulator;
let rt: TestRuntime;

const handover = (psid: string, field: string, value: Record<string, unknown>) => ({
  sender: { id: psid },
  recipient: { id: PAGE_ID },
  timestamp: Date.now(),
  [field]: value,
});

async function send(items: Record<string, unknown>[]) {
  const answer = await postWebhook(rt.url, webhookBody(items));
  expect(answer.status).toBe(200);
}

const paused = async (psid: string) => (await rt.api("GET", `/api/contacts/${psid}`)).json.paused;

const waitForMessages = (psid: string, count: number) =>
  waitFor(() => {
    const messages = sentMessages(graph.calls, psid);
    return messages.length >= count ? messages : undefined;
  }, `${count} messages to ${psid}`);

const waitForLine = (psid: string, text: string) =>
  waitFor(async () => {
    const lines = (await rt.api("GET", `/api/contacts/${psid}/transcript`)).json.messages as Json[];
    return lines.find((line) => line.text === text);
  }, `the line "${text}"`);

/** Sends a text the bot must not answer, and checks a while later that it did not. */
async function unanswered(psid: string, text: string, before: number) {
  await send([textItem(psid, text)]);
  await waitForLine(psid, text);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(sentMessages(graph.calls, psid)).toHaveLength(before);
}

const passCalls = (psid: string) =>
  graph.calls
    .filter((c) => c.path.endsWith("/me/pass_thread_control") && c.status === 200)
    .map((c) => c.body as { recipient: { id: string }; target_app_id: string; metadata?: string })
    .filter((b) => b.recipient.id === psid);

const message = (id: string, x: number, text: string) => ({
  id,
  type: "message",
  position: { x, y: 0 },
  data: { content: [{ id: `${id}-text`, kind: "text", text }] },
});
const trigger = (id: string, keyword: string) => ({
  id,
  type: "trigger",
  position: { x: 0, y: 0 },
  data: { triggers: [{ kind: "keyword", match: "exact", keywords: [keyword] }] },
});

/** "agent": hand over to the Page Inbox, then say the bot is back. "order": ask a question. */
const desk = {
  schemaVersion: 1,
  id: "desk",
  name: "Desk",
  variables: [{ name: "order", type: "text" }],
  nodes: [
    trigger("t1", "agent"),
    {
      id: "h",
      type: "handover",
      position: { x: 300, y: 0 },
      data: { message: "A person will answer you.", passToAppId: PAGE_INBOX_APP_ID },
    },
    message("back", 600, "The bot is back."),
    trigger("t2", "order"),
    {
      id: "ask",
      type: "input",
      position: { x: 300, y: 200 },
      data: { question: "Your order number?", variable: "order", validation: { kind: "text" } },
    },
  ],
  edges: [
    { id: "e1", source: "t1", target: "h" },
    { id: "e2", source: "h", target: "back" },
    { id: "e3", source: "t2", target: "ask" },
  ],
};

beforeAll(async () => {
  graph = await startGraphEmulator({ appSecret: APP_SECRET, pageToken: PAGE_TOKEN });
  rt = await startRuntime({
    MESSENGER_APP_SECRET: APP_SECRET,
    MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
    GRAPH_API_URL: graph.url,
  });
  expect((await rt.api("POST", "/api/flows/import", desk)).status).toBe(201);
  expect((await rt.api("POST", "/api/flows/desk/publish", {})).status).toBe(201);
});
afterAll(async () => {
  await rt?.stop();
  await graph?.close();
});

describe("thread control: handing the thread back resumes the bot", () => {
  it("answers again once the Page Inbox passes the thread back after a person's reply", async () => {
    await send([textItem("hana", "hello")]);
    await waitForMessages("hana", 1);
    await send([echoItem("hana", "Hi Hana, Paul here")]);
    await waitFor(async () => ((await paused("hana")) ? true : undefined), "the pause");
    await unanswered("hana", "still there?", 1);

    await send([
      handover("hana", "pass_thread_control", {
        previous_owner_app_id: PAGE_INBOX_APP_ID,
        new_owner_app_id: EMULATOR_APP_ID,
        metadata: "Done",
      }),
    ]);
    const back = await waitForLine(
      "hana",
      `The app ${PAGE_INBOX_APP_ID} gave the conversation back to the bot`,
    );
    // The line's code, which the editor words in its reader's language.
    expect(back.payload).toMatchObject({ line: "returned", appId: PAGE_INBOX_APP_ID });
    expect(await paused("hana")).toBe(false);
    await send([textItem("hana", "hello again")]);
    await waitForMessages("hana", 2);
  });

  it("answers again after its own app takes the thread", async () => {
    await send([textItem("ivo", "hello")]);
    await waitForMessages("ivo", 1);
    await send([echoItem("ivo", "A person writing")]);
    await waitFor(async () => ((await paused("ivo")) ? true : undefined), "the pause");
    await send([
      handover("ivo", "take_thread_control", {
        previous_owner_app_id: PAGE_INBOX_APP_ID,
        new_owner_app_id: EMULATOR_APP_ID,
      }),
    ]);
    await waitFor(async () => ((await paused("ivo")) === false ? true : undefined), "resumed");
    await send([textItem("ivo", "hello again")]);
    await waitForMessages("ivo", 2);
  });

  it("goes on with the waiting hand-over step when the thread comes back", async () => {
    await send([textItem("jon", "agent")]);
    await waitFor(() => (passCalls("jon").length > 0 ? true : undefined), "the pass to the Inbox");
    expect(passCalls("jon")[0]?.target_app_id).toBe(PAGE_INBOX_APP_ID);
    expect(await paused("jon")).toBe(true);
    await send([
      handover("jon", "pass_thread_control", {
        previous_owner_app_id: PAGE_INBOX_APP_ID,
        new_owner_app_id: EMULATOR_APP_ID,
      }),
    ]);
    const messages = await waitForMessages("jon", 2);
    expect(messages.map((m) => m.text)).toEqual(["A person will answer you.", "The bot is back."]);
  });

  it("keeps quiet when another app takes the thread", async () => {
    await send([textItem("kim", "hello")]);
    await waitForMessages("kim", 1);
    await send([
      handover("kim", "take_thread_control", {
        previous_owner_app_id: EMULATOR_APP_ID,
        new_owner_app_id: PAGE_INBOX_APP_ID,
      }),
    ]);
    await waitForLine("kim", `The app ${PAGE_INBOX_APP_ID} took the conversation`);
    expect(await paused("kim")).toBe(true);
    await unanswered("kim", "anyone?", 1);
  });
});

describe("thread control: another app's request is answered by the Page's setting", () => {
  const setPolicy = async (threadRequests: "pass" | "when_idle") => {
    const page = (await rt.api("GET", "/api/page")).json;
    const saved = await rt.api("PUT", "/api/page", { ...page, threadRequests });
    expect(saved.status).toBe(200);
    expect((await rt.api("GET", "/api/page")).json.threadRequests).toBe(threadRequests);
  };
  const request = (psid: string) =>
    send([
      handover(psid, "request_thread_control", {
        requested_owner_app_id: HELP_DESK,
        metadata: "a customer asked for us",
      }),
    ]);

  it("passes at once with threadRequests: pass, even in the middle of a question", async () => {
    await setPolicy("pass");
    await send([textItem("lea", "order")]);
    await waitForMessages("lea", 1);
    await request("lea");
    await waitFor(() => (passCalls("lea").length > 0 ? true : undefined), "the pass");
    expect(passCalls("lea")[0]).toMatchObject({ target_app_id: HELP_DESK });
    await waitForLine("lea", `The app ${HELP_DESK} asked for the conversation: passed to it`);
    expect(await paused("lea")).toBe(true);
  });

  it("with when_idle, keeps a thread whose question waits and passes an idle one", async () => {
    await setPolicy("when_idle");
    await send([textItem("max", "order")]);
    await waitForMessages("max", 1);
    await request("max");
    await waitForLine(
      "max",
      `The app ${HELP_DESK} asked for the conversation: kept, the bot is waiting for an answer`,
    );
    expect(passCalls("max")).toEqual([]);
    expect(await paused("max")).toBe(false);

    await send([textItem("ned", "hello")]);
    await waitForMessages("ned", 1);
    await request("ned");
    await waitFor(() => (passCalls("ned").length > 0 ? true : undefined), "the pass");
    expect(passCalls("ned")[0]).toMatchObject({ target_app_id: HELP_DESK });
  });
});
