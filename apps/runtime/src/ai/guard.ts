import type { AiRequest } from "@convo/engine";
import type { AiProvider } from "./provider";
import { redactContactData } from "./redact";

/** What the runtime checks before a question leaves for the model. */
export interface AiGuard {
  /** Replace e-mail addresses, order numbers and phones in the contact's text (`CONVO_AI_REDACT`). */
  redact: boolean;
  /** What an order number looks like (`CONVO_AI_ORDER_NUMBERS`); undefined: none are replaced. */
  orderNumbers: RegExp | undefined;
  /** Tokens a calendar month (UTC) may spend across the runtime; undefined: no budget. */
  monthlyTokens: number | undefined;
  /** Tokens spent this month so far (the analytics counters). */
  spentThisMonth(): Promise<number>;
  /** A call refused because the budget is spent (the `convo_ai_budget_refused_total` metric). */
  onBudgetRefused(): void;
}

export const BUDGET_SPENT = "The monthly AI token budget is spent (CONVO_AI_MONTHLY_TOKENS).";

/**
 * The request as it may leave the runtime: the contact's text without their e-mails, order
 * numbers and phones.
 */
export function redactRequest(request: AiRequest, orderNumbers?: RegExp): AiRequest {
  const locale = request.task === "answer" ? request.locale : undefined;
  return { ...request, question: redactContactData(request.question, locale, orderNumbers) };
}

/**
 * `provider` behind the runtime's rules: over the month's budget, the step takes its `error`
 * path without the model being asked; else the question goes out redacted (unless turned off).
 * The brand's own knowledge base and intents are sent as written: they are not the contact's.
 */
export function guardedProvider(provider: AiProvider, guard: AiGuard): AiProvider {
  return {
    get kind() {
      return provider.kind;
    },
    async ask(request) {
      if (guard.monthlyTokens !== undefined) {
        const spent = await guard.spentThisMonth();
        if (spent >= guard.monthlyTokens) {
          guard.onBudgetRefused();
          return { ok: false, error: BUDGET_SPENT };
        }
      }
      return provider.ask(guard.redact ? redactRequest(request, guard.orderNumbers) : request);
    },
  };
}

/** The first and last day (days since the epoch, UTC) of the month `now` falls in. */
export function monthDays(now: number): { from: number; to: number } {
  const date = new Date(now);
  const first = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  return { from: Math.floor(first / 86_400_000), to: Math.floor(now / 86_400_000) };
}
