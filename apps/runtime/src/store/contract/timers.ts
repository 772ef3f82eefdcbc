import { describe, expect, it } from "vitest";
import type { DueTimer } from "../timers";
import { type StoreHarness, step, T, useStore } from "./harness";

/** Timers: due ones become inbox events, each once, in one transaction. */
export function timerContract(makeHarness: () => StoreHarness) {
  const s = useStore(makeHarness);
  const timer = (timerId: string, dueAt: number) => ({
    timerId,
    dueAt,
    event: { type: "timer" as const, timerId },
  });
  const fired: DueTimer[] = [];
  const toInbox = (t: DueTimer) => {
    fired.push(t);
    return {
      dedupeKey: `timer-${t.id}`,
      psid: t.psid,
      kind: t.event.type,
      event: { source: "runtime" as const, event: t.event },
      actionable: true,
    };
  };

  describe("timers", () => {
    it("fires the due ones, earliest first, up to the limit, each once, as inbox events", async () => {
      fired.length = 0;
      await step(s.store, "ann", [], {
        timers: [timer("late", T + 3_000), timer("soon", T + 1_000)],
      });
      await step(s.store, "bob", [], {
        timers: [timer("mid", T + 2_000), timer("far", T + 60_000)],
      });
      expect(await s.store.timers.nextDueAt()).toBe(T + 1_000);
      expect(await s.store.timers.fireDue(T + 500, 10, toInbox)).toBe(0);
      expect(await s.store.timers.fireDue(T + 5_000, 2, toInbox)).toBe(2);
      expect(await s.store.timers.fireDue(T + 5_000, 10, toInbox)).toBe(1);
      expect(await s.store.timers.fireDue(T + 5_000, 10, toInbox)).toBe(0);
      expect(fired.map((t) => [t.psid, t.timerId])).toEqual([
        ["ann", "soon"],
        ["bob", "mid"],
        ["ann", "late"],
      ]);
      expect(fired[0]?.event).toEqual({ type: "timer", timerId: "soon" });
      expect(await s.store.timers.nextDueAt()).toBe(T + 60_000);
      const { row } = await s.store.inbox.claimNext("ann");
      expect(row?.event).toEqual({ source: "runtime", event: { type: "timer", timerId: "soon" } });
      expect(row?.kind).toBe("timer");
    });

    it("gives each firing its own id, so a timer set again fires again", async () => {
      fired.length = 0;
      await step(s.store, "cy", [], { timers: [timer("t", T + 1)] });
      await s.store.timers.fireDue(T + 1, 10, toInbox);
      await step(s.store, "cy", [], { timers: [timer("t", T + 1)] });
      await s.store.timers.fireDue(T + 1, 10, toInbox);
      expect(fired).toHaveLength(2);
      expect(fired[0]?.id).not.toBe(fired[1]?.id);
      expect(await s.store.timers.nextDueAt()).toBeUndefined();
    });
  });
}
