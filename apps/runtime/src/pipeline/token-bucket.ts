/**
 * The rolling second Meta counts a Page's calls over, and a margin for the clock's millisecond
 * steps. A call counts from its answer, which comes after Meta counted it, so no margin is needed
 * for the way there: the sender's second always covers Meta's.
 */
export const RATE_WINDOW_MS = 1_005;
/** How far the pace may fall behind and catch up at once: a burst of this many ms of calls. */
const CATCH_UP_MS = 40;

/**
 * The per-Page send rate: at most `rate` calls in any rolling second (Meta counts so, and answers
 * 613 beyond it). A slot is counted from when it is taken until its call has answered, and for a
 * second (and a margin) after that: however late the call leaves or how long it travels (a busy
 * event loop, a loaded machine), Meta cannot count it outside the sender's window. Slots are also paced evenly (1 / rate apart, catching up at most
 * 40 ms at once), so calls reach Meta spread over the second rather than in bursts that the way
 * there could push into the next one. A plain token bucket lets a full bucket's burst and a
 * second's refill into one second, twice the rate. When Messenger answers 613 anyway the rate halves
 * (down to a tenth) and climbs back by a quarter every 5 s.
 */
export class TokenBucket {
  #rate: number;
  #slowedAt = 0;
  #inFlight = 0;
  /** When the next slot may be taken (the pace). */
  #nextAt = Number.NEGATIVE_INFINITY;
  /** When the last calls were issued, oldest first, from `#head` on. */
  #done: number[] = [];
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

  /** Takes a slot if the window has one (then `issued` or `refund`); else ms until it may. */
  take(): number {
    const t = this.now();
    if (this.#rate < this.fullRate && t - this.#slowedAt > 5_000) {
      this.#rate = Math.min(this.fullRate, this.#rate * 1.25);
      this.#slowedAt = t;
    }
    const limit = Math.max(1, Math.floor(this.#rate));
    const done = this.#done;
    while (this.#head < done.length && (done[this.#head] as number) <= t - RATE_WINDOW_MS) {
      this.#head++;
    }
    if (this.#head > 4096 && this.#head * 2 > done.length) {
      done.splice(0, this.#head);
      this.#head = 0;
    }
    if (t < this.#nextAt) return Math.max(1, Math.ceil(this.#nextAt - t));
    const recent = done.length - this.#head;
    if (this.#inFlight + recent < limit) {
      this.#inFlight++;
      this.#nextAt = Math.max(this.#nextAt, t - CATCH_UP_MS) + 1000 / this.#rate;
      return 0;
    }
    // The oldest call leaves the window first; with every slot taken but not issued, look soon.
    return recent > 0 ? Math.max(1, (done[this.#head] as number) + RATE_WINDOW_MS - t) : 5;
  }

  /** The call of a taken slot has answered: it counts for the next second. */
  issued(): void {
    if (this.#inFlight > 0) this.#inFlight--;
    this.#done.push(this.now());
  }

  /** Gives back a slot taken for a call that was not made. */
  refund(): void {
    if (this.#inFlight > 0) this.#inFlight--;
  }

  /** The Page was rate-limited: send at half the rate for a while (not below a tenth). */
  slowDown(): void {
    this.#rate = Math.max(1, this.fullRate / 10, this.#rate / 2);
    this.#slowedAt = this.now();
  }
}
