import type { AiRequest, Conversation, EngineAction } from "@convo/engine";
import type { SimulatorNote } from "./simulator-types";

/** What the runtime answers for an AI step (POST /api/simulator/ai). */
export interface AiOutcome {
  ok: boolean;
  answer?: string;
  unsure?: boolean;
  intent?: string;
  confidence?: number;
  error?: string;
}

export type PerformAi = (request: AiRequest) => Promise<AiOutcome>;

/**
 * Answers the conversation's oldest question to the model through the runtime (the brand's
 * provider, or the sandbox's AI emulator): the key never reaches the browser. Undefined when no
 * AI step waits.
 */
export async function askModel(
  conversation: Conversation,
  performAi: PerformAi | undefined,
): Promise<{ note: SimulatorNote; actions: EngineAction[] } | undefined> {
  const pending = conversation.pendingAi[0];
  if (!pending) return undefined;
  let outcome: AiOutcome;
  try {
    outcome = performAi
      ? await performAi(pending.request)
      : { ok: false, error: "No AI provider in this simulator." };
  } catch (error) {
    outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const { task } = pending.request;
  const note: SimulatorNote = {
    kind: "ai",
    task,
    ok: outcome.ok,
    result: !outcome.ok
      ? (outcome.error ?? "error")
      : task === "intent"
        ? `${outcome.intent ?? "else"} (${Math.round((outcome.confidence ?? 0) * 100)} %)`
        : outcome.unsure
          ? "unsure"
          : "answered",
  };
  return { note, actions: conversation.answerAi(outcome) };
}
