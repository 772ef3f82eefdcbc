import type { AiRequest } from "@convo/engine";
import { type RunningAiEmulator, startAiEmulator } from "../ai/emulator";
import { type AiProvider, chatCompletionsProvider } from "../ai/provider";

/**
 * The built-in AI emulator behind a provider, started on 127.0.0.1 when first asked: what AI
 * steps ask in `convo test` and `convo chat`, offline, with the same answers every run.
 */
export function emulatedModel() {
  let running: Promise<{ emulator: RunningAiEmulator; provider: AiProvider }> | undefined;
  const start = async () => {
    const emulator = await startAiEmulator();
    const { baseUrl, apiKey, model } = emulator;
    return { emulator, provider: chatCompletionsProvider({ baseUrl, apiKey, model }, "emulator") };
  };
  return {
    async ask(request: AiRequest) {
      running ??= start();
      return (await running).provider.ask(request);
    },
    async close() {
      if (running) await (await running).emulator.close();
    },
  };
}
