import type { Session } from "@convo/engine";
import { describe, expect, it } from "vitest";
import { AI_TOKENS_HANDLE, type CounterBump } from "../stats";
import { event, keyOf, line, type StoreHarness, step, T, text, useStore } from "./harness";

/** A step's commit: one transaction across contact, session, transcript, outbox, counters, timers. */
export function stepContract(makeHarness: () => StoreHarness) {
  const s = useStore(makeHarness);

  describe("a step's commit", () => {
    it("patches only what the step changed on the contact", async () => {
      await step(s.store, "gus", [], {
        contact: { paused: true, pausedUntil: T + 60_000, currentFlow: "x" },
      });
      await step(s.store, "gus", [], { contact: { lastUserMessageAt: T } });
      let gus = await s.store.contacts.get("gus");
      expect(gus).toMatchObject({ paused: true, pausedUntil: T + 60_000, currentFlow: "x" });
      expect(gus?.lastUserMessageAt).toBe(T);
      await step(s.store, "gus", [], {
        contact: { paused: false, pausedUntil: null, currentFlow: null },
      });
      await step(s.store, "gus", [], { contact: { fields: { city: "Lyon" }, tags: ["vip"] } });
      gus = await s.store.contacts.get("gus");
      expect(gus).toMatchObject({ paused: false, pausedUntil: null, currentFlow: null });
      expect(gus).toMatchObject({ fields: { city: "Lyon" }, tags: ["vip"], lastUserMessageAt: T });
    });

    it("keeps the session, and deletes it with null", async () => {
      const session: Session = { v: 1, variables: { f: { a: "1" } }, variants: {}, seq: 3 };
      await step(s.store, "ida", [], { session });
      expect(await s.store.contacts.session("ida")).toEqual(session);
      await step(s.store, "ida", [], { session: null });
      expect(await s.store.contacts.session("ida")).toBeUndefined();
    });

    it("writes the lines in order, each message's line linked to its row", async () => {
      await step(s.store, "jo", [text("first"), { kind: "typing", seconds: 1 }, text("second")], {
        transcript: [
          line("hello"),
          line("first", T, {
            direction: "out",
            author: "bot",
            outbox: 0,
            flowId: "orders",
            nodeId: "ask",
          }),
          line("second", T, { direction: "out", author: "bot", outbox: 2 }),
        ],
      });
      const first = await s.store.outbox.claimNext("jo", T);
      await s.store.outbox.markSent(first.row?.id as number, "m1", T);
      const lines = await s.store.contacts.transcript("jo", 10);
      expect(lines.map((l) => [l.text, l.status])).toEqual([
        ["hello", undefined],
        ["first", "sent"],
        ["second", "queued"],
      ]);
      expect(lines[0]).toMatchObject({ psid: "jo", at: T, direction: "in", author: "contact" });
      // A bot's line names the flow and step that sent it; others name none.
      expect(lines[1]).toMatchObject({ flowId: "orders", nodeId: "ask" });
      expect(lines[0]?.flowId).toBeUndefined();
      expect(lines[2]?.nodeId).toBeUndefined();
    });

    it("queues the step's rows after the contact's rows already queued", async () => {
      await step(s.store, "kim", [text("a"), text("b")]);
      await step(s.store, "kim", [text("c")]);
      const texts: string[] = [];
      for (;;) {
        const { row } = await s.store.outbox.claimNext("kim", T);
        if (!row) break;
        if (row.item.kind === "message" && row.item.message.kind === "text") {
          texts.push(row.item.message.text);
        }
        await s.store.outbox.markSent(row.id, null, T);
      }
      expect(texts).toEqual(["a", "b", "c"]);
    });

    it("adds the counters' increments, per node and handle, over the days asked", async () => {
      const day = Math.floor(T / 86_400_000);
      const bump = (over: Partial<CounterBump>): CounterBump => ({
        flowId: "f",
        version: 1,
        nodeId: "n",
        handle: null,
        day,
        count: 1,
        ...over,
      });
      await step(s.store, "hal", [], { counters: [bump({ count: 2 }), bump({ handle: "yes" })] });
      await step(s.store, "hal", [], { counters: [bump({}), bump({ version: 2 })] });
      await step(s.store, "hal", [], { counters: [bump({ day: day - 3 }), bump({ flowId: "g" })] });
      const totals = await s.store.stats.counters("f", day - 1, day);
      expect(totals.sort((a, b) => String(a.handle).localeCompare(String(b.handle)))).toEqual([
        { nodeId: "n", handle: null, count: 4 },
        { nodeId: "n", handle: "yes", count: 1 },
      ]);
      expect(await s.store.stats.counters("f", day - 3, day - 3)).toEqual([
        { nodeId: "n", handle: null, count: 1 },
      ]);
    });

    it("sums the model tokens of every flow's AI steps over the days asked", async () => {
      const day = Math.floor(T / 86_400_000);
      const tokens = (flowId: string, count: number, at = day): CounterBump => ({
        flowId,
        version: 1,
        nodeId: "answer",
        handle: AI_TOKENS_HANDLE,
        day: at,
        count,
      });
      expect(await s.store.stats.aiTokens(day - 30, day)).toBe(0);
      await step(s.store, "tom", [], { counters: [tokens("f", 120), tokens("g", 30, day - 2)] });
      await step(s.store, "tom", [], { counters: [tokens("f", 80), tokens("f", 500, day - 40)] });
      await step(s.store, "tom", [], {
        counters: [{ ...tokens("f", 1), handle: "answered" }],
      });
      expect(await s.store.stats.aiTokens(day - 30, day)).toBe(230);
      expect(await s.store.stats.aiTokens(day, day)).toBe(200);
      const totals = await s.store.stats.counters("f", day, day);
      expect(totals).toContainEqual({ nodeId: "answer", handle: AI_TOKENS_HANDLE, count: 200 });
      // Per day for one flow (the canvas overlay), the other flows' and outputs' left out.
      expect(await s.store.stats.aiTokensByDay("f", day - 45, day)).toEqual([
        { day: day - 40, count: 500 },
        { day, count: 200 },
      ]);
      expect(await s.store.stats.aiTokensByDay("g", day - 1, day)).toEqual([]);
      expect(await s.store.stats.aiTokensByDay("g", day - 2, day)).toEqual([
        { day: day - 2, count: 30 },
      ]);
    });

    it("sets timers, one per contact and timer id", async () => {
      const timer = (dueAt: number) => ({
        timerId: "t",
        dueAt,
        event: { type: "timer", timerId: "t" } as const,
      });
      await step(s.store, "ned", [], { timers: [timer(T + 5_000)] });
      await step(s.store, "ned", [], { timers: [timer(T + 9_000)] });
      expect(await s.store.timers.nextDueAt()).toBe(T + 9_000);
      expect((await s.store.stats.queueDepths()).timers).toBe(1);
    });

    it("finishes its inbox event", async () => {
      await step(s.store, "oli", [text("x")]);
      await s.store.inbox.insert([event("oli", "o2")], T);
      expect(keyOf((await s.store.inbox.claimNext("oli")).row)).toBe("o2");
      expect(await s.store.stats.queueDepths()).toMatchObject({ inboxPending: 1, outboxQueued: 1 });
    });
  });
}
