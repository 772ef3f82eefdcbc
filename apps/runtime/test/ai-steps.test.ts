import { type RunningGraphEmulator, startGraphEmulator } from "@convo/messenger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningAiEmulator, startAiEmulator } from "../src/ai/emulator";
import { createLogger } from "../src/log";
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
 * AI steps end to end over real HTTP: webhooks in, the runtime asks the AI emulator (an
 * OpenAI-compatible server on 127.0.0.1, configured as the brand's provider with its key), and
 * the answers go out through the Graph API emulator.
 */

let graph: RunningGraphEmulator;
let ai: RunningAiEmulator;
const runtimes: TestRuntime[] = [];
const logLines: string[] = [];

const node = (id: string, type: string, data: unknown) => ({
  id,
  type,
  position: { x: 0, y: 0 },
  data,
});
const say = (id: string, text: string) =>
  node(id, "message", { content: [{ id: `${id}-t`, kind: "text", text }] });

const assistant = {
  schemaVersion: 1,
  id: "assistant",
  name: "Assistant",
  variables: [],
  nodes: [
    node("start", "trigger", { triggers: [{ kind: "default" }] }),
    node("route", "intent", {
      intents: [
        { id: "orders", name: "Orders", examples: ["Where is my order?", "Où est mon colis ?"] },
      ],
      minConfidence: 0.6,
    }),
    say("orders", "Your order is on its way."),
    node("answer", "ai_answer", {
      entries: [
        {
          id: "hours",
          question: "When are you open?",
          answer: "Monday to Saturday, 9 am to 7 pm.",
        },
        { id: "returns", question: "How do I return an item?", answer: "Within 30 days, free." },
      ],
      tone: "Friendly and short.",
    }),
    say("more", "Anything else?"),
    say("human", "A colleague will answer you shortly."),
    say("sorry", "Our assistant is unavailable; a colleague will answer."),
  ],
  edges: [
    { id: "e1", source: "start", target: "route" },
    { id: "e2", source: "route", sourceHandle: "orders", target: "orders" },
    { id: "e3", source: "route", sourceHandle: "else", target: "answer" },
    { id: "e4", source: "answer", sourceHandle: "answered", target: "more" },
    { id: "e5", source: "answer", sourceHandle: "unsure", target: "human" },
    { id: "e6", source: "answer", sourceHandle: "error", target: "sorry" },
  ],
};

async function runtimeWith(env: Record<string, string>) {
  const log = createLogger("debug", (line) => {
    logLines.push(line);
  });
  const rt = await startRuntime(
    {
      MESSENGER_APP_SECRET: APP_SECRET,
      MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
      GRAPH_API_URL: graph.url,
      ...env,
    },
    undefined,
    20,
    log,
  );
  runtimes.push(rt);
  // The seeded examples' keywords and default reply would answer first.
  const seeded = (await rt.api("GET", "/api/flows")).json as { flows: { id: string }[] };
  for (const { id } of seeded.flows) {
    expect((await rt.api("DELETE", `/api/flows/${id}`)).status).toBeLessThan(300);
  }
  expect((await rt.api("POST", "/api/flows/import?overwrite=1", assistant)).status).toBe(201);
  const published = await rt.api("POST", "/api/flows/assistant/publish", {});
  expect(published.status, JSON.stringify(published.json)).toBe(201);
  return { rt, published: published.json as { warnings?: { code: string }[] } };
}

/** The contact writes `text`; resolves with the texts the bot sent after it. */
async function ask(rt: TestRuntime, psid: string, text: string, replies: number) {
  const before = sentMessages(graph.calls, psid).length;
  await postWebhook(rt.url, webhookBody([textItem(psid, text)]));
  return waitFor(() => {
    const sent = sentMessages(graph.calls, psid).slice(before);
    return sent.length >= replies ? sent.map(messageText) : undefined;
  }, `${replies} replies to "${text}"`);
}

beforeAll(async () => {
  graph = await startGraphEmulator({ appSecret: APP_SECRET, pageToken: PAGE_TOKEN });
  ai = await startAiEmulator();
});
afterAll(async () => {
  for (const rt of runtimes) await rt.stop();
  await ai?.close();
  await graph?.close();
});

describe("AI steps with the brand's provider", () => {
  let rt: TestRuntime;
  beforeAll(async () => {
    ({ rt } = await runtimeWith({
      CONVO_AI_BASE_URL: ai.baseUrl,
      CONVO_AI_API_KEY: ai.apiKey,
      CONVO_AI_MODEL: "brand-model",
    }));
  });

  it("answers a question from the knowledge base, through the Graph API", async () => {
    const calls = ai.calls.length;
    expect(await ask(rt, "ai-ada", "Are you open on Saturday?", 2)).toEqual([
      "Monday to Saturday, 9 am to 7 pm.",
      "Anything else?",
    ]);
    expect(ai.calls.slice(calls).map((c) => [c.task, c.status])).toEqual([
      ["intent", 200],
      ["answer", 200],
    ]);
  });

  it("routes free text by intent", async () => {
    expect(await ask(rt, "ai-ben", "où est mon colis ???", 1)).toEqual([
      "Your order is on its way.",
    ]);
  });

  it("goes unsure without asking the model when the knowledge base has nothing on it", async () => {
    const calls = ai.calls.length;
    expect(await ask(rt, "ai-cy", "Quelle est la capitale du Pérou ?", 1)).toEqual([
      "A colleague will answer you shortly.",
    ]);
    // The intent step asked; the answer step did not.
    expect(ai.calls.slice(calls).map((c) => c.task)).toEqual(["intent"]);
  });

  it("takes the error path when the provider answers 429, and nothing is lost", async () => {
    ai.fault({ status: 429 }, 2);
    expect(await ask(rt, "ai-dee", "Are you open on Saturday?", 1)).toEqual([
      "Our assistant is unavailable; a colleague will answer.",
    ]);
    // The contact's next question is answered.
    expect(await ask(rt, "ai-dee", "How do I return an item?", 2)).toEqual([
      "Within 30 days, free.",
      "Anything else?",
    ]);
  });

  it("asks the model once for a webhook Meta delivers twice", async () => {
    const calls = ai.calls.length;
    const body = webhookBody([textItem("ai-eve", "Are you open on Saturday?", "mid.twice")]);
    await postWebhook(rt.url, body);
    await postWebhook(rt.url, body);
    await waitFor(
      () => (sentMessages(graph.calls, "ai-eve").length >= 2 ? true : undefined),
      "the answer",
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sentMessages(graph.calls, "ai-eve").length).toBe(2);
    expect(ai.calls.length - calls).toBe(2);
  });

  it("never writes the key in logs, the outbox or a contact's export", async () => {
    const exported = await rt.api("GET", "/api/contacts/ai-ada/export");
    expect(exported.status).toBe(200);
    expect(JSON.stringify(exported.json)).not.toContain(ai.apiKey);
    const transcript = await rt.api("GET", "/api/contacts/ai-ada/transcript");
    expect(JSON.stringify(transcript.json)).not.toContain(ai.apiKey);
    expect(JSON.stringify(transcript.json)).not.toContain("passages of the brand's knowledge");
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) expect(line).not.toContain(ai.apiKey);
  });
});

