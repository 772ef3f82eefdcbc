import type { SendRate } from "./app";

/**
 * The Page's Send API rate over a rolling second: each call takes a slot, and a call beyond the
 * rate is refused (the emulator answers 613, as Meta does). Audio and video have their own, lower
 * rate. Without a rate every call passes.
 */
export class SendRateWindow {
  #rate: SendRate | undefined;
  #all: number[] = [];
  #media: number[] = [];

  constructor(rate: SendRate | undefined) {
    this.#rate = rate;
  }

  set(rate: SendRate | undefined): void {
    this.#rate = rate;
    this.#all = [];
    this.#media = [];
  }

  /** Whether a call at `now` (ms) fits the rate; when it does, it is counted. */
  take(now: number, media: boolean): boolean {
    const rate = this.#rate;
    if (!rate) return true;
    if (!fits(this.#all, now, rate.perSecond)) return false;
    if (media && !fits(this.#media, now, rate.mediaPerSecond ?? rate.perSecond)) return false;
    this.#all.push(now);
    if (media) this.#media.push(now);
    return true;
  }
}

/** Drops the calls older than a second, then says whether one more fits under `max`. */
function fits(times: number[], now: number, max: number): boolean {
  let old = 0;
  while (old < times.length && (times[old] as number) <= now - 1000) old++;
  if (old > 0) times.splice(0, old);
  return times.length < max;
}
