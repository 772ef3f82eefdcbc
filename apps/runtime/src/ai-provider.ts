import { type RunningAiEmulator, startAiEmulator } from "./ai/emulator";
import { guardedProvider, monthDays } from "./ai/guard";
import { orderNumberPattern } from "./ai/order-numbers";
import { type AiProvider, chatCompletionsProvider, noAiProvider } from "./ai/provider";
import type { AiProviderSettings } from "./ai-settings";
import type { RuntimeConfig } from "./config";
import type { Logger } from "./log";
import type { Metrics } from "./ops/metrics";
import type { StatsStore } from "./store/stats";

/** What the provider's guard reads: the month's tokens, and where it counts refusals. */
export interface AiGuardDeps {
  stats: Pick<StatsStore, "aiTokens">;
  metrics: Pick<Metrics, "ai">;
  now: () => number;
  /** The provider the owner set in the editor, used when the environment sets none. */
  settings: AiProviderSettings;
}

/**
 * The model AI steps ask, behind the runtime's rules (redaction of the contact's e-mails, order
 * numbers and phone numbers, the monthly token budget): see `chooseAiProvider` for which model.
 */
export async function aiProviderFor(
  config: RuntimeConfig,
  log: Logger,
  deps: AiGuardDeps,
): Promise<{ provider: AiProvider; emulator?: RunningAiEmulator }> {
  const chosen = await chooseAiProvider(config, log);
  await deps.settings.info();
  const provider = guardedProvider(editorFirst(chosen.provider, deps.settings), {
    redact: config.aiRedact,
    orderNumbers: orderNumberPattern(config.aiOrderNumbers),
    monthlyTokens: config.aiMonthlyTokens,
    spentThisMonth: () => {
      const { from, to } = monthDays(deps.now());
      return deps.stats.aiTokens(from, to);
    },
    onBudgetRefused: () => {
      deps.metrics.ai.budgetRefused++;
    },
  });
  return { ...chosen, provider };
}

/**
 * The provider the owner set in the editor when one is (a key saved), else `fallback` (the
 * environment's, the emulator, or none). Read at each call: a change is live at once, on every
 * replica, without a restart.
 */
function editorFirst(fallback: AiProvider, settings: AiProviderSettings): AiProvider {
  if (settings.fromEnvironment) return fallback;
  return {
    get kind() {
      return settings.inUse ? "provider" : fallback.kind;
    },
    async ask(request) {
      const endpoint = await settings.endpoint();
      return endpoint ? chatCompletionsProvider(endpoint).ask(request) : fallback.ask(request);
    },
  };
}

/** Whether a channel answers real customers: then the emulator must never answer. */
export function hasLiveChannel(config: RuntimeConfig): boolean {
  return (
    config.pageToken !== undefined ||
    config.instagramToken !== undefined ||
    config.whatsappToken !== undefined
  );
}

/**
 * The model AI steps ask: the configured provider when there is a key; in sandbox mode (no
 * channel live) the built-in emulator, started on 127.0.0.1; else none, and AI steps take their
 * error path. The key is never logged: only which one was chosen.
 */
async function chooseAiProvider(
  config: RuntimeConfig,
  log: Logger,
): Promise<{ provider: AiProvider; emulator?: RunningAiEmulator }> {
  if (config.aiApiKey !== undefined) {
    log.info("AI steps ask the configured provider", { model: config.aiModel });
    return {
      provider: chatCompletionsProvider({
        baseUrl: config.aiBaseUrl,
        apiKey: config.aiApiKey,
        model: config.aiModel,
      }),
    };
  }
  if (hasLiveChannel(config)) {
    log.warn("no AI provider configured: AI steps take their error path (set CONVO_AI_API_KEY)");
    return { provider: noAiProvider };
  }
  const emulator = await startAiEmulator();
  log.info("AI steps ask the built-in AI emulator (sandbox)", { url: emulator.baseUrl });
  return {
    provider: chatCompletionsProvider(
      { baseUrl: emulator.baseUrl, apiKey: emulator.apiKey, model: emulator.model },
      "emulator",
    ),
    emulator,
  };
}