describe("AI steps on a live Page without an AI key", () => {
  it("warns at publishing, takes the error path, and never starts the emulator", async () => {
    const calls = ai.calls.length;
    const { rt, published } = await runtimeWith({});
    expect(published.warnings?.map((w) => w.code)).toEqual(["ai-no-provider"]);
    expect(rt.runtime.aiEmulator).toBeUndefined();
    expect(await ask(rt, "ai-fay", "Are you open on Saturday?", 1)).toEqual([
      "Our assistant is unavailable; a colleague will answer.",
    ]);
    expect(ai.calls.length).toBe(calls);
  });
});

describe("AI steps in sandbox mode", () => {
  it("ask the built-in AI emulator on 127.0.0.1, for the editor's simulator too", async () => {
    const rt = await startRuntime({ MESSENGER_APP_SECRET: APP_SECRET });
    runtimes.push(rt);
    expect(rt.runtime.deps.ai.kind).toBe("emulator");
    const emulator = rt.runtime.aiEmulator;
    expect(emulator?.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const asked = await rt.api("POST", "/api/simulator/ai", {
      task: "answer",
      question: "When do you open?",
      passages: ["When are you open?\n9 to 5."],
      maxChars: 2000,
      timeoutMs: 5_000,
    });
    expect(asked).toEqual({ status: 200, json: { ok: true, answer: "9 to 5." } });
    emulator?.fault({ status: 500 });
    const failed = await rt.api("POST", "/api/simulator/ai", {
      task: "intent",
      question: "où est mon colis",
      intents: [{ id: "orders", name: "Orders", examples: ["Où est mon colis ?"] }],
      timeoutMs: 5_000,
    });
    expect(failed.json).toEqual({ ok: false, error: "The AI provider answered 500." });
    expect(JSON.stringify(failed.json)).not.toContain(emulator?.apiKey ?? "-");
  });
});
