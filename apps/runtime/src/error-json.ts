import type { ErrorCode } from "./error-codes";

/**
 * Every error the runtime answers, whichever route: `{ error: { code, message, …extra } }`
 * (DESIGN.md, the runtime contract). Shared by the webhook, the management API and its guard.
 */
export function errorJson(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
  return { error: { code, message, ...extra } };
}
