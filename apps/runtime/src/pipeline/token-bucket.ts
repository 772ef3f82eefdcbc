/** The rolling window Meta counts a Page's calls over, plus a margin for jitter on the way. */
export const RATE_WINDOW_MS = 1_020;

/**
 * The per-Page send rate: at most `rate` calls in any rolling second (Meta counts so, and answers
 * 613 beyond it). A plain token bucket would let a full bucket's burst and a second's refill both
 * into one second, twice the rate; this keeps the times of the last calls instead. When Messenger
 * answers 613 anyway the rate halves (down to a tenth) and climbs back by a quarter every 5 s, so
 * the queue drains without hammering a throttled Page.
 */
export class TokenBucket {
  #rate: number;
  #slowedAt = 0;
  /** Times of the calls made, oldest first, from `#head` on. */
  #times: number[] = [];
  #head = 0;

  constructor(
    private readonly fullRate: number,
    private readonly now: () => number = Date.now,
  ) {
    this.#rate = fullRate;
  }

  get rate(): number {
    return this.#rate;
  }

  /** Takes a slot if the window has one; otherwise says how many ms until it will. */
  take(): number {
    const t = this.now();
    if (this.#rate < this.fullRate && t - this.#slowedAt > 5_000) {
      this.#rate = Math.min(this.fullRate, this.#rate * 1.25);
      this.#slowedAt = t;
    }
    const limit = Math.max(1, Math.floor(this.#rate));
    const times = this.#times;
    while (this.#head < times.length && (times[this.#head] as number) <= t - RATE_WINDOW_MS) {
      this.#head++;
    }
    if (this.#head > 4096 && this.#head * 2 > times.length) {
      times.splice(0, this.#head);
      this.#head = 0;
    }
    const inWindow = times.length - this.#head;
    if (inWindow < limit) {
      times.push(t);
      return 0;
    }
    // The call that must leave the window first for another to fit.
    const oldest = times[times.length - limit] as number;
    return Math.max(1, oldest + RATE_WINDOW_MS - t);
  }

  /** Gives back the slot taken for a call that was not made. */
  refund(): void {
    if (this.#times.length > this.#head) this.#times.pop();
  }

  /** The Page was rate-limited: send at half the rate for a while (not below a tenth). */
  slowDown(): void {
    this.#rate = Math.max(1, this.fullRate / 10, this.#rate / 2);
    this.#slowedAt = this.now();
  }
}
