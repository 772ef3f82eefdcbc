import { randomBytes, timingSafeEqual } from "node:crypto";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { UNSURE_WORD } from "./prompt";

/** A fault the emulator plays on its next calls, as a provider would: a refusal or a slow answer. */
export type AiFault = { status: 429 | 500 } | { delayMs: number };

/** A call the emulator answered, for tests and the sandbox (never the key). */
export interface EmulatedAiCall {
  task: "answer" | "intent";
  question: string;
  /** Every message it received (system and user), as sent: what left the runtime. */
  received: string;
  status: number;
}

export interface RunningAiEmulator {
  /** `http://127.0.0.1:<port>/v1`: what `CONVO_AI_BASE_URL` would be. */
  baseUrl: string;
  /** The key it accepts (random per start). */
  apiKey: string;
  model: string;
  readonly calls: readonly EmulatedAiCall[];
  /** The next `times` calls play `fault` (queued after faults already asked for). */
  fault(fault: AiFault, times?: number): void;
  close(): Promise<void>;
}

const STOP = new Set(
  (
    "a an and are as at be by can do does for from have how i in is it me my of on or our the " +
    "to we what when where which who why will with you your au aux avec ce de des du en est et " +
    "il je la le les ma mes mon ne nos notre nous ou par pas pour que qui sa se ses son sur ta " +
    "te tu un une vos votre vous y"
  ).split(" "),
);

function words(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)) {
    if (w.length < 2 || STOP.has(w)) continue;
    out.add(w.length > 3 && /[sx]$/.test(w) ? w.slice(0, -1) : w);
  }
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

/** The JSON-string lines of the user message the runtime writes (`prompt.ts`). */
function jsonLines(content: string, prefix: RegExp): unknown[] {
  const out: unknown[] = [];
  for (const line of content.split("\n")) {
    const match = prefix.exec(line);
    if (!match) continue;
    try {
      out.push(JSON.parse(line.slice(match[0].length)));
    } catch {
      // Not one of ours: skipped, as a model would skip noise.
    }
  }
  return out;
}

function questionOf(content: string): string {
  const marker = "(JSON string, data only): ";
  const at = content.lastIndexOf(marker);
  if (at < 0) return "";
  try {
    const value = JSON.parse(content.slice(at + marker.length));
    return typeof value === "string" ? value : "";
  } catch {
    return "";
  }
}

/** A deterministic answer: the passage sharing most words with the question, its answer part. */
function answerFrom(content: string, question: string): string {
  const asked = words(question);
  let best: { text: string; score: number } = { text: "", score: 0 };
  for (const passage of jsonLines(content, /^\[\d+\] /)) {
    if (typeof passage !== "string") continue;
    const score = overlap(asked, words(passage));
    if (score > best.score) best = { text: passage, score };
  }
  if (best.score === 0) return UNSURE_WORD;
  // An FAQ entry is its question then its answer: the answer is what a model would say.
  const lines = best.text.split("\n");
  return (lines.length > 1 ? lines.slice(1).join(" ") : best.text).trim();
}

/** The intent whose example shares the largest part of its words with the question. */
function intentFrom(content: string, question: string): { intent: string; confidence: number } {
  const asked = words(question);
  let best = { intent: "else", confidence: 0 };
  for (const item of jsonLines(content, /^- /)) {
    const intent = item as { id?: unknown; examples?: unknown };
    if (typeof intent.id !== "string" || !Array.isArray(intent.examples)) continue;
    for (const example of intent.examples) {
      if (typeof example !== "string") continue;
      const said = words(example);
      if (said.size === 0) continue;
      const confidence = Math.round((overlap(asked, said) / said.size) * 100) / 100;
      if (confidence > best.confidence) best = { intent: intent.id, confidence };
    }
  }
  return best;
}

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1, for the sandbox and the tests, as
 * the Graph API emulator is for Meta: answers are drawn from the passages by word overlap, intents
 * from their examples, and faults (429, 500, slow answers) are played on demand, by `fault()` or
 * `POST /v1/emulator/faults`. It only ever runs when no channel is live.
 */
export async function startAiEmulator(): Promise<RunningAiEmulator> {
  const apiKey = `emulator-${randomBytes(12).toString("hex")}`;
  const model = "convo-emulator";
  const calls: EmulatedAiCall[] = [];
  const faults: AiFault[] = [];
  const authorised = (header: string | undefined) => {
    const given = Buffer.from(header ?? "");
    const wanted = Buffer.from(`Bearer ${apiKey}`);
    return given.length === wanted.length && timingSafeEqual(given, wanted);
  };
  const app = new Hono();
  app.post("/v1/emulator/faults", async (c) => {
    if (!authorised(c.req.header("authorization"))) return c.json({ error: "unauthorised" }, 401);
    const body = (await c.req.json().catch(() => ({}))) as Partial<AiFault & { times: number }>;
    const times = Math.max(1, Math.min(100, Number(body.times) || 1));
    if ("status" in body && (body.status === 429 || body.status === 500)) {
      for (let i = 0; i < times; i++) faults.push({ status: body.status });
    } else if ("delayMs" in body && typeof body.delayMs === "number") {
      for (let i = 0; i < times; i++) faults.push({ delayMs: Math.min(120_000, body.delayMs) });
    } else return c.json({ error: { message: "status 429 or 500, or delayMs" } }, 400);
    return c.json({ queued: faults.length });
  });
  app.post("/v1/chat/completions", async (c) => {
    if (!authorised(c.req.header("authorization"))) {
      return c.json(
        { error: { message: "Incorrect API key provided.", type: "invalid_request_error" } },
        401,
      );
    }
    const body = (await c.req.json().catch(() => undefined)) as
      | { messages?: { role?: string; content?: unknown }[]; response_format?: unknown }
      | undefined;
    const user = body?.messages?.findLast((m) => m.role === "user")?.content;
    const content = typeof user === "string" ? user : "";
    const question = questionOf(content);
    const received = (body?.messages ?? [])
      .map((m) => (typeof m.content === "string" ? m.content : ""))
      .join("\n");
    const task = body?.response_format ? "intent" : "answer";
    const fault = faults.shift();
    if (fault && "delayMs" in fault) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault && "status" in fault) {
      calls.push({ task, question, received, status: fault.status });
      const message = fault.status === 429 ? "Rate limit reached." : "The server had an error.";
      return c.json({ error: { message, type: "emulated_fault" } }, fault.status);
    }
    calls.push({ task, question, received, status: 200 });
    const text =
      task === "intent"
        ? JSON.stringify(intentFrom(content, question))
        : answerFrom(content, question);
    return c.json({
      id: `chatcmpl-emulated-${calls.length}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
      usage: {
        prompt_tokens: Math.ceil(content.length / 4),
        completion_tokens: Math.ceil(text.length / 4),
        total_tokens: Math.ceil((content.length + text.length) / 4),
      },
    });
  });
  app.notFound((c) => c.json({ error: { message: "Not found" } }, 404));

  const server = await new Promise<{ close(cb: () => void): void; port: number }>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) =>
      resolve({
        close: (cb) => {
          s.close(() => cb());
          (s as { closeAllConnections?: () => void }).closeAllConnections?.();
        },
        port: info.port,
      }),
    );
  });
  return {
    baseUrl: `http://127.0.0.1:${server.port}/v1`,
    apiKey,
    model,
    calls,
    fault(fault, times = 1) {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
