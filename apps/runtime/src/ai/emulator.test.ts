import type { AiRequest } from "@convo/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningAiEmulator, startAiEmulator } from "./emulator";
import { type AiProvider, chatCompletionsProvider } from "./provider";

/**
 * The AI emulator over real HTTP on 127.0.0.1, asked through the same client the runtime uses
 * for a real provider: deterministic answers from the passages, JSON-schema answers for intents,
 * and the faults a provider has (429, 500, slow).
 */
let emulator: RunningAiEmulator;
let provider: AiProvider;

const answer = (question: string, passages: string[]): AiRequest => ({
  task: "answer",
  question,
  passages,
  maxChars: 2000,
  timeoutMs: 5_000,
});
const HOURS = "When are you open?\nMonday to Saturday, 9 am to 7 pm.";
const RETURNS = "How do I return an item?\nWithin 30 days, free of charge.";
const intent: AiRequest = {
  task: "intent",
  question: "où est mon colis ?",
  intents: [
    { id: "orders", name: "Orders", examples: ["Where is my order?", "Où est mon colis ?"] },
    { id: "hours", name: "Hours", examples: ["When are you open?"] },
  ],
  timeoutMs: 5_000,
};

beforeAll(async () => {
  emulator = await startAiEmulator();
  provider = chatCompletionsProvider({
    baseUrl: emulator.baseUrl,
    apiKey: emulator.apiKey,
    model: emulator.model,
  });
});
afterAll(async () => {
  await emulator?.close();
});

describe("the AI emulator", () => {
  it("listens on 127.0.0.1 and answers from the passage sharing most words with the question", async () => {
    expect(emulator.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(await provider.ask(answer("Are you open on Saturday?", [RETURNS, HOURS]))).toEqual({
      ok: true,
      answer: "Monday to Saturday, 9 am to 7 pm.",
      tokens: expect.any(Number),
    });
    expect(await provider.ask(answer("Can I pay in bitcoin?", [RETURNS]))).toMatchObject({
      ok: true,
      unsure: true,
    });
  });

  it("answers intents with the JSON its schema asks for", async () => {
    expect(await provider.ask(intent)).toMatchObject({ ok: true, intent: "orders", confidence: 1 });
    expect(await provider.ask({ ...intent, question: "bonjour" })).toMatchObject({
      ok: true,
      intent: "else",
      confidence: 0,
    });
  });

  it("refuses a wrong key, as a provider does", async () => {
    const wrong = chatCompletionsProvider({
      baseUrl: emulator.baseUrl,
      apiKey: "sk-wrong",
      model: "x",
    });
    const outcome = await wrong.ask(intent);
    expect(outcome).toEqual({ ok: false, error: "The AI provider answered 401." });
    expect(JSON.stringify(outcome)).not.toContain("sk-wrong");
  });

  it("plays 429, 500 and slow answers on demand, then answers again", async () => {
    emulator.fault({ status: 429 });
    emulator.fault({ status: 500 });
    expect(await provider.ask(intent)).toMatchObject({
      ok: false,
      error: expect.stringContaining("429"),
    });
    expect(await provider.ask(intent)).toEqual({
      ok: false,
      error: "The AI provider answered 500.",
    });
    emulator.fault({ delayMs: 3_000 });
    expect(await provider.ask({ ...intent, timeoutMs: 200 })).toEqual({
      ok: false,
      error: "The AI provider gave no answer within 200 ms.",
    });
    expect(await provider.ask(intent)).toMatchObject({ ok: true, intent: "orders" });
    // The slow call is recorded when it is answered, after the client gave up on it.
    expect(emulator.calls.map((c) => c.status).join(",")).toContain("429,500,200");
  });

  it("takes faults over HTTP too, with its key", async () => {
    const post = (auth: string) =>
      fetch(`${emulator.baseUrl}/emulator/faults`, {
        method: "POST",
        headers: { authorization: auth, "content-type": "application/json" },
        body: JSON.stringify({ status: 500, times: 2 }),
      });
    expect((await post("Bearer nope")).status).toBe(401);
    expect((await post(`Bearer ${emulator.apiKey}`)).status).toBe(200);
    expect((await provider.ask(intent)).ok).toBe(false);
    expect((await provider.ask(intent)).ok).toBe(false);
    expect((await provider.ask(intent)).ok).toBe(true);
  });
});
