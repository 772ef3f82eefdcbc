import { type RunningGraphEmulator, startGraphEmulator } from "@convo/messenger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningAiEmulator, startAiEmulator } from "../src/ai/emulator";
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
 * What leaves the runtime for the brand's model, and what it costs, over real HTTP: webhooks in,
 * the AI emulator (configured as the brand's provider) recording every message it receives, and
 * the answers out through the Graph API emulator.
 */

let graph: RunningGraphEmulator;
let ai: RunningAiEmulator;
const runtimes: TestRuntime[] = [];

const node = (id: string, type: string, data: unknown) => ({
  id,
  type,
  position: { x: 0, y: 0 },
  data,
});
const say = (id: string, text: string) =>
  node(id, "message", { content: [{ id: `${id}-t`, kind: "text", text }] });

/** An AI answer on the default reply. */
const assistant = {
  schemaVersion: 1,
  id: "assistant",
  name: "Assistant",
  variables: [],
  nodes: [
    node("start", "trigger", { triggers: [{ kind: "default" }] }),
    node("answer", "ai_answer", {
      entries: [
        { id: "hours", question: "When are you open?", answer: "Monday to Saturday, 9 to 7." },
        { id: "returns", question: "How do I return an item?", answer: "Within 30 days, free." },
      ],
    }),
    say("human", "A colleague will answer you shortly."),
    say("sorry", "Our assistant is unavailable; a colleague will answer."),
  ],
  edges: [
    { id: "e1", source: "start", target: "answer" },
    { id: "e2", source: "answer", sourceHandle: "unsure", target: "human" },
    { id: "e3", source: "answer", sourceHandle: "error", target: "sorry" },
  ],
};

/** A flow started by an intent, not a keyword. */
const orders = {
  schemaVersion: 1,
  id: "orders",
  name: "Orders",
  variables: [],
  nodes: [
    node("start", "trigger", {
      triggers: [
        { kind: "intent", name: "Track an order", examples: ["Where is my parcel?", "colis"] },
      ],
    }),
    say("track", "Your parcel is on its way."),
  ],
  edges: [{ id: "e1", source: "start", target: "track" }],
};

/** A second flow started by an intent: the model is asked about both at once. */
const billing = {
  schemaVersion: 1,
  id: "billing",
  name: "Billing",
  variables: [],
  nodes: [
    node("start", "trigger", {
      triggers: [{ kind: "intent", name: "Invoice", examples: ["invoice please", "facture"] }],
    }),
    say("invoice", "Your invoice is in your account."),
  ],
  edges: [{ id: "e1", source: "start", target: "invoice" }],
};

async function runtimeWith(env: Record<string, string>, flows: unknown[] = [assistant, orders]) {
  const rt = await startRuntime({
    MESSENGER_APP_SECRET: APP_SECRET,
    MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
    GRAPH_API_URL: graph.url,
    CONVO_AI_BASE_URL: ai.baseUrl,
    CONVO_AI_API_KEY: ai.apiKey,
    ...env,
  });
  runtimes.push(rt);
  const seeded = (await rt.api("GET", "/api/flows")).json as { flows: { id: string }[] };
  for (const { id } of seeded.flows) await rt.api("DELETE", `/api/flows/${id}`);
  for (const flow of flows as { id: string }[]) {
    expect((await rt.api("POST", "/api/flows/import?overwrite=1", flow)).status).toBe(201);
    const published = await rt.api("POST", `/api/flows/${flow.id}/publish`, {});
    expect(published.status, JSON.stringify(published.json)).toBe(201);
  }
  return rt;
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

describe("the contact's data and the model", () => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await runtimeWith({});
  });

  it("never sends the contact's e-mail address or phone number to the model", async () => {
    const calls = ai.calls.length;
    const text =
      "Hi, I am ana.lopez@example.fr, call me on 06 12 34 56 78 or +44 20 7946 0958: are you open on Saturday?";
    expect(await ask(rt, "guard-ana", text, 1)).toEqual(["Monday to Saturday, 9 to 7."]);
    const received = ai.calls.slice(calls);
    // Both the intent triggers' question and the answer's went out redacted.
    expect(received.map((c) => c.task)).toEqual(["intent", "answer"]);
    for (const call of received) {
      expect(call.received).not.toContain("ana.lopez");
      expect(call.received).not.toContain("example.fr");
      expect(call.received).not.toMatch(/06 12 34 56 78|7946|0958/);
      expect(call.question).toContain("I am [email], call me on [phone] or [phone]");
    }
  });

  it("never sends the contact's order number to the model", async () => {
    const calls = ai.calls.length;
    const text = "My order #100234 (or was it CMD-2024001?) never came: how do I return an item?";
    expect(await ask(rt, "guard-ava", text, 1)).toEqual(["Within 30 days, free."]);
    const received = ai.calls.slice(calls);
    expect(received.map((c) => c.task)).toEqual(["intent", "answer"]);
    for (const call of received) {
      expect(call.received).not.toMatch(/100234|2024001/);
      expect(call.question).toContain("My order [order] (or was it [order]?) never came");
    }
  });

  it("starts a flow from an intent trigger, through the model", async () => {
    expect(await ask(rt, "guard-ben", "where is my parcel please", 1)).toEqual([
      "Your parcel is on its way.",
    ]);
  });

  it("shows the tokens each AI step spent in the flow's analytics", async () => {
    await ask(rt, "guard-cy", "How do I return an item?", 1);
    const stats = (await rt.api("GET", "/api/flows/assistant/stats")).json as {
      tokens: Record<string, number>;
      handles: Record<string, Record<string, number>>;
    };
    expect(stats.tokens.answer).toBeGreaterThan(0);
    // The start step's intent question counts where it was asked: the orders flow's trigger.
    const ordersStats = (await rt.api("GET", "/api/flows/orders/stats")).json as {
      tokens: Record<string, number>;
    };
    expect(ordersStats.tokens.start).toBeGreaterThan(0);
    expect(Object.keys(stats.handles.answer ?? {})).not.toContain("$tokens");
  });
});

