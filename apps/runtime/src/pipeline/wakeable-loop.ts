/**
 * A background loop that runs `tick` until stopped, sleeping between rounds until woken or until
 * the delay `tick` asks for (new work arrives through `wake`, so polling is only a safety net).
 */
export class WakeableLoop {
  #stopped = true;
  #timer: NodeJS.Timeout | undefined;
  #resolveSleep: (() => void) | undefined;
  #woken = false;
  #done: Promise<void> = Promise.resolve();

  constructor(
    private readonly tick: () => Promise<number>,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#done = this.#run();
  }

  wake(): void {
    this.#woken = true;
    this.#resolveSleep?.();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.wake();
    await this.#done;
  }

  get stopped(): boolean {
    return this.#stopped;
  }

  async #run(): Promise<void> {
    while (!this.#stopped) {
      this.#woken = false;
      let delay: number;
      try {
        delay = await this.tick();
      } catch (error) {
        this.onError(error);
        delay = 1000;
      }
      if (this.#stopped) break;
      if (delay <= 0 || this.#woken) {
        // Yield so the HTTP server keeps answering while there is a backlog.
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      await new Promise<void>((resolve) => {
        this.#resolveSleep = resolve;
        this.#timer = setTimeout(resolve, delay);
      });
      clearTimeout(this.#timer);
      this.#resolveSleep = undefined;
    }
  }
}
