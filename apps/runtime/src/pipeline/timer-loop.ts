import type { Deps } from "../deps";
import { timerEvent } from "./runtime-events";
import { WakeableLoop } from "./wakeable-loop";

const MAX_SLEEP_MS = 1000;

/** Delays and input time-outs: due timer rows become inbox events, in one transaction. */
export class TimerLoop {
  readonly #loop: WakeableLoop;

  constructor(private readonly deps: Deps) {
    this.#loop = new WakeableLoop(
      () => this.#tick(),
      (error) => deps.log.error("timer loop failed", { error }),
    );
  }

  start(): void {
    this.#loop.start();
  }

  wake(): void {
    this.#loop.wake();
  }

  stop(): Promise<void> {
    return this.#loop.stop();
  }

  async #tick(): Promise<number> {
    const now = this.deps.now();
    const fired = await this.deps.store.timers.fireDue(now, 500, timerEvent);
    if (fired > 0) {
      this.deps.wake.inbox();
      return 0;
    }
    const next = await this.deps.store.timers.nextDueAt();
    return next === undefined ? MAX_SLEEP_MS : Math.max(1, Math.min(MAX_SLEEP_MS, next - now));
  }
}
