import { WakeableLoop } from "./wakeable-loop";

/** How a contact's turn ended. */
export interface TurnEnd {
  /** The contact has more to do now: it takes another turn. */
  readonly again: boolean;
  /** Nothing was there to take: contacts beyond the last scan may be waiting in the table. */
  readonly idle?: boolean;
  /** Keep the contact out until then (a typing pause); it takes its next turn after. */
  readonly holdUntil?: number;
}

/** Shared ends, so a turn that needs no hold costs no allocation. */
export const TURN = {
  again: Object.freeze({ again: true }),
  done: Object.freeze({ again: false }),
  idle: Object.freeze({ again: false, idle: true }),
} satisfies Record<string, TurnEnd>;

export interface ContactQueueOptions {
  /** Turns at once, across contacts. */
  slots: number;
  /** One row of one contact: claim it, handle it, say how it ended. */
  turn(psid: string): Promise<TurnEnd>;
  /**
   * The safety net, run in a loop while started: finds contacts with work (`fill`) and says in
   * how many milliseconds to run again; `wake` runs it at once.
   */
  scan(): Promise<number>;
  /**
   * A scan threw (it runs again in a second), or a turn did (it should not; the contact takes no
   * other turn until offered or found again).
   */
  onError(error: unknown, psid?: string): void;
  /** A contact is held until `until`: see that a scan comes then. */
  onHold?(until: number): void;
  now(): number;
}

/**
 * Work handed out contact by contact: a contact has at most one turn in hand, its turns come one
 * after another (so its rows go in order), and contacts run side by side up to `slots`. Contacts
 * arrive by `offer` (a row was stored for them) or by `fill` (the periodic scan, the safety net
 * for what no offer announced: retries coming due, what a restart left).
 */
export class ContactQueue {
  readonly #loop: WakeableLoop;
  /** Contacts with a turn in hand (+∞), or held until a time. */
  readonly #busy = new Map<string, number>();
  /** Contacts that may have work, waiting for a slot, in the order they came. */
  readonly #ready = new Set<string>();
  /** Contacts offered while in hand: their turn ends by taking another. */
  readonly #offeredWhileBusy = new Set<string>();
  readonly #jobs = new Set<Promise<void>>();
  #stopped = true;
  /** The last scan filled every free slot: more contacts may be waiting in the table. */
  #moreQueued = false;

  constructor(private readonly options: ContactQueueOptions) {
    this.#loop = new WakeableLoop(options.scan, (error) => options.onError(error));
  }

  get stopped(): boolean {
    return this.#stopped;
  }

  /** Takes turns, and starts the scans. */
  start(): void {
    this.#stopped = false;
    this.#loop.start();
  }

  /** Scan now. */
  wake(): void {
    this.#loop.wake();
  }

  /** Takes no new turn; resolves when the scan and the turns in hand are over. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#loop.stop();
    await Promise.all(this.#jobs);
  }

  /** The contact may have work. */
  offer(psid: string): void {
    if (this.#stopped) return;
    this.#ready.add(psid);
    this.#pump();
  }

  /**
   * Adds the contacts a scan finds, as many as there are free slots, skipping those in hand,
   * held or waiting already.
   */
  async fill(
    find: (room: number, exclude: ReadonlySet<string>) => Promise<readonly string[]>,
  ): Promise<void> {
    const room = this.options.slots - this.#jobs.size - this.#ready.size;
    if (room > 0) {
      const exclude = new Set([...this.#busy.keys(), ...this.#ready]);
      const psids = await find(room, exclude);
      this.#moreQueued = psids.length >= room;
      for (const psid of psids) this.#ready.add(psid);
    }
    this.#pump();
  }

  /** Contacts whose hold ended take their turn; returns when the next hold ends (+∞: none). */
  releaseHolds(now: number): number {
    let next = Number.POSITIVE_INFINITY;
    for (const [psid, until] of this.#busy) {
      if (until === Number.POSITIVE_INFINITY) continue;
      if (until <= now) {
        this.#busy.delete(psid);
        this.#ready.add(psid);
      } else next = Math.min(next, until);
    }
    return next;
  }

  /** Starts the ready contacts while there are free slots. */
  #pump(): void {
    for (const psid of this.#ready) {
      if (this.#stopped || this.#jobs.size >= this.options.slots) return;
      this.#ready.delete(psid);
      // A contact in hand looks for more when its turn ends.
      if (this.#busy.has(psid)) {
        this.#offeredWhileBusy.add(psid);
        continue;
      }
      this.#busy.set(psid, Number.POSITIVE_INFINITY);
      const job: Promise<void> = this.options.turn(psid).then(
        (end) => this.#ended(job, psid, end),
        (error) => {
          this.options.onError(error, psid);
          this.#ended(job, psid, TURN.done);
        },
      );
      this.#jobs.add(job);
    }
  }

  #ended(job: Promise<void>, psid: string, end: TurnEnd): void {
    const offered = this.#offeredWhileBusy.delete(psid);
    const { holdUntil } = end;
    if (holdUntil !== undefined && holdUntil > this.options.now()) {
      this.#busy.set(psid, holdUntil);
      this.options.onHold?.(holdUntil);
    } else {
      // Out of hand first, then ready: the pump must not take it for busy.
      this.#busy.delete(psid);
      if (end.again || offered) this.#ready.add(psid);
    }
    // This contact is done; others may wait in the table beyond the last scan.
    if (end.idle && this.#moreQueued) this.#loop.wake();
    this.#jobs.delete(job);
    this.#pump();
  }
}
