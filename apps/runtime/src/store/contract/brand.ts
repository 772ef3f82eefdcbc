import { describe, expect, it } from "vitest";
import type { NewBrandEvent } from "../events";
import type { StepRows } from "../steps";
import type { Store } from "../store";
import { outEvent } from "../webhooks";
import { event, type StoreHarness, step, T, useStore } from "./harness";

const brandEvent = (id: string, key: string, psid = "ann"): NewBrandEvent => ({
  id,
  idempotencyKey: key,
  name: "order.shipped",
  contact: { externalId: "A1" },
  psid,
  data: { order_id: "A1" },
});

/** Claims the contact's next event and commits its step the way the inbox worker does. */
async function commitNext(store: Store, psid: string, extra: Partial<StepRows>): Promise<void> {
  const { row } = await store.inbox.claimNext(psid);
  await store.contacts.ensure(psid, T);
  await store.steps.commit({
    inboxId: row?.id as number,
    psid,
    now: T,
    session: null,
    contact: {},
    outbox: [],
    receivedAt: T,
    transcript: [],
    counters: [],
    timers: [],
    ...extra,
  });
}

/** A message step's row answering brand event `eventId`. */
const shipped = (eventId: string, text: string) => ({
  kind: "message" as const,
  message: { kind: "text" as const, text },
  author: "bot" as const,
  brandEventId: eventId,
});

/** The data of each `event.delivered` queued for endpoint `endpointId`, oldest first. */
async function deliveredBodies(store: Store, endpointId: string): Promise<unknown[]> {
  const rows = await store.webhooks.deliveries(100);
  return rows
    .filter((d) => d.type === "event.delivered" && d.endpointId === endpointId)
    .map((d) => (JSON.parse(d.body) as { data: unknown }).data)
    .reverse();
}

