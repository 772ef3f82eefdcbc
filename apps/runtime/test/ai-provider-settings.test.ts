import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
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
 * The AI provider the owner sets in the editor's settings, over real HTTP: a live Page with no
 * CONVO_AI_API_KEY, the AI emulator standing in for the brand's provider once the owner names it.
 * The key goes in, is used, and never comes back out.
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

const assistant = {
  schemaVersion: 1,
  id: "assistant",
  name: "Assistant",
  variables: [],
  nodes: [
    node("start", "trigger", { triggers: [{ kind: "default" }] }),
    node("answer", "ai_answer", {
      entries: [{ id: "returns", question: "How do I return an item?", answer: "Within 30 days." }],
    }),
    say("human", "A colleague will answer you shortly."),
    say("sorry", "Our assistant is unavailable."),
  ],
  edges: [
    { id: "e1", source: "start", target: "answer" },
    { id: "e2", source: "answer", sourceHandle: "unsure", target: "human" },
    { id: "e3", source: "answer", sourceHandle: "error", target: "sorry" },
  ],
};

async function runtimeWith(env: Record<string, string>) {
  const rt = await startRuntime({
    MESSENGER_APP_SECRET: APP_SECRET,
    MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
    GRAPH_API_URL: graph.url,
    ...env,
  });
  runtimes.push(rt);
  const seeded = (await rt.api("GET", "/api/flows")).json as { flows: { id: string }[] };
  for (const { id } of seeded.flows) await rt.api("DELETE", `/api/flows/${id}`);
  expect((await rt.api("POST", "/api/flows/import?overwrite=1", assistant)).status).toBe(201);
  return rt;
}

async function ask(rt: TestRuntime, psid: string, text: string) {
  const before = sentMessages(graph.calls, psid).length;
  await postWebhook(rt.url, webhookBody([textItem(psid, text)]));
  return waitFor(() => {
    const sent = sentMessages(graph.calls, psid).slice(before);
    return sent.length >= 1 ? sent.map(messageText) : undefined;
  }, `a reply to "${text}"`);
}

/** Every byte the runtime keeps on disk: the database and its journal. */
const onDisk = (rt: TestRuntime) =>
  readdirSync(rt.dir)
    .map((f) => readFileSync(join(rt.dir, f)).toString("latin1"))
    .join("\n");

beforeAll(async () => {
  graph = await startGraphEmulator({ appSecret: APP_SECRET, pageToken: PAGE_TOKEN });
  ai = await startAiEmulator();
});
afterAll(async () => {
  for (const rt of runtimes) await rt.stop();
  await ai?.close();
  await graph?.close();
});

describe("the AI provider set in the editor", () => {
  it("answers AI steps once the owner saves it, and its key never comes back out", async () => {
    // The emulator listens on 127.0.0.1, as a model hosted on the brand's own network would.
    const rt = await runtimeWith({ CONVO_ALLOW_PRIVATE_HTTP: "1" });
    expect((await rt.api("GET", "/api/ai/provider")).json).toEqual({
      baseUrl: "https://api.openai.com/v1",
      model: "gpt-4o-mini",
      keySet: false,
      source: "editor",
    });
    const first = await rt.api("POST", "/api/flows/assistant/publish", {});
    expect(JSON.stringify(first.json)).toContain("ai-no-provider");
    expect(await ask(rt, "set-ana", "How do I return an item?")).toEqual([
      "Our assistant is unavailable.",
    ]);

    const saved = await rt.api("PUT", "/api/ai/provider", {
      baseUrl: `${ai.baseUrl}/`,
      model: "brand-model",
      apiKey: ai.apiKey,
    });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({
      baseUrl: ai.baseUrl,
      model: "brand-model",
      keySet: true,
      source: "editor",
    });
    const calls = ai.calls.length;
    expect(await ask(rt, "set-ana", "How do I return an item?")).toEqual(["Within 30 days."]);
    expect(ai.calls.length).toBe(calls + 1);
    const again = await rt.api("POST", "/api/flows/assistant/publish", {});
    expect(JSON.stringify(again.json)).not.toContain("ai-no-provider");

    // The key: not in any answer, the audit log, the export, nor in clear on disk.
    const answers = await Promise.all(
      ["/api/ai/provider", "/api/audit", "/api/flows/assistant/export", "/api/openapi.json"].map(
        async (path) => JSON.stringify((await rt.api("GET", path)).json),
      ),
    );
    for (const text of answers) expect(text).not.toContain(ai.apiKey);
    expect(answers[1]).toContain("ai.provider.set");
    expect(onDisk(rt)).not.toContain(ai.apiKey);

    // A new model, the key kept; then the key forgotten: the error path again.
    const model = await rt.api("PUT", "/api/ai/provider", { model: "other-model" });
    expect(model.json).toMatchObject({ model: "other-model", keySet: true });
    const forgot = await rt.api("PUT", "/api/ai/provider", { apiKey: null });
    expect(forgot.json).toMatchObject({ keySet: false });
    expect(await ask(rt, "set-ana", "How do I return an item?")).toEqual([
      "Our assistant is unavailable.",
    ]);
  });

  it("refuses what is not an https URL to a public address (the key would go there)", async () => {
    const rt = await runtimeWith({});
    for (const baseUrl of [
      "file:///etc/passwd",
      "http://api.example.com/v1",
      "https://127.0.0.1:8443/v1",
      "https://[::1]/v1",
    ]) {
      const bad = await rt.api("PUT", "/api/ai/provider", { baseUrl, apiKey: "k" });
      expect(bad.status, baseUrl).toBe(400);
    }
    expect((await rt.api("GET", "/api/ai/provider")).json).toMatchObject({ keySet: false });
  });

  it("is the environment's when CONVO_AI_API_KEY is set: shown, not changeable", async () => {
    const rt = await runtimeWith({
      CONVO_AI_BASE_URL: ai.baseUrl,
      CONVO_AI_API_KEY: ai.apiKey,
      CONVO_AI_MODEL: "env-model",
    });
    const info = await rt.api("GET", "/api/ai/provider");
    expect(info.json).toEqual({
      baseUrl: ai.baseUrl,
      model: "env-model",
      keySet: true,
      source: "environment",
    });
    expect(JSON.stringify(info.json)).not.toContain(ai.apiKey);
    const put = await rt.api("PUT", "/api/ai/provider", { model: "mine" });
    expect(put.status).toBe(409);
  });
});