describe("the tokens of an intent trigger's question", () => {
  it("count on the flow it started, whichever intent flow comes first, or the default reply's", async () => {
    const rt = await runtimeWith({}, [assistant, orders, billing]);
    const tokens = async (flowId: string) =>
      (
        (await rt.api("GET", `/api/flows/${flowId}/stats`)).json as {
          tokens: Record<string, number>;
        }
      ).tokens;
    expect(await ask(rt, "guard-fay", "where is my parcel please", 1)).toEqual([
      "Your parcel is on its way.",
    ]);
    expect((await tokens("orders")).start).toBeGreaterThan(0);
    expect(await tokens("billing")).toEqual({});
    expect(await ask(rt, "guard-gus", "an invoice please", 1)).toEqual([
      "Your invoice is in your account.",
    ]);
    expect((await tokens("billing")).start).toBeGreaterThan(0);
    const ordersTokens = await tokens("orders");
    // Neither intent matched: the question was spent for the default reply's flow.
    expect(await ask(rt, "guard-hal", "How do I return an item?", 1)).toEqual([
      "Within 30 days, free.",
    ]);
    const assistantTokens = await tokens("assistant");
    expect(assistantTokens.start).toBeGreaterThan(0);
    expect(assistantTokens.answer).toBeGreaterThan(0);
    expect(await tokens("orders")).toEqual(ordersTokens);
    // And per day, the flow's steps together (the canvas overlay's line).
    const stats = (await rt.api("GET", "/api/flows/assistant/stats")).json as {
      tokensByDay: { day: string; tokens: number }[];
    };
    expect(stats.tokensByDay).toEqual([
      {
        day: new Date().toISOString().slice(0, 10),
        tokens: (assistantTokens.start ?? 0) + (assistantTokens.answer ?? 0),
      },
    ]);
  });
});

describe("the brand's own order numbers", () => {
  it("are the shapes CONVO_AI_ORDER_NUMBERS lists, instead of the default", async () => {
    const rt = await runtimeWith({ CONVO_AI_ORDER_NUMBERS: "FR{8}, {9}" });
    const calls = ai.calls.length;
    const text = "Commande fr20240017 ou 100200300, réf A12345 : how do I return an item?";
    expect(await ask(rt, "guard-eli", text, 1)).toEqual(["Within 30 days, free."]);
    for (const call of ai.calls.slice(calls)) {
      expect(call.received).not.toMatch(/20240017|100200300/);
      expect(call.question).toContain("Commande [order] ou [order], réf A12345");
    }
  });
});

describe("the monthly token budget", () => {
  it("once spent, AI steps take their error path without asking the model, and it is counted", async () => {
    const rt = await runtimeWith({ CONVO_AI_MONTHLY_TOKENS: "1" });
    let calls = ai.calls.length;
    // Nothing spent yet: the intent triggers' question goes out, and spends more than 1 token;
    // the AI answer after it finds the budget spent.
    expect(await ask(rt, "guard-dee", "are you open on Saturday?", 1)).toEqual([
      "Our assistant is unavailable; a colleague will answer.",
    ]);
    expect(ai.calls.slice(calls).map((c) => c.task)).toEqual(["intent"]);
    calls = ai.calls.length;
    expect(await ask(rt, "guard-dee", "How do I return an item?", 1)).toEqual([
      "Our assistant is unavailable; a colleague will answer.",
    ]);
    expect(ai.calls.length).toBe(calls);
    const metrics = await (await fetch(`${rt.url}/metrics`)).text();
    expect(metrics).toMatch(/^convo_ai_budget_refused_total 3$/m);
  });
});
