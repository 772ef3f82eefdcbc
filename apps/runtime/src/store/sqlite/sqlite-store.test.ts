import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OutboxItem, StepCommit } from "../store";
import { SqliteStore } from "./sqlite-store";

let dir: string;
let store: SqliteStore;
const T = 1_700_000_000_000;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "convo-store-"));
  store = new SqliteStore(join(dir, "convo.db"), T);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const text = (t: string): OutboxItem => ({
  kind: "message",
  message: { kind: "text", text: t },
  author: "bot",
});

/** One step for `psid` that queues `items`, the way the inbox worker commits it. */
async function step(psid: string, items: OutboxItem[], extra: Partial<StepCommit> = {}) {
  const key = `k-${psid}-${Math.random()}`;
  await store.insertInbox(
    [
      {
        dedupeKey: key,
        psid,
        kind: "text",
        event: { source: "messenger", event: { kind: "text", psid } },
        actionable: true,
      },
    ],
    T,
  );
  const { row } = await store.claimNextInbox(psid);
  if (!row) throw new Error("nothing claimed");
  await store.ensureContact(psid, T);
  await store.commitStep({
    inboxId: row.id,
    psid,
    now: T,
    session: null,
    contact: {},
    outbox: items,
    receivedAt: T,
    transcript: [],
    counters: [],
    timers: [],
    ...extra,
  });
}

const textOf = (row: { item: OutboxItem } | undefined) =>
  row?.item.kind === "message" && row.item.message.kind === "text"
    ? row.item.message.text
    : undefined;

describe("the inbox, one contact at a time", () => {
  const event = (psid: string, key: string) => ({
    dedupeKey: key,
    psid,
    kind: "text",
    event: { source: "messenger" as const, event: { kind: "text", psid, key } },
    actionable: true,
  });
  const keyOf = (row: { event: unknown } | undefined) =>
    (row?.event as { event: { key: string } } | undefined)?.event.key;

  it("hands out a contact's events in arrival order, never two at once", async () => {
    await store.insertInbox([event("ann", "a1"), event("bob", "b1"), event("ann", "a2")], T);
    const first = await store.claimNextInbox("ann");
    expect(keyOf(first.row)).toBe("a1");
    expect(first.more).toBe(true);
    expect((await store.claimNextInbox("ann")).row).toBeUndefined();
    await store.finishInbox(first.row?.id as number, "ann", [], T);
    const second = await store.claimNextInbox("ann");
    expect(keyOf(second.row)).toBe("a2");
    expect(second.more).toBe(false);
  });

  it("lists contacts with pending events, oldest first, and gives held ones back after a crash", async () => {
    await store.insertInbox([event("cy", "c1"), event("di", "d1"), event("cy", "c2")], T);
    expect(await store.pendingInboxContacts(10, new Set())).toEqual(["cy", "di"]);
    expect(await store.pendingInboxContacts(10, new Set(["cy"]))).toEqual(["di"]);
    await store.claimNextInbox("cy");
    store.close();
    store = new SqliteStore(join(dir, "convo.db"), T);
    await store.releaseInbox();
    expect(keyOf((await store.claimNextInbox("cy")).row)).toBe("c1");
  });
});

describe("the scans find every contact, however long another's backlog", () => {
  it("inbox: a contact in hand with 500 events waiting does not hide the next contact", async () => {
    const events = Array.from({ length: 500 }, (_, i) => ({
      dedupeKey: `busy-${i}`,
      psid: "busy",
      kind: "text",
      event: { source: "messenger" as const, event: { kind: "text", psid: "busy" } },
      actionable: true,
    }));
    await store.insertInbox(events, T);
    await store.insertInbox(
      [
        {
          dedupeKey: "quiet-1",
          psid: "quiet",
          kind: "text",
          event: { source: "messenger" as const, event: { kind: "text", psid: "quiet" } },
          actionable: true,
        },
      ],
      T,
    );
    await store.claimNextInbox("busy");
    expect(await store.pendingInboxContacts(16, new Set(["busy"]))).toEqual(["quiet"]);
    expect(await store.pendingInboxContacts(16, new Set())).toEqual(["quiet"]);
  });

  it("outbox: 200 contacts waiting for a retry do not hide a contact whose row is due", async () => {
    for (let i = 0; i < 200; i++) {
      await step(`later-${i}`, [text("x")]);
      const { row } = await store.claimNextOutbox(`later-${i}`, T);
      await store.markRetry(row?.id as number, T + 60_000 + i, "Graph 500", "1");
    }
    await step("due", [text("now")]);
    const found = await store.dueOutboxContacts(T, 128, new Set());
    expect(found.psids).toEqual(["due"]);
    expect(found.nextAt).toBe(T + 60_000);
  });
});

