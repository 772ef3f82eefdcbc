import type { SendRateStore } from "../store/send-rate";

/** A replica takes this share of a second's tokens at a time from the shared bucket. */
const CHUNK_SECONDS = 0.05;

/**
 * The Page's send rate shared across replicas: tokens come from the store's bucket (one for the
 * Page, in the database) a few at a time, so N replicas send at the Page's rate together. A 613
 * (`slowDown`) makes this replica ask for nothing for a while; the others slow on their own 613s.
 * Same surface as `TokenBucket`, with `take` asynchronous.
 */
export class SharedTokenBucket {
  #local = 0;
  #fetching: Promise<void> | undefined;
  #quietUntil = 0;
  readonly #chunk: number;

  constructor(
    private readonly store: SendRateStore,
    private readonly key: string,
    private readonly rate: number,
    private readonly now: () => number = Date.now,
  ) {
    this.#chunk = Math.max(1, Math.ceil(rate * CHUNK_SECONDS));
  }

  /** Takes a token if there is one; otherwise says how many ms to wait before asking again. */
  async take(): Promise<number> {
    if (this.#local >= 1) {
      this.#local -= 1;
      return 0;
    }
    const quiet = this.#quietUntil - this.now();
    if (quiet > 0) return quiet;
    this.#fetching ??= this.#fetch().finally(() => {
      this.#fetching = undefined;
    });
    await this.#fetching;
    if (this.#local >= 1) {
      this.#local -= 1;
      return 0;
    }
    // Empty for everyone: a chunk's worth of time refills it.
    return Math.max(1, Math.ceil((this.#chunk / this.rate) * 1000));
  }

  async #fetch(): Promise<void> {
    this.#local += await this.store.take(this.key, this.#chunk, this.rate, this.rate);
  }

  /**
   * The call of a taken token goes out now. Nothing to count here: the shared bucket counts a
   * token when a replica takes it from the database (the local pacing of `TokenBucket` is
   * per process).
   */
  issued(): void {}

  /** Gives back a token taken for a call that was not made (kept here, for the next call). */
  refund(): void {
    this.#local = Math.min(this.#chunk, this.#local + 1);
  }

  /** The Page was rate-limited: this replica sends nothing for a second. */
  slowDown(): void {
    this.#local = 0;
    this.#quietUntil = this.now() + 1000;
  }
}
