import type { SignInFailureStore } from "../store/people";

/** Failed sign-ins are counted over this window. */
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** An account locks after this many failures within the window. */
export const ACCOUNT_FAILURES = 20;
/** An address (many accounts tried from one place) is held back after this many. */
export const ADDRESS_FAILURES = 100;

const accountKey = (email: string) => `account:${email.toLowerCase()}`;
const addressKey = (ip: string) => `address:${ip}`;

export interface Lockout {
  /** When a sign-in will be taken again (ms). */
  retryAt: number;
  /** The account, or the address it was tried from. */
  by: "account" | "address";
}

/**
 * Sign-in attempts limited per account (20 failures in 15 minutes lock it until the oldest of them
 * is 15 minutes old) and per address. Unknown addresses count too, so an answer never tells
 * whether an account exists.
 */
export class SignInLimits {
  constructor(private readonly failures: SignInFailureStore) {}

  async lockout(email: string, ip: string | null, now: number): Promise<Lockout | undefined> {
    const since = now - FAILURE_WINDOW_MS;
    const checks: [string, number, Lockout["by"]][] = [
      [accountKey(email), ACCOUNT_FAILURES, "account"],
    ];
    if (ip) checks.push([addressKey(ip), ADDRESS_FAILURES, "address"]);
    for (const [key, limit, by] of checks) {
      const recent = await this.failures.recent(key, since, limit);
      const oldest = recent[limit - 1];
      if (oldest !== undefined) return { retryAt: oldest + FAILURE_WINDOW_MS, by };
    }
    return undefined;
  }

  async failed(email: string, ip: string | null, now: number): Promise<void> {
    await this.failures.record(ip ? [accountKey(email), addressKey(ip)] : [accountKey(email)], now);
    // Now and then, forget what no longer counts.
    if (Math.random() < 0.05) await this.failures.prune(now - FAILURE_WINDOW_MS);
  }

  async succeeded(email: string): Promise<void> {
    await this.failures.clear(accountKey(email));
  }
}

/** The 429's message: what is locked and when to try again, in words and in UTC. */
export function lockoutMessage(lock: Lockout, now: number): string {
  const minutes = Math.max(1, Math.ceil((lock.retryAt - now) / 60_000));
  const at = new Date(lock.retryAt).toISOString().slice(11, 16);
  const what =
    lock.by === "account"
      ? "Too many failed sign-ins for this account"
      : "Too many failed sign-ins from this address";
  return `${what}: it is locked for now. Try again in ${minutes} minute${minutes === 1 ? "" : "s"} (after ${at} UTC).`;
}