describe("the outbox, one contact at a time", () => {
  it("hands out a contact's rows in order, one at a time, and says when more wait", async () => {
    await step("ann", [text("one"), text("two")]);
    const first = await store.claimNextOutbox("ann", T);
    expect(textOf(first.row)).toBe("one");
    expect(first.more).toBe(true);
    // Held until sent: nobody else gets the contact's next row meanwhile.
    expect((await store.claimNextOutbox("ann", T)).row).toBeUndefined();
    await store.markSent(first.row?.id as number, "m1", T);
    const second = await store.claimNextOutbox("ann", T);
    expect(textOf(second.row)).toBe("two");
    expect(second.more).toBe(false);
  });

  it("keeps a row waiting for its retry ahead of the rows behind it", async () => {
    await step("bob", [text("first"), text("second")]);
    const { row } = await store.claimNextOutbox("bob", T);
    await store.markRetry(row?.id as number, T + 5_000, "Graph 500", "1");
    const waiting = await store.claimNextOutbox("bob", T + 1_000);
    expect(waiting.row).toBeUndefined();
    expect(waiting.nextAt).toBe(T + 5_000);
    const due = await store.claimNextOutbox("bob", T + 5_000);
    expect(textOf(due.row)).toBe("first");
  });

  it("lists contacts whose next row is due, skipping those held or excluded", async () => {
    await step("c1", [text("a")]);
    await step("c2", [text("b")]);
    await step("c3", [text("c")]);
    await store.claimNextOutbox("c1", T);
    const { row } = await store.claimNextOutbox("c3", T);
    await store.markRetry(row?.id as number, T + 9_000, "later", "1");
    const due = await store.dueOutboxContacts(T, 10, new Set());
    expect(due.psids).toEqual(["c2"]);
    expect(due.nextAt).toBe(T + 9_000);
    expect((await store.dueOutboxContacts(T, 10, new Set(["c2"]))).psids).toEqual([]);
  });
});

describe("after a crash", () => {
  it("holds a message that was in flight until its echo can arrive, but not a typing indicator", async () => {
    await step("dan", [text("hello")]);
    await step("eve", [{ kind: "typing", seconds: 1 }, text("after typing")]);
    await store.claimNextOutbox("dan", T);
    await store.claimNextOutbox("eve", T);
    // The process dies here; the next one starts on the same file.
    store.close();
    store = new SqliteStore(join(dir, "convo.db"), T + 1);
    expect(await store.releaseOutbox(T + 1, 10_000)).toBe(2);
    expect((await store.claimNextOutbox("dan", T + 2)).nextAt).toBe(T + 1 + 10_000);
    expect((await store.claimNextOutbox("eve", T + 2)).row?.item.kind).toBe("typing");
    expect(textOf((await store.claimNextOutbox("dan", T + 10_001)).row)).toBe("hello");
  });

  it("lets a live process release a row it lost track of, only once it is old", async () => {
    await step("ivy", [text("stuck")]);
    await store.claimNextOutbox("ivy", T);
    // Held for a minute: still someone's; held for six: released, then waits for its echo.
    expect(await store.releaseOutbox(T + 60_000, 10_000, T)).toBe(0);
    expect(await store.releaseOutbox(T + 360_000, 10_000, T + 60_000)).toBe(1);
    expect((await store.claimNextOutbox("ivy", T + 360_001)).nextAt).toBe(T + 370_000);
    expect(textOf((await store.claimNextOutbox("ivy", T + 370_000)).row)).toBe("stuck");
  });

  it("takes Meta's echo as proof of delivery: the row is sent and never sent again", async () => {
    await step("fay", [text("one"), text("two")]);
    const { row } = await store.claimNextOutbox("fay", T);
    const id = row?.id as number;
    store.close();
    store = new SqliteStore(join(dir, "convo.db"), T + 1);
    await store.releaseOutbox(T + 1, 10_000);
    // An echo naming another contact changes nothing; the right one confirms the row.
    const echo = (psid: string, key: string) => ({
      dedupeKey: key,
      psid,
      kind: "echo",
      event: { source: "messenger" as const, event: { kind: "echo", psid } },
      actionable: false,
      confirms: { outboxId: id, messageId: "m_echoed" },
    });
    await store.insertInbox([echo("mallory", "e1")], T + 2);
    expect((await store.claimNextOutbox("fay", T + 20_000)).row?.id).toBe(id);
    await store.markRetry(id, T + 10_001, "again", "1");
    await store.insertInbox([echo("fay", "e2")], T + 3);
    const next = await store.claimNextOutbox("fay", T + 20_000);
    expect(textOf(next.row)).toBe("two");
    // A late failure report for the confirmed row does not queue it again.
    await store.markRetry(id, T + 30_000, "late", "1");
    await store.markSent(next.row?.id as number, "m2", T + 20_000);
    expect((await store.dueOutboxContacts(T + 40_000, 10, new Set())).psids).toEqual([]);
  });
});

describe("a step's commit", () => {
  it("patches only what the step changed on the contact", async () => {
    await step("gus", [], { contact: { paused: true, pausedUntil: T + 60_000, currentFlow: "x" } });
    await step("gus", [], { contact: { lastUserMessageAt: T } });
    let gus = await store.getContact("gus");
    expect(gus).toMatchObject({ paused: true, pausedUntil: T + 60_000, currentFlow: "x" });
    expect(gus?.lastUserMessageAt).toBe(T);
    await step("gus", [], { contact: { paused: false, pausedUntil: null, currentFlow: null } });
    gus = await store.getContact("gus");
    expect(gus).toMatchObject({ paused: false, pausedUntil: null, currentFlow: null });
    expect(gus?.lastUserMessageAt).toBe(T);
  });

  it("counts a node passed twice in one step twice", async () => {
    const hit = { flowId: "f", version: 1, nodeId: "n", handle: null };
    await step("hal", [], { counters: [hit, hit, { ...hit, handle: "yes" }] });
    await step("hal", [], { counters: [hit] });
    const day = Math.floor(T / 86_400_000);
    const stats = await store.flowStats("f", day, day);
    expect(stats).toMatchObject({ nodes: { n: { entered: 3 } }, handles: { n: { yes: 1 } } });
  });
});