/** Keys, the brand's events, its ids of contacts, and events out: what the events API stores. */
export function brandContract(makeHarness: () => StoreHarness) {
  const s = useStore(makeHarness);

  describe("API keys", () => {
    it("keeps a digest and scopes, lists newest first, revokes once", async () => {
      const { keys } = s.store;
      await keys.create({
        id: "ck_a",
        name: "shop",
        scopes: ["events:write"],
        hash: "aa",
        createdAt: T,
      });
      await keys.create({ id: "ck_b", name: "crm", scopes: [], hash: "bb", createdAt: T + 1 });
      expect(await keys.find("ck_a")).toMatchObject({
        hash: "aa",
        scopes: ["events:write"],
        revokedAt: null,
      });
      expect((await keys.list()).map((k) => k.id)).toEqual(["ck_b", "ck_a"]);
      expect(await keys.revoke("ck_a", T + 5)).toBe(true);
      expect(await keys.revoke("ck_a", T + 6)).toBe(false);
      await keys.touch("ck_b", T + 9);
      const reopened = await s.reopen(T + 10);
      expect(await reopened.keys.find("ck_a")).toMatchObject({ revokedAt: T + 5 });
      expect(await reopened.keys.find("ck_b")).toMatchObject({ lastUsedAt: T + 9 });
      expect(await reopened.keys.find("ck_none")).toBeUndefined();
    });
  });

  describe("external ids", () => {
    it("links many ids to a contact, moves an id linked again, retires a user_ref", async () => {
      const ids = s.store.externalIds;
      await ids.link("ann", "external", "A1", T);
      await ids.link("ann", "external", "A2", T + 1);
      await ids.link("bob", "external", "A2", T + 2);
      expect(await ids.find("external", "A1")).toBe("ann");
      expect(await ids.find("external", "A2")).toBe("bob");
      expect((await ids.ofContact("ann")).map((r) => r.value)).toEqual(["A1"]);

      await ids.link("user_ref:u1", "user_ref", "u1", T);
      await ids.link("user_ref:u1", "external", "C9", T);
      expect(await ids.retireUserRef("u1", "user_ref:u1", "cat", T + 3)).toBe(2);
      expect(await ids.find("user_ref", "u1")).toBe("cat");
      expect(await ids.find("external", "C9")).toBe("cat");
    });

    it("links the ids a step remembers with the step, and erases them with the contact", async () => {
      await step(s.store, "dan", [], { externalIds: ["D1", "D2"] });
      expect((await s.store.externalIds.ofContact("dan")).map((r) => r.value)).toEqual([
        "D1",
        "D2",
      ]);
      await s.store.contacts.erase("dan", T);
      expect(await s.store.externalIds.find("external", "D1")).toBeUndefined();
    });
  });

  describe("brand events", () => {
    it("keeps an erased contact's events without their contact or data: a queued one skipped as contact_erased", async () => {
      await s.store.events.accept(
        [
          { event: brandEvent("evt_e1", "ke1", "eve"), inbox: event("eve", "event:evt_e1") },
          { event: brandEvent("evt_e2", "ke2", "eve"), inbox: event("eve", "event:evt_e2") },
        ],
        T,
      );
      await s.store.events.settle(
        "evt_e2",
        { status: "failed", error: { code: "551", message: "unreachable" } },
        T + 1,
      );
      expect(await s.store.contacts.erase("eve", T + 2)).toBe(true);
      const reopened = await s.reopen(T + 3);
      expect(await reopened.events.get("evt_e1")).toMatchObject({
        status: "skipped",
        reason: "contact_erased",
        contact: {},
        data: {},
        psid: "",
        updatedAt: T + 2,
      });
      expect(await reopened.events.get("evt_e2")).toMatchObject({
        status: "failed",
        error: { code: "551", message: "unreachable" },
        contact: {},
        data: {},
      });
      expect(await reopened.events.ofContact("eve", 10)).toEqual([]);
      // The same key still finds the event, and queues nothing for anyone.
      const [again] = await reopened.events.accept(
        [{ event: brandEvent("evt_e3", "ke1", "eve"), inbox: event("eve", "event:evt_e3") }],
        T + 4,
      );
      expect(again).toMatchObject({ created: false, row: { id: "evt_e1", status: "skipped" } });
      expect((await reopened.inbox.claimNext("eve")).row).toBeUndefined();
    });

    it("accepts an event once per key, with its inbox event, and keeps what became of it", async () => {
      const inbox = event("ann", "event:evt_1");
      const [first] = await s.store.events.accept([{ event: brandEvent("evt_1", "k1"), inbox }], T);
      expect(first).toMatchObject({ created: true, row: { id: "evt_1", status: "queued" } });
      const [again] = await s.store.events.accept(
        [{ event: brandEvent("evt_2", "k1"), inbox: event("ann", "event:evt_2") }],
        T + 1,
      );
      expect(again).toMatchObject({ created: false, row: { id: "evt_1" } });
      // Only the first one's inbox event was stored.
      const claimed = await s.store.inbox.claimNext("ann");
      expect(claimed.more).toBe(false);

      expect((await s.store.events.ofContact("ann", 10)).map((e) => e.id)).toEqual(["evt_1"]);
      const reopened = await s.reopen(T + 4);
      expect(await reopened.events.get("evt_1")).toMatchObject({
        status: "queued",
        messageIds: [],
        data: { order_id: "A1" },
        contact: { externalId: "A1" },
      });
      await reopened.events.settle(
        "evt_1",
        { status: "failed", error: { code: "10", message: "no" } },
        T + 5,
      );
      expect(await reopened.events.get("evt_1")).toMatchObject({
        status: "failed",
        error: { code: "10", message: "no" },
      });
    });

    it("is sent in the write that records its message sent, and the brand told once per message id", async () => {
      await s.store.webhooks.createEndpoint({
        id: "we_d",
        url: "https://crm.example.com/d",
        events: ["event.delivered"],
        secret: "s",
        createdAt: T,
      });
      await s.store.events.accept(
        [{ event: brandEvent("evt_s", "ks", "gus"), inbox: event("gus", "event:evt_s") }],
        T,
      );
      await commitNext(s.store, "gus", {
        outbox: [shipped("evt_s", "Shipped"), shipped("evt_s", "Track it")],
      });
      const first = (await s.store.outbox.claimNext("gus", T)).row?.id as number;
      await s.store.outbox.markSent(first, "m_1", T + 1, "evt_s");
      // The same write again (retried after the database refused its answer) adds nothing.
      await s.store.outbox.markSent(first, "m_1", T + 2, "evt_s");
      const reopened = await s.reopen(T + 3);
      expect(await reopened.events.get("evt_s")).toMatchObject({
        status: "sent",
        messageIds: ["m_1"],
      });
      expect(await deliveredBodies(reopened, "we_d")).toEqual([
        { eventId: "evt_s", messageId: "m_1" },
      ]);

      // An event that failed stays failed when a later message of it goes out.
      await reopened.events.settle(
        "evt_s",
        { status: "failed", error: { code: "10", message: "no" } },
        T + 4,
      );
      const second = (await reopened.outbox.claimNext("gus", T + 5)).row?.id as number;
      await reopened.outbox.markSent(second, "m_2", T + 5, "evt_s");
      expect(await reopened.events.get("evt_s")).toMatchObject({
        status: "failed",
        messageIds: ["m_1"],
      });
      // The PostgreSQL harness keeps one database for the file: the endpoint goes with the test.
      expect(await reopened.webhooks.deleteEndpoint("we_d")).toBe(true);
    });

    it("is sent when the echo of its message confirms it, once per message id", async () => {
      await s.store.webhooks.createEndpoint({
        id: "we_e",
        url: "https://crm.example.com/e",
        events: ["*"],
        secret: "s",
        createdAt: T,
      });
      await s.store.events.accept(
        [{ event: brandEvent("evt_e", "ke", "fay"), inbox: event("fay", "event:evt_e") }],
        T,
      );
      await commitNext(s.store, "fay", {
        outbox: [shipped("evt_e", "Shipped")],
      });
      const claim = await s.store.outbox.claimNext("fay", T);
      const outboxId = claim.row?.id as number;
      await s.store.inbox.insert(
        [
          {
            ...event("fay", "echo-1"),
            actionable: false,
            confirms: { outboxId, messageId: "m_e" },
          },
        ],
        T + 1,
      );
      // A crash took the send's answer: the echo alone settled the event and told the brand.
      expect(await s.store.events.get("evt_e")).toMatchObject({
        status: "sent",
        messageIds: ["m_e"],
      });
      expect(await deliveredBodies(s.store, "we_e")).toEqual([
        { eventId: "evt_e", messageId: "m_e" },
      ]);
      // The answer came after all: recorded, nothing told twice.
      await s.store.outbox.markSent(outboxId, "m_e", T + 2, "evt_e");
      expect(await s.store.events.get("evt_e")).toMatchObject({ messageIds: ["m_e"] });
      expect(await deliveredBodies(s.store, "we_e")).toHaveLength(1);
      expect(await s.store.webhooks.deleteEndpoint("we_e")).toBe(true);
    });

    it("takes its outcome in the write that parks its message; a row already sent is left alone", async () => {
      await s.store.webhooks.createEndpoint({
        id: "we_p",
        url: "https://crm.example.com/p",
        events: ["message.failed"],
        secret: "s",
        createdAt: T,
      });
      await s.store.events.accept(
        [
          { event: brandEvent("evt_p", "kp", "hal"), inbox: event("hal", "event:evt_p") },
          { event: brandEvent("evt_q", "kq", "ivy"), inbox: event("ivy", "event:evt_q") },
        ],
        T,
      );
      await commitNext(s.store, "hal", { outbox: [shipped("evt_p", "Shipped")] });
      await commitNext(s.store, "ivy", { outbox: [shipped("evt_q", "Shipped")] });
      const failed = (id: number, eventId: string) =>
        outEvent("message.failed", { contactId: "hal", outboxId: id, eventId }, T + 1);

      const parked = (await s.store.outbox.claimNext("hal", T)).row?.id as number;
      await s.store.outbox.markParked(parked, "outside_window: no tag", "10", T + 1, {
        brandEvent: { id: "evt_p", outcome: { status: "skipped", reason: "outside_window" } },
        told: [failed(parked, "evt_p")],
      });
      // The other contact's row was confirmed sent (its echo) before the sender gave up on it.
      const sent = (await s.store.outbox.claimNext("ivy", T)).row?.id as number;
      await s.store.outbox.markSent(sent, "m_q", T + 1, "evt_q");
      await s.store.outbox.markParked(sent, "gave up", "2", T + 2, {
        brandEvent: {
          id: "evt_q",
          outcome: { status: "failed", error: { code: "2", message: "x" } },
        },
        told: [failed(sent, "evt_q")],
      });

      const reopened = await s.reopen(T + 3);
      expect(await reopened.events.get("evt_p")).toMatchObject({
        status: "skipped",
        reason: "outside_window",
      });
      expect(await reopened.events.get("evt_q")).toMatchObject({ status: "sent" });
      expect((await reopened.outbox.parked()).map((r) => r.id)).toEqual([parked]);
      const told = (await reopened.webhooks.deliveries(100)).filter((d) => d.endpointId === "we_p");
      expect(told.map((d) => (JSON.parse(d.body) as { data: unknown }).data)).toEqual([
        { contactId: "hal", outboxId: parked, eventId: "evt_p" },
      ]);
      expect(await reopened.webhooks.deleteEndpoint("we_p")).toBe(true);
    });

    it("settles an event skipped by its step, in the step's transaction", async () => {
      await s.store.events.accept(
        [{ event: brandEvent("evt_9", "k9", "eve"), inbox: event("eve", "event:evt_9") }],
        T,
      );
      await commitNext(s.store, "eve", {
        brandEvent: { id: "evt_9", outcome: { status: "skipped", reason: "bot_paused" } },
      });
      expect(await s.store.events.get("evt_9")).toMatchObject({
        status: "skipped",
        reason: "bot_paused",
      });
    });
  });

  describe("events out", () => {
    it("queues a delivery per subscribed endpoint, retries, delivers, gives up", async () => {
      const hooks = s.store.webhooks;
      await hooks.createEndpoint({
        id: "we_1",
        url: "https://crm.example.com/a",
        events: ["*"],
        secret: "s1",
        createdAt: T,
      });
      await hooks.createEndpoint({
        id: "we_2",
        url: "https://crm.example.com/b",
        events: ["contact.tagged"],
        secret: "s2",
        createdAt: T,
      });
      expect((await hooks.endpoints()).map((e) => e.id)).toEqual(["we_1", "we_2"]);
      expect(await hooks.secretOf("we_2")).toBe("s2");
      await step(s.store, "ann", [], {
        outgoing: [
          { id: "ev_1", type: "contact.created", body: '{"id":"ev_1"}' },
          { id: "ev_2", type: "contact.tagged", body: '{"id":"ev_2"}' },
        ],
      });
      const due = await hooks.due(T, 10);
      expect(due.map((d) => `${d.endpointId}:${d.type}`).sort()).toEqual([
        "we_1:contact.created",
        "we_1:contact.tagged",
        "we_2:contact.tagged",
      ]);
      const [a, b, c] = due;
      await hooks.attemptFailed(a?.id as string, T + 1000, "HTTP 500", 500);
      await hooks.delivered(b?.id as string, 200, T);
      await hooks.attemptFailed(c?.id as string, null, "gave up", null);
      const reopened = await s.reopen(T);
      expect(await reopened.webhooks.due(T, 10)).toEqual([]);
      expect(await reopened.webhooks.nextDueAt()).toBe(T + 1000);
      const listed = await reopened.webhooks.deliveries(10);
      expect(listed.map((d) => d.status).sort()).toEqual(["delivered", "failed", "pending"]);
      expect(listed.find((d) => d.id === a?.id)).toMatchObject({ attempts: 1, lastStatus: 500 });
      expect(await reopened.webhooks.deleteEndpoint("we_1")).toBe(true);
      expect(await reopened.webhooks.nextDueAt()).toBeUndefined();
    });
  });
}
