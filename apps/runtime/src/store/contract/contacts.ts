import { initialSession } from "@convo/engine";
import { describe, expect, it } from "vitest";
import { event, line, type StoreHarness, step, T, text, useStore } from "./harness";

/** Contacts: created on first sight, profile and pause, listed, exported and erased whole. */
export function contactContract(makeHarness: () => StoreHarness) {
  const s = useStore(makeHarness);

  describe("contacts", () => {
    it("creates a contact on first sight only", async () => {
      const { contacts } = s.store;
      const first = await contacts.ensure("ann", T);
      expect(first).toEqual({
        psid: "ann",
        firstName: null,
        lastName: null,
        locale: null,
        profilePic: null,
        profileFetched: false,
        fields: {},
        tags: [],
        paused: false,
        pausedUntil: null,
        lastUserMessageAt: null,
        lastActivityAt: T,
        createdAt: T,
        currentFlow: null,
      });
      expect((await contacts.ensure("ann", T + 9)).createdAt).toBe(T);
      expect(await contacts.get("nobody")).toBeUndefined();
    });

    it("sets the profile fields given, and marks it fetched even with none", async () => {
      const { contacts } = s.store;
      await contacts.ensure("bob", T);
      await contacts.setProfile("bob", { firstName: "Bob", locale: "fr_FR" });
      await contacts.setProfile("bob", { lastName: "Lee" });
      expect(await contacts.get("bob")).toMatchObject({
        firstName: "Bob",
        lastName: "Lee",
        locale: "fr_FR",
        profileFetched: true,
      });
      await contacts.ensure("cy", T);
      await contacts.setProfile("cy", {});
      expect(await contacts.get("cy")).toMatchObject({ firstName: null, profileFetched: true });
    });

    it("sets a chosen locale without counting the profile as fetched", async () => {
      const { contacts } = s.store;
      await contacts.ensure("lou", T);
      await contacts.setLocale("lou", "fr_FR");
      expect(await contacts.get("lou")).toMatchObject({ locale: "fr_FR", profileFetched: false });
      // The profile read later keeps it when it gives none (Instagram's, WhatsApp's name).
      await contacts.setProfile("lou", { firstName: "Lou" });
      expect(await contacts.get("lou")).toMatchObject({
        firstName: "Lou",
        locale: "fr_FR",
        profileFetched: true,
      });
    });

    it("pauses and resumes", async () => {
      const { contacts } = s.store;
      await contacts.ensure("dee", T);
      await contacts.setPaused("dee", true, T + 60_000);
      expect(await contacts.get("dee")).toMatchObject({ paused: true, pausedUntil: T + 60_000 });
      await contacts.setPaused("dee", false, null);
      expect(await contacts.get("dee")).toMatchObject({ paused: false, pausedUntil: null });
    });

    it("lists by activity, filtered by search, tag and pause, a page at a time", async () => {
      const { contacts } = s.store;
      await step(s.store, "p1", [], { now: T + 1, contact: { tags: ["vip"] } });
      await step(s.store, "p2", [], { now: T + 2, contact: { fields: { city: "Lyon" } } });
      await step(s.store, "p3", [], { now: T + 3, contact: { paused: true } });
      await contacts.setProfile("p1", { firstName: "Zoé" });
      const ids = async (query: Parameters<typeof contacts.list>[0]) =>
        (await contacts.list(query)).map((c) => c.psid);
      expect(await ids({ limit: 10 })).toEqual(["p3", "p2", "p1"]);
      expect(await ids({ limit: 2 })).toEqual(["p3", "p2"]);
      expect(await ids({ limit: 10, before: T + 2 })).toEqual(["p1"]);
      expect(await ids({ limit: 10, tag: "vip" })).toEqual(["p1"]);
      expect(await ids({ limit: 10, paused: true })).toEqual(["p3"]);
      expect(await ids({ limit: 10, paused: false })).toEqual(["p2", "p1"]);
      expect(await ids({ limit: 10, search: "Zo" })).toEqual(["p1"]);
      expect(await ids({ limit: 10, search: "Lyon" })).toEqual(["p2"]);
      expect(await ids({ limit: 10, search: "%" })).toEqual(["p3", "p2", "p1"]);
    });

    it("reads the transcript a page at a time, oldest first", async () => {
      await step(s.store, "eve", [], {
        transcript: [line("one"), line("two"), line("three"), line("four")],
      });
      const all = await s.store.contacts.transcript("eve", 10);
      expect(all.map((l) => l.text)).toEqual(["one", "two", "three", "four"]);
      const last = await s.store.contacts.transcript("eve", 2);
      expect(last.map((l) => l.text)).toEqual(["three", "four"]);
      const before = await s.store.contacts.transcript("eve", 10, last[0]?.id);
      expect(before.map((l) => l.text)).toEqual(["one", "two"]);
      expect(await s.store.contacts.transcript("nobody", 10)).toEqual([]);
    });

    it("exports everything kept about a contact, and erases it all", async () => {
      await step(s.store, "fay", [text("hi")], {
        transcript: [line("hello")],
        timers: [{ timerId: "t", dueAt: T + 1, event: { type: "timer", timerId: "t" } }],
      });
      await s.store.inbox.insert([event("fay")], T);
      const data = (await s.store.contacts.export("fay")) as Record<string, unknown[]> & {
        contact: { psid: string };
      };
      expect(data.contact.psid).toBe("fay");
      expect(data.transcript).toHaveLength(1);
      expect(data.inbox).toHaveLength(2);
      expect(data.outbox).toHaveLength(1);
      expect(data.timers).toHaveLength(1);
      expect(await s.store.contacts.export("nobody")).toBeUndefined();

      expect(await s.store.contacts.erase("fay", T)).toBe(true);
      expect(await s.store.contacts.get("fay")).toBeUndefined();
      expect(await s.store.contacts.transcript("fay", 10)).toEqual([]);
      expect((await s.store.inbox.claimNext("fay")).row).toBeUndefined();
      expect((await s.store.outbox.claimNext("fay", T)).row).toBeUndefined();
      expect(await s.store.timers.nextDueAt()).toBeUndefined();
      expect(await s.store.contacts.erase("fay", T)).toBe(false);
    });

    it("moves a commenter to the PSID the private reply named: session, timers, transcript, ids", async () => {
      const { contacts } = s.store;
      const session = { ...initialSession(), variables: { giveaway: { size: "M" } }, seq: 3 };
      // The person wrote to the Page before: their own name and fields stay.
      await step(s.store, "psid-1", [], {
        contact: { tags: ["vip"], fields: { city: "Paris" } },
        transcript: [line("hello", T - 1)],
      });
      await step(s.store, "asid-1", [text("private reply")], {
        session,
        contact: { tags: ["giveaway"], currentFlow: "giveaway", fields: { city: "Lyon" } },
        transcript: [line("price?")],
        timers: [{ timerId: "t", dueAt: T + 5, event: { type: "timer", timerId: "t" } }],
        externalIds: ["order-7"],
      });
      await contacts.setProfile("asid-1", { firstName: "Ana", lastName: "Lima" });
      expect(await contacts.move("asid-1", "psid-1", T + 9)).toBe(true);
      expect(await contacts.session("psid-1")).toEqual(session);
      expect(await contacts.session("asid-1")).toBeUndefined();
      expect(await contacts.get("psid-1")).toMatchObject({
        firstName: "Ana",
        lastName: "Lima",
        fields: { city: "Paris" },
        tags: ["vip", "giveaway"],
        currentFlow: "giveaway",
      });
      expect((await contacts.get("asid-1"))?.currentFlow).toBeNull();
      expect((await contacts.transcript("psid-1", 10)).map((l) => l.text)).toEqual([
        "hello",
        "price?",
      ]);
      expect(await contacts.transcript("asid-1", 10)).toEqual([]);
      expect(await s.store.externalIds.find("external", "order-7")).toBe("psid-1");
      const fired: string[] = [];
      await s.store.timers.fireDue(T + 5, 10, (timer) => {
        fired.push(timer.psid);
        return event(timer.psid);
      });
      expect(fired).toEqual(["psid-1"]);
      // Unknown, or itself: nothing to move.
      expect(await contacts.move("nobody", "psid-1", T)).toBe(false);
      expect(await contacts.move("psid-1", "psid-1", T)).toBe(false);
    });

    it("moves a commenter to a PSID never seen, created for it", async () => {
      const { contacts } = s.store;
      await step(s.store, "asid-2", [], { session: initialSession(), contact: { tags: ["a"] } });
      expect(await contacts.move("asid-2", "psid-2", T + 1)).toBe(true);
      expect(await contacts.get("psid-2")).toMatchObject({ tags: ["a"], createdAt: T + 1 });
      expect(await contacts.session("psid-2")).toEqual(initialSession());
    });
  });
}
