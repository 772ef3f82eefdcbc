import { describe, expect, it } from "vitest";
import { event, keyOf, type StoreHarness, step, T, useStore } from "./harness";

/** The inbox: per contact, in arrival order, one event in hand; nothing lost across a restart. */
export function inboxContract(makeHarness: () => StoreHarness) {
  const s = useStore(makeHarness);

  describe("the inbox, one contact at a time", () => {
    it("hands out a contact's events in arrival order, never two at once", async () => {
      await s.store.inbox.insert([event("ann", "a1"), event("bob", "b1"), event("ann", "a2")], T);
      const first = await s.store.inbox.claimNext("ann");
      expect(keyOf(first.row)).toBe("a1");
      expect(first.more).toBe(true);
      expect((await s.store.inbox.claimNext("ann")).row).toBeUndefined();
      await s.store.steps.commit({
        inboxId: first.row?.id as number,
        psid: "ann",
        now: T,
        session: null,
        contact: {},
        outbox: [],
        receivedAt: T,
        transcript: [],
        counters: [],
        timers: [],
      });
      const second = await s.store.inbox.claimNext("ann");
      expect(keyOf(second.row)).toBe("a2");
      expect(second.more).toBe(false);
    });

    it("drops a redelivered event and counts only the new ones", async () => {
      expect(await s.store.inbox.insert([event("cat", "c1"), event("cat", "c2")], T)).toBe(2);
      expect(await s.store.inbox.insert([event("cat", "c1"), event("cat", "c3")], T)).toBe(1);
      const keys: (string | undefined)[] = [];
      for (;;) {
        const { row } = await s.store.inbox.claimNext("cat");
        if (!row) break;
        keys.push(keyOf(row));
        await s.store.inbox.fail(row.id, "set aside");
      }
      expect(keys).toEqual(["c1", "c2", "c3"]);
    });

    it("keeps events nobody answers without handing them out", async () => {
      await s.store.inbox.insert([{ ...event("dot", "read"), actionable: false }], T);
      expect(await s.store.inbox.pendingContacts(10, new Set())).toEqual([]);
      expect((await s.store.inbox.claimNext("dot")).row).toBeUndefined();
      expect((await s.store.stats.queueDepths()).inboxPending).toBe(0);
    });

    it("lists contacts with pending events, oldest first, and gives held ones back after a crash", async () => {
      await s.store.inbox.insert([event("cy", "c1"), event("di", "d1"), event("cy", "c2")], T);
      expect(await s.store.inbox.pendingContacts(10, new Set())).toEqual(["cy", "di"]);
      expect(await s.store.inbox.pendingContacts(10, new Set(["cy"]))).toEqual(["di"]);
      expect(await s.store.inbox.pendingContacts(1, new Set())).toEqual(["cy"]);
      await s.store.inbox.claimNext("cy");
      await s.reopen(T);
      await s.store.inbox.release();
      expect(keyOf((await s.store.inbox.claimNext("cy")).row)).toBe("c1");
    });

    it("gives back only the events named", async () => {
      await s.store.inbox.insert([event("eli", "e1"), event("fox", "f1")], T);
      const e = await s.store.inbox.claimNext("eli");
      await s.store.inbox.claimNext("fox");
      await s.store.inbox.release([e.row?.id as number]);
      expect(await s.store.inbox.pendingContacts(10, new Set())).toEqual(["eli"]);
    });

    it("sets a failed event aside with its error, and steps it again on request", async () => {
      await s.store.inbox.insert([event("gil", "g1"), event("gil", "g2")], T);
      const { row } = await s.store.inbox.claimNext("gil");
      await s.store.inbox.fail(row?.id as number, "the flow broke");
      expect(keyOf((await s.store.inbox.claimNext("gil")).row)).toBe("g2");
      const failed = await s.store.inbox.failed();
      expect(failed).toEqual([
        {
          id: row?.id,
          psid: "gil",
          kind: "text",
          error: "the flow broke",
          attempts: 1,
          receivedAt: T,
        },
      ]);
      expect(await s.store.inbox.retryFailed(row?.id as number)).toEqual({ psid: "gil" });
      expect(await s.store.inbox.failed()).toEqual([]);
      expect(await s.store.inbox.retryFailed(row?.id as number)).toBeUndefined();
      expect(await s.store.inbox.retryFailed(999_999)).toBeUndefined();
    });

    it("a contact in hand with 500 events waiting does not hide the next contact", async () => {
      const events = Array.from({ length: 500 }, (_, i) => event("busy", `busy-${i}`));
      await s.store.inbox.insert(events, T);
      await s.store.inbox.insert([event("quiet", "quiet-1")], T);
      await s.store.inbox.claimNext("busy");
      expect(await s.store.inbox.pendingContacts(16, new Set(["busy"]))).toEqual(["quiet"]);
      expect(await s.store.inbox.pendingContacts(16, new Set())).toEqual(["quiet"]);
      expect((await s.store.stats.queueDepths()).inboxPending).toBe(501);
    });

    it("finishes the event of a committed step, so the contact's next one comes", async () => {
      await step(s.store, "hal", []);
      await s.store.inbox.insert([event("hal", "h2")], T);
      expect(keyOf((await s.store.inbox.claimNext("hal")).row)).toBe("h2");
    });
  });

  describe("the events kept for the record", () => {
    const recorded = (key: string, kind: string, psid: string | null = null) => ({
      dedupeKey: key,
      psid,
      kind,
      event: { source: "messenger" as const, event: { kind, psid, key } },
      actionable: false,
    });

    it("lists unknown and policy events by kind, newest first, with their JSON", async () => {
      await s.store.inbox.insert(
        [
          recorded("u1", "unknown"),
          recorded("r1", "read", "ann"),
          recorded("p1", "policy_enforcement"),
          recorded("u2", "standby:unknown", "ann"),
          event("ann", "t1"),
        ],
        T,
      );
      const unknown = await s.store.inbox.recorded(["unknown", "standby:unknown"], 10);
      expect(unknown.map((r) => [r.kind, keyOf(r), r.psid])).toEqual([
        ["standby:unknown", "u2", "ann"],
        ["unknown", "u1", ""],
      ]);
      expect(unknown[0]?.receivedAt).toBe(T);
      const policy = await s.store.inbox.recorded(["policy_enforcement"], 1);
      expect(policy.map(keyOf)).toEqual(["p1"]);
      expect(await s.store.inbox.recorded(["unknown", "standby:unknown"], 1)).toHaveLength(1);
    });
  });
}
