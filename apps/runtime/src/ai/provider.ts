import type { AiRequest } from "@convo/engine";
import { type AiOutcome, chatBody, readChatAnswer } from "./prompt";

/** Asks the brand's model; never throws: every failure is an outcome with `error`. */
export interface AiProvider {
  /** What it is, for logs and `/readyz`-style status: never the key. */
  readonly kind: "provider" | "emulator" | "none";
  ask(request: AiRequest): Promise<AiOutcome>;
}

/** The longest a model call may take, whatever the step says. */
const MAX_TIMEOUT_MS = 60_000;
const MAX_ANSWER_BYTES = 256 * 1024;

export interface ChatEndpoint {
  /** `https://api.openai.com/v1`, `https://api.mistral.ai/v1`, an Azure deployment, a vLLM… */
  baseUrl: string;
  apiKey: string;
  model: string;
}

/**
 * An OpenAI-compatible chat-completions endpoint. The key goes in the `Authorization` header and
 * nowhere else: errors say the status, never the request.
 */
export function chatCompletionsProvider(
  endpoint: ChatEndpoint,
  kind: "provider" | "emulator" = "provider",
): AiProvider {
  const url = `${endpoint.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  return {
    kind,
    async ask(request) {
      const timeoutMs = Math.max(1, Math.min(request.timeoutMs, MAX_TIMEOUT_MS));
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            Authorization: `Bearer ${endpoint.apiKey}`,
          },
          body: JSON.stringify(chatBody(request, endpoint.model)),
          signal: AbortSignal.timeout(timeoutMs),
        });
        const text = await response.text();
        if (response.status === 429) {
          return { ok: false, error: "The AI provider is over its rate or budget (429)." };
        }
        if (!response.ok) {
          return { ok: false, error: `The AI provider answered ${response.status}.` };
        }
        if (text.length > MAX_ANSWER_BYTES) {
          return { ok: false, error: "The AI provider's answer is too large." };
        }
        return readChatAnswer(request, JSON.parse(text));
      } catch (error) {
        const name = error instanceof Error ? error.name : "";
        if (name === "TimeoutError" || name === "AbortError") {
          return { ok: false, error: `The AI provider gave no answer within ${timeoutMs} ms.` };
        }
        if (error instanceof SyntaxError) {
          return { ok: false, error: "The AI provider's answer is not JSON." };
        }
        return { ok: false, error: "The AI provider could not be reached." };
      }
    },
  };
}

export const NO_AI_PROVIDER =
  "No AI provider configured (set CONVO_AI_API_KEY, or the AI provider in the editor's settings).";

/** Live without a key: AI steps take their error path; the emulator never answers customers. */
export const noAiProvider: AiProvider = {
  kind: "none",
  ask: async () => ({ ok: false, error: NO_AI_PROVIDER }),
};
