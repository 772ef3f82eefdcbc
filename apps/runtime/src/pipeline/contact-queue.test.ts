import { afterEach, describe, expect, it } from "vitest";
import { ContactQueue, type ContactQueueOptions, TURN, type TurnEnd } from "./contact-queue";

const queues: ContactQueue[] = [];
afterEach(async () => {
  // What a test left running ends with it (its turns are never ended: stop waits for none).
  for (const queue of queues.splice(0)) void queue.stop();
});

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A queue whose turns end when the test says so. */
function harness(slots: number, options: Partial<ContactQueueOptions> = {}) {
  const running: { psid: string; end: (value: TurnEnd | Error) => void }[] = [];
  const log: string[] = [];
  const errors: string[] = [];
  const holds: number[] = [];
  let rescans = 0;
  let clock = 1_000;
  const queue = new ContactQueue({
    slots,
    turn: (psid) =>
      new Promise<TurnEnd>((resolve, reject) => {
        log.push(psid);
        running.push({
          psid,
          end: (value) => (value instanceof Error ? reject(value) : resolve(value)),
        });
      }),
    // The scans are driven by hand here (`fill`); a woken loop counts as a scan asked for.
    scan: async () => {
      rescans++;
      return 60_000;
    },
    onError: (_error, psid) => errors.push(psid ?? "(scan)"),
    onHold: (until) => holds.push(until),
    now: () => clock,
    ...options,
  });
  queues.push(queue);
  queue.start();
  /** Ends the oldest running turn of `psid`, then lets the queue react. */
  const end = async (psid: string, value: TurnEnd | Error = TURN.done) => {
    const i = running.findIndex((r) => r.psid === psid);
    if (i < 0) throw new Error(`${psid} has no turn running`);
    const [turn] = running.splice(i, 1);
    turn?.end(value);
    await new Promise((resolve) => setImmediate(resolve));
  };
  return {
    queue,
    log,
    errors,
    holds,
    end,
    running: () => running.map((r) => r.psid),
    rescans: () => rescans,
    setClock: (ms: number) => {
      clock = ms;
    },
  };
}

describe("the per-contact queue", () => {
  it("gives a contact one turn at a time, and another after it if offered meanwhile", async () => {
    const h = harness(4);
    h.queue.offer("ann");
    h.queue.offer("ann");
    h.queue.offer("ann");
    expect(h.running()).toEqual(["ann"]);
    await h.end("ann");
    // Offered twice while in hand: one more turn, which looks for everything waiting.
    expect(h.running()).toEqual(["ann"]);
    await h.end("ann");
    expect(h.running()).toEqual([]);
    expect(h.log).toEqual(["ann", "ann"]);
  });

  it("goes on with a contact that has more, and stops with one that is done", async () => {
    const h = harness(4);
    h.queue.offer("bob");
    await h.end("bob", TURN.again);
    await h.end("bob", TURN.again);
    await h.end("bob", TURN.done);
    expect(h.log).toEqual(["bob", "bob", "bob"]);
    expect(h.running()).toEqual([]);
  });

  it("runs contacts side by side up to the slots, the others in the order they came", async () => {
    const h = harness(2);
    for (const psid of ["a", "b", "c", "d"]) h.queue.offer(psid);
    expect(h.running()).toEqual(["a", "b"]);
    await h.end("b");
    expect(h.running()).toEqual(["a", "c"]);
    await h.end("a", TURN.again);
    // `a` has more, but `d` came first.
    expect(h.running()).toEqual(["c", "d"]);
    await h.end("c");
    expect(h.running()).toEqual(["d", "a"]);
  });

  it("fills free slots from a scan, skipping contacts in hand or waiting", async () => {
    const h = harness(3);
    h.queue.offer("busy");
    let asked: { room: number; exclude: string[] } | undefined;
    await h.queue.fill(async (room, exclude) => {
      asked = { room, exclude: [...exclude] };
      return ["x", "y"];
    });
    expect(asked).toEqual({ room: 2, exclude: ["busy"] });
    expect(h.running()).toEqual(["busy", "x", "y"]);
    let calls = 0;
    await h.queue.fill(async () => {
      calls++;
      return [];
    });
    expect(calls).toBe(0);
  });

  it("scans at start, and again when a contact finds nothing after a full scan only", async () => {
    const h = harness(2);
    await tick();
    expect(h.rescans()).toBe(1);
    await h.queue.fill(async () => ["p", "q"]);
    await h.end("p", TURN.idle);
    await tick();
    expect(h.rescans()).toBe(2);
    await h.end("q");
    await h.queue.fill(async () => ["r"]);
    await h.end("r", TURN.idle);
    await tick();
    expect(h.rescans()).toBe(2);
  });

  it("holds a contact until its time, then gives it its turn", async () => {
    const h = harness(2);
    h.queue.offer("typ");
    await h.end("typ", { again: false, holdUntil: 5_000 });
    expect(h.holds).toEqual([5_000]);
    // Held: neither an offer nor a scan starts it, and it takes no slot.
    h.queue.offer("typ");
    let excluded: string[] = [];
    await h.queue.fill(async (room, exclude) => {
      excluded = [...exclude];
      expect(room).toBe(2);
      return [];
    });
    expect(excluded).toEqual(["typ"]);
    expect(h.running()).toEqual([]);
    expect(h.queue.releaseHolds(4_999)).toBe(5_000);
    expect(h.running()).toEqual([]);
    expect(h.queue.releaseHolds(5_000)).toBe(Number.POSITIVE_INFINITY);
    await h.queue.fill(async () => []);
    expect(h.running()).toEqual(["typ"]);
  });

  it("does not hold a contact whose hold has already ended", async () => {
    const h = harness(2);
    h.queue.offer("late");
    h.setClock(9_000);
    await h.end("late", { again: true, holdUntil: 8_000 });
    expect(h.holds).toEqual([]);
    expect(h.running()).toEqual(["late"]);
  });

  it("survives a turn that throws: the contact can be offered again", async () => {
    const h = harness(2);
    h.queue.offer("err");
    await h.end("err", new Error("boom"));
    expect(h.errors).toEqual(["err"]);
    h.queue.offer("err");
    expect(h.running()).toEqual(["err"]);
  });

  it("stops taking turns, and waits for those in hand", async () => {
    const h = harness(2);
    h.queue.offer("m");
    h.queue.offer("n");
    h.queue.offer("o");
    let stopped = false;
    const stopping = h.queue.stop().then(() => {
      stopped = true;
    });
    h.queue.offer("p");
    await h.end("m", TURN.again);
    expect(stopped).toBe(false);
    expect(h.running()).toEqual(["n"]);
    await h.end("n");
    await stopping;
    expect(stopped).toBe(true);
    expect(h.log).toEqual(["m", "n"]);
  });
});
