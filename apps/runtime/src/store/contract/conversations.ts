import { describe, expect, it } from "vitest";
import type { NewConversation } from "../conversations";
import { line, type StoreHarness, step, T, useStore } from "./harness";

const ann = { id: "u-ann", name: "Ann" };
const bob = { id: "u-bob", name: "Bob" };

const asked = (psid: string, id: string, openedAt = T): NewConversation => ({
  id,
  psid,
  channel: "messenger",
  reason: "wants a refund",
  flowId: "support",
  nodeId: "human",
  openedAt,
});

/** The inbox of live chat: the queue, who has a conversation, notes, and unread lines. */
export function conversationContract(makeHarness: () => StoreHarness) {
  const s = useStore(makeHarness);

  describe("conversations", () => {
    it("opens with the step that hands over, once per contact until resolved", async () => {
      const { store } = s;
      await step(store, "p1", [], { openConversation: asked("p1", "cv_1") });
      expect(await store.conversations.openFor("p1")).toMatchObject({
        id: "cv_1",
        state: "waiting",
        reason: "wants a refund",
        flowId: "support",
        nodeId: "human",
        channel: "messenger",
        assignee: null,
      });
      // A second hand-over while one is open keeps the first.
      await step(store, "p1", [], { openConversation: asked("p1", "cv_2") });
      expect(await store.conversations.get("cv_2")).toBeUndefined();
      expect(await store.conversations.open(asked("p1", "cv_3"))).toBe(false);
      // The bot resuming resolves it; the next hand-over opens a new one.
      await step(store, "p1", [], { resolveConversation: true });
      expect(await store.conversations.get("cv_1")).toMatchObject({
        state: "resolved",
        resolvedAt: T,
      });
      expect(await store.conversations.openFor("p1")).toBeUndefined();
      expect(await store.conversations.open(asked("p1", "cv_4", T + 5))).toBe(true);
      const reopened = await s.reopen(T + 10);
      expect((await reopened.conversations.openFor("p1"))?.id).toBe("cv_4");
    });

    it("queues oldest first with the contact, and filters by state", async () => {
      const { conversations, contacts } = s.store;
      await contacts.ensure("late", T);
      await contacts.ensure("early", T);
      await contacts.setProfile("early", { firstName: "Eve", profilePic: "https://x.test/e.jpg" });
      await conversations.open(asked("late", "cv_late", T + 50));
      await conversations.open(asked("early", "cv_early", T + 10));
      await conversations.open(asked("mid", "cv_mid", T + 20));
      const queue = await conversations.queue({ states: ["waiting"], reader: ann.id, limit: 10 });
      expect(queue.map((q) => q.id)).toEqual(["cv_early", "cv_mid", "cv_late"]);
      expect(queue[0]?.contact).toEqual({
        firstName: "Eve",
        lastName: null,
        profilePic: "https://x.test/e.jpg",
        tags: [],
      });
      expect(await conversations.take("cv_mid", ann, T + 60)).toBe(true);
      expect(
        (await conversations.queue({ states: ["waiting"], reader: ann.id, limit: 10 })).map(
          (q) => q.id,
        ),
      ).toEqual(["cv_early", "cv_late"]);
      expect(
        await conversations.queue({ states: ["assigned"], reader: ann.id, limit: 10 }),
      ).toMatchObject([{ id: "cv_mid", assignee: ann, assignedAt: T + 60 }]);
      expect(
        await conversations.queue({ states: ["waiting", "assigned"], reader: ann.id, limit: 2 }),
      ).toHaveLength(2);
    });

    it("is taken once, reassigned to anyone, and not after it is resolved", async () => {
      const { conversations } = s.store;
      await conversations.open(asked("p1", "cv_1"));
      expect(await conversations.take("cv_1", ann, T + 1)).toBe(true);
      expect(await conversations.take("cv_1", bob, T + 2)).toBe(false);
      expect((await conversations.get("cv_1"))?.assignee).toEqual(ann);
      expect(await conversations.assign("cv_1", bob, T + 3)).toBe(true);
      expect((await conversations.get("cv_1"))?.assignee).toEqual(bob);
      expect(await conversations.resolve("cv_1", T + 4)).toBe(true);
      expect(await conversations.resolve("cv_1", T + 5)).toBe(false);
      expect(await conversations.assign("cv_1", ann, T + 6)).toBe(false);
      expect(await conversations.take("nope", ann, T)).toBe(false);
    });

    it("keeps notes in order with their author", async () => {
      const { conversations } = s.store;
      await conversations.open(asked("p1", "cv_1"));
      await conversations.addNote("cv_1", ann, "VIP, be nice", T + 1);
      await conversations.addNote("cv_1", bob, "refund approved", T + 2);
      expect(await conversations.notes("cv_1")).toMatchObject([
        { conversationId: "cv_1", author: ann, text: "VIP, be nice", at: T + 1 },
        { author: bob, text: "refund approved", at: T + 2 },
      ]);
      await expect(conversations.addNote("nope", ann, "x", T)).rejects.toThrow();
    });

    it("counts the contact's lines each agent has not read", async () => {
      const { store } = s;
      await step(store, "p1", [], {
        transcript: [line("I want a person", T)],
        openConversation: asked("p1", "cv_1"),
      });
      const unread = async (reader: string) =>
        (await store.conversations.queue({ states: ["waiting"], reader, limit: 5 }))[0]?.unread;
      expect(await unread(ann.id)).toBe(1);
      await store.conversations.markRead("cv_1", ann.id, T + 5);
      expect(await store.conversations.readAt("cv_1", ann.id)).toBe(T + 5);
      // An older read does not move it back.
      await store.conversations.markRead("cv_1", ann.id, T + 1);
      expect(await store.conversations.readAt("cv_1", ann.id)).toBe(T + 5);
      await step(store, "p1", [], {
        transcript: [
          line("hello?", T + 10),
          line("sent by the bot", T + 11, { direction: "out", author: "bot" }),
        ],
      });
      expect(await unread(ann.id)).toBe(1);
      expect(await unread(bob.id)).toBe(2);
    });

    it("is exported and erased with the contact", async () => {
      const { store } = s;
      await store.contacts.ensure("p1", T);
      await store.conversations.open(asked("p1", "cv_1"));
      await store.conversations.addNote("cv_1", ann, "note", T);
      await store.conversations.markRead("cv_1", ann.id, T);
      const exported = await store.contacts.export("p1");
      expect(exported?.conversations).toMatchObject([{ id: "cv_1", reason: "wants a refund" }]);
      expect(exported?.notes).toMatchObject([{ conversation_id: "cv_1", text: "note" }]);
      expect(await store.contacts.erase("p1", T)).toBe(true);
      expect(await store.conversations.get("cv_1")).toBeUndefined();
      expect(await store.conversations.notes("cv_1")).toEqual([]);
      expect(await store.conversations.readAt("cv_1", ann.id)).toBeUndefined();
    });
  });
}
