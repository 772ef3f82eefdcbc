/**
 * The per-Page send rate. Messenger answers 613 when a Page sends too fast; then the rate halves
 * (down to a tenth) and climbs back by a quarter every 5 s, so the queue drains without hammering a throttled Page.
 */
export class TokenBucket {
  #tokens: number;
  #rate: number;
  #last: number;
  #slowedAt = 0;

  constructor(
    private readonly fullRate: number,
    private readonly now: () => number = Date.now,
  ) {
    this.#rate = fullRate;
    this.#tokens = fullRate;
    this.#last = now();
  }

  get rate(): number {
    return this.#rate;
  }

  #refill(): void {
    const t = this.now();
    if (this.#rate < this.fullRate && t - this.#slowedAt > 5_000) {
      this.#rate = Math.min(this.fullRate, this.#rate * 1.25);
      this.#slowedAt = t;
    }
    this.#tokens = Math.min(this.#rate, this.#tokens + ((t - this.#last) / 1000) * this.#rate);
    this.#last = t;
  }

  /** Takes a token if there is one; otherwise says how many ms until there will be. */
  take(): number {
    this.#refill();
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.#tokens) / this.#rate) * 1000);
  }

  /** Gives back a token taken for a call that was not made. */
  refund(): void {
    this.#tokens = Math.min(this.#rate, this.#tokens + 1);
  }

  /** The Page was rate-limited: send at half the rate for a while (not below a tenth). */
  slowDown(): void {
    this.#rate = Math.max(1, this.fullRate / 10, this.#rate / 2);
    this.#tokens = Math.min(this.#tokens, 0);
    this.#slowedAt = this.now();
  }
}
