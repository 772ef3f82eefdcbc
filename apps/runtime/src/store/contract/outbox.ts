import { describe, expect, it } from "vitest";
import type { NewInboxEvent } from "../inbox";
import { event, keyOf, line, type StoreHarness, step, T, text, textOf, useStore } from "./harness";

const HOLD = (until: number) => ({ until, reason: "waiting for the echo" });

/** The outbox: per contact in order, a row held until its outcome, echoes as proof of delivery. */
export function outboxContract(makeHarness: () => StoreHarness) {
  const s = useStore(makeHarness);

  describe("the outbox, one contact at a time", () => {
    it("hands out a contact's rows in order, one at a time, and says when more wait", async () => {
      await step(s.store, "ann", [text("one"), text("two")]);
      const first = await s.store.outbox.claimNext("ann", T);
      expect(textOf(first.row)).toBe("one");
      expect(first.more).toBe(true);
      // Held until sent: nobody else gets the contact's next row meanwhile.
      expect((await s.store.outbox.claimNext("ann", T)).row).toBeUndefined();
      await s.store.outbox.markSent(first.row?.id as number, "m1", T);
      const second = await s.store.outbox.claimNext("ann", T);
      expect(textOf(second.row)).toBe("two");
      expect(second.more).toBe(false);
      expect(second.row).toMatchObject({ psid: "ann", status: "queued", receivedAt: T });
    });

    it("reads the contact's last message with a message, for the 24-hour window", async () => {
      await step(s.store, "ari", [text("hi")], { contact: { lastUserMessageAt: T - 5 } });
      expect((await s.store.outbox.claimNext("ari", T)).lastUserMessageAt).toBe(T - 5);
    });

    it("keeps a row waiting for its retry ahead of the rows behind it", async () => {
      await step(s.store, "bob", [text("first"), text("second")]);
      const { row } = await s.store.outbox.claimNext("bob", T);
      await s.store.outbox.markRetry(row?.id as number, T + 5_000, "Graph 500", "1");
      const waiting = await s.store.outbox.claimNext("bob", T + 1_000);
      expect(waiting.row).toBeUndefined();
      expect(waiting.nextAt).toBe(T + 5_000);
      const due = await s.store.outbox.claimNext("bob", T + 5_000);
      expect(textOf(due.row)).toBe("first");
      expect(due.row).toMatchObject({ attempts: 1, reason: "Graph 500", code: "1" });
    });

    it("keeps how many calls of a message Meta took, for its retry to go on from the next", async () => {
      await step(s.store, "cards", [text("gallery")]);
      const { row } = await s.store.outbox.claimNext("cards", T);
      expect(row?.partsSent).toBe(0);
      await s.store.outbox.markPartsSent(row?.id as number, 1);
      await s.store.outbox.markPartsSent(row?.id as number, 2);
      // A late or repeated report never takes it back.
      await s.store.outbox.markPartsSent(row?.id as number, 1);
      await s.store.outbox.markRetry(row?.id as number, T + 10, "Graph 500", "131000");
      const again = await s.store.outbox.claimNext("cards", T + 10);
      expect(again.row).toMatchObject({ id: row?.id, partsSent: 2, attempts: 1 });
    });

    it("lists contacts whose next row is due, skipping those held or excluded", async () => {
      await step(s.store, "c1", [text("a")]);
      await step(s.store, "c2", [text("b")]);
      await step(s.store, "c3", [text("c")]);
      await s.store.outbox.claimNext("c1", T);
      const { row } = await s.store.outbox.claimNext("c3", T);
      await s.store.outbox.markRetry(row?.id as number, T + 9_000, "later", "1");
      const due = await s.store.outbox.dueContacts(T, 10, new Set());
      expect(due.psids).toEqual(["c2"]);
      expect(due.nextAt).toBe(T + 9_000);
      expect((await s.store.outbox.dueContacts(T, 10, new Set(["c2"]))).psids).toEqual([]);
    });

    it("200 contacts waiting for a retry do not hide a contact whose row is due", async () => {
      for (let i = 0; i < 200; i++) {
        await step(s.store, `later-${i}`, [text("x")]);
        const { row } = await s.store.outbox.claimNext(`later-${i}`, T);
        await s.store.outbox.markRetry(row?.id as number, T + 60_000 + i, "Graph 500", "1");
      }
      await step(s.store, "due", [text("now")]);
      const found = await s.store.outbox.dueContacts(T, 128, new Set());
      expect(found.psids).toEqual(["due"]);
      expect(found.nextAt).toBe(T + 60_000);
    });

    it("parks a row with its reason, lists it, and queues it again on request", async () => {
      await step(s.store, "pat", [text("refused"), text("after")]);
      const { row } = await s.store.outbox.claimNext("pat", T);
      const id = row?.id as number;
      await s.store.outbox.markParked(id, "user_unreachable: 551", "551", T);
      const after = await s.store.outbox.claimNext("pat", T);
      expect(textOf(after.row)).toBe("after");
      await s.store.outbox.markSent(after.row?.id as number, "m1", T);
      const parked = await s.store.outbox.parked();
      expect(parked).toHaveLength(1);
      expect(parked[0]).toMatchObject({ id, status: "parked", reason: "user_unreachable: 551" });
      expect((await s.store.stats.queueDepths()).outboxParked).toBe(1);
      expect(await s.store.outbox.retryParked(id, T + 1)).toBe(true);
      expect(await s.store.outbox.retryParked(id, T + 1)).toBe(false);
      expect(await s.store.outbox.parked()).toEqual([]);
      expect((await s.store.outbox.dueContacts(T + 1, 10, new Set())).psids).toEqual(["pat"]);
      expect((await s.store.outbox.claimNext("pat", T + 1)).row?.id).toBe(id);
    });

    it("finishes an HTTP action and queues its answer once", async () => {
      const request = {
        method: "GET" as const,
        url: "https://example.com",
        headers: [],
        timeoutMs: 1000,
      };
      await step(s.store, "hub", [{ kind: "http", requestId: "r1", request, nodeId: "n" }]);
      const { row } = await s.store.outbox.claimNext("hub", T);
      const answer: NewInboxEvent = { ...event("hub", "answer-1"), kind: "http_result" };
      await s.store.outbox.completeHttp(row?.id as number, answer, T);
      await s.store.outbox.completeHttp(row?.id as number, answer, T);
      expect(keyOf((await s.store.inbox.claimNext("hub")).row)).toBe("answer-1");
      expect((await s.store.inbox.claimNext("hub")).more).toBe(false);
      expect((await s.store.stats.queueDepths()).outboxQueued).toBe(0);
    });

    it("queues an agent's message behind the bot's, with its line, as the contact's activity", async () => {
      await step(s.store, "liv", [text("bot")]);
      const agent = line("from a person", T + 7, { direction: "out", author: "agent" });
      const id = await s.store.outbox.enqueue("liv", text("from a person"), agent, T + 7);
      expect((await s.store.contacts.get("liv"))?.lastActivityAt).toBe(T + 7);
      const first = await s.store.outbox.claimNext("liv", T + 7);
      expect(textOf(first.row)).toBe("bot");
      await s.store.outbox.markSent(first.row?.id as number, "m1", T + 7);
      const second = await s.store.outbox.claimNext("liv", T + 7);
      expect(second.row?.id).toBe(id);
      const lines = await s.store.contacts.transcript("liv", 10);
      expect(lines.at(-1)).toMatchObject({
        author: "agent",
        text: "from a person",
        status: "queued",
      });
    });
  });

  describe("after a crash", () => {
    it("holds a message that was in flight until its echo can arrive, but not a typing indicator", async () => {
      await step(s.store, "dan", [text("hello")]);
      await step(s.store, "eve", [{ kind: "typing", seconds: 1 }, text("after typing")]);
      await s.store.outbox.claimNext("dan", T);
      await s.store.outbox.claimNext("eve", T);
      // The process dies here; the next one starts on the same database.
      await s.reopen(T + 1);
      expect(await s.store.outbox.release(HOLD(T + 1 + 10_000))).toBe(2);
      const held = await s.store.outbox.claimNext("dan", T + 2);
      expect(held.nextAt).toBe(T + 1 + 10_000);
      expect((await s.store.outbox.claimNext("eve", T + 2)).row?.item.kind).toBe("typing");
      const again = await s.store.outbox.claimNext("dan", T + 10_001);
      expect(textOf(again.row)).toBe("hello");
      expect(again.row?.reason).toBe("waiting for the echo");
    });

    it("lets a live process release a row it lost track of, only once it is old", async () => {
      await step(s.store, "ivy", [text("stuck")]);
      await s.store.outbox.claimNext("ivy", T);
      // Held for a minute: still someone's; held for six: released, then waits for its echo.
      expect(await s.store.outbox.release(HOLD(T + 70_000), T)).toBe(0);
      expect(await s.store.outbox.release(HOLD(T + 370_000), T + 60_000)).toBe(1);
      expect((await s.store.outbox.claimNext("ivy", T + 360_001)).nextAt).toBe(T + 370_000);
      expect(textOf((await s.store.outbox.claimNext("ivy", T + 370_000)).row)).toBe("stuck");
    });

    it("takes Meta's echo as proof of delivery: the row is sent and never sent again", async () => {
      await step(s.store, "fay", [text("one"), text("two")]);
      const { row } = await s.store.outbox.claimNext("fay", T);
      const id = row?.id as number;
      await s.reopen(T + 1);
      await s.store.outbox.release(HOLD(T + 10_001));
      // An echo naming another contact changes nothing; the right one confirms the row.
      const echo = (psid: string, key: string): NewInboxEvent => ({
        dedupeKey: key,
        psid,
        kind: "echo",
        event: { source: "messenger", event: { kind: "echo", psid } },
        actionable: false,
        confirms: { outboxId: id, messageId: "m_echoed" },
      });
      await s.store.inbox.insert([echo("mallory", "e1")], T + 2);
      expect((await s.store.outbox.claimNext("fay", T + 20_000)).row?.id).toBe(id);
      await s.store.outbox.markRetry(id, T + 10_001, "again", "1");
      await s.store.inbox.insert([echo("fay", "e2")], T + 3);
      const next = await s.store.outbox.claimNext("fay", T + 20_000);
      expect(textOf(next.row)).toBe("two");
      // A late failure report for the confirmed row does not queue it again.
      await s.store.outbox.markRetry(id, T + 30_000, "late", "1");
      await s.store.outbox.markSent(next.row?.id as number, "m2", T + 20_000);
      expect((await s.store.outbox.dueContacts(T + 40_000, 10, new Set())).psids).toEqual([]);
    });

    it("takes a channel's later failure report: the sent row is failed, with Meta's words", async () => {
      const out = line("hi", T, { direction: "out", author: "bot", outbox: 0 });
      await step(s.store, "wa:1650", [text("hi")], { transcript: [out] });
      const { row } = await s.store.outbox.claimNext("wa:1650", T);
      const id = row?.id as number;
      await s.store.outbox.markSent(id, "wamid.1", T);
      const failure = (psid: string, key: string): NewInboxEvent => ({
        dedupeKey: key,
        psid,
        kind: "status",
        event: { source: "messenger", event: { kind: "status", psid } },
        actionable: false,
        fails: { outboxId: id, reason: "Re-engagement message", code: "131047" },
      });
      // A report naming another contact changes nothing; the contact's own fails the row.
      await s.store.inbox.insert([failure("wa:other", "f1")], T + 1);
      const before = await s.store.contacts.transcript("wa:1650", 10);
      expect(before.at(-1)?.status).toBe("sent");
      await s.store.inbox.insert([failure("wa:1650", "f2")], T + 2);
      const after = await s.store.contacts.transcript("wa:1650", 10);
      expect(after.at(-1)?.status).toBe("failed");
      expect((await s.store.outbox.claimNext("wa:1650", T + 3)).row).toBeUndefined();
    });

    it("keeps a row failed when the failure report comes before the send's own answer", async () => {
      const out = line("hi", T, { direction: "out", author: "bot", outbox: 0 });
      await step(s.store, "wa:1651", [text("hi")], { transcript: [out] });
      const { row } = await s.store.outbox.claimNext("wa:1651", T);
      const id = row?.id as number;
      await s.store.inbox.insert(
        [
          {
            dedupeKey: "f3",
            psid: "wa:1651",
            kind: "status",
            event: { source: "messenger", event: { kind: "status", psid: "wa:1651" } },
            actionable: false,
            fails: { outboxId: id, reason: "Message undeliverable", code: "131026" },
          },
        ],
        T + 1,
      );
      await s.store.outbox.markSent(id, "wamid.2", T + 2);
      const transcript = await s.store.contacts.transcript("wa:1651", 10);
      expect(transcript.at(-1)?.status).toBe("failed");
    });
  });
}
