import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/postgres";
import { event, step, T, text } from "../contract/harness";
import { PostgresStore } from "./postgres-store";

/** Several stores on one database, as replicas are: what they share and what each keeps. */
let db: Awaited<ReturnType<typeof createTestDatabase>>;
const open: PostgresStore[] = [];
/** A long lease: each test says itself when a replica is dead (its heartbeat put in the past). */
const replica = async () => {
  const store = await PostgresStore.open(db.url, { leaseMs: 60_000, poolSize: 4 });
  open.push(store);
  return store;
};
const kill = (victim: PostgresStore, by: PostgresStore) =>
  by.pool.query("UPDATE replicas SET heartbeat_at = now() - interval '1 hour' WHERE id = $1", [
    victim.replicas.id,
  ]);

beforeAll(async () => {
  db = await createTestDatabase("replicas");
});
afterAll(async () => {
  for (const store of open) await store.close();
  await db?.drop();
});

describe("replicas on one PostgreSQL", () => {
  it("migrate once when they start together", async () => {
    const [a] = await Promise.all([replica(), replica(), replica()]);
    const { rows } = await (a as PostgresStore).pool.query(
      "SELECT version, count(*)::int AS n FROM migrations GROUP BY version",
    );
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect((await (a as PostgresStore).replicas.figures()).replicasAlive).toBeGreaterThanOrEqual(3);
  });

  it("hand a contact's event to one replica at a time", async () => {
    const [a, b, c] = [await replica(), await replica(), await replica()];
    for (let i = 0; i < 20; i++) {
      const psid = `race-${i}`;
      await a.inbox.insert([event(psid), event(psid)], T);
      const claims = await Promise.all([a, b, c].map((s) => s.inbox.claimNext(psid)));
      expect(claims.filter((x) => x.row).length).toBe(1);
    }
  });

  it("take over what a dead replica held, and refuse the dead one's late commit", async () => {
    const [a, b] = [await replica(), await replica()];
    await a.inbox.insert([event("taken")], T);
    const held = await a.inbox.claimNext("taken");
    expect((await b.inbox.claimNext("taken")).row).toBeUndefined();
    expect(await b.inbox.pendingContacts(10, new Set())).not.toContain("taken");
    await kill(a, b);
    expect(await b.inbox.pendingContacts(10, new Set())).toContain("taken");
    const again = await b.inbox.claimNext("taken");
    expect(again.row?.id).toBe(held.row?.id);
    const commit = (store: PostgresStore) =>
      store.steps.commit({
        inboxId: held.row?.id as number,
        psid: "taken",
        now: T,
        session: null,
        contact: {},
        outbox: [text("once")],
        receivedAt: T,
        transcript: [],
        counters: [],
        timers: [],
      });
    await a.contacts.ensure("taken", T);
    await expect(commit(a)).rejects.toThrow(/no longer held/);
    await commit(b);
    const { rows } = await b.pool.query(
      "SELECT count(*)::int AS n FROM outbox WHERE psid = 'taken'",
    );
    expect(rows[0].n).toBe(1);
  });

  it("release a dead replica's send to wait for its echo, and leave a live one's alone", async () => {
    const [a, b] = [await replica(), await replica()];
    for (const psid of ["send-a", "send-b"]) await step(a, psid, [text("hello")]);
    await a.outbox.claimNext("send-a", T);
    await b.outbox.claimNext("send-b", T);
    const hold = { until: T + 10_000, reason: "echo" };
    expect(await b.outbox.release(hold)).toBe(0);
    await kill(a, b);
    expect(await b.outbox.release(hold)).toBe(1);
    expect((await b.outbox.claimNext("send-a", T + 1)).nextAt).toBe(T + 10_000);
    expect((await b.outbox.claimNext("send-a", T + 10_000)).row?.reason).toBe("echo");
  });

  it("tell the replica holding a contact that more came for it", async () => {
    const [a, b] = [await replica(), await replica()];
    const woken: string[] = [];
    a.replicas.onWake((queue, psid) => woken.push(`${queue} ${psid}`));
    await a.inbox.insert([event("held")], T);
    await a.inbox.claimNext("held");
    await b.inbox.insert([event("held")], T);
    await b.inbox.claimNext("held");
    for (let i = 0; i < 50 && woken.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(woken).toEqual(["inbox held"]);
  });

  it("carry the inbox's news to every replica, the sender's too", async () => {
    const [a, b] = [await replica(), await replica()];
    const heard: string[] = [];
    a.replicas.onNews((payload) => heard.push(`a ${payload}`));
    b.replicas.onNews((payload) => heard.push(`b ${payload}`));
    await b.replicas.publishNews('{"type":"message","conversationId":"cv_1"}');
    for (let i = 0; i < 50 && heard.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(heard.sort()).toEqual([
      'a {"type":"message","conversationId":"cv_1"}',
      'b {"type":"message","conversationId":"cv_1"}',
    ]);
  });

  it("fire each timer once, whichever replicas look", async () => {
    const stores = [await replica(), await replica(), await replica()];
    const [a] = stores as [PostgresStore];
    for (let i = 0; i < 60; i++) {
      await step(a, `timer-${i}`, [], {
        timers: [{ timerId: "t", dueAt: T + 1, event: { type: "timer", timerId: "t" } }],
      });
    }
    const toInbox = (t: { id: number; psid: string }) => ({
      dedupeKey: `timer-row-${t.id}`,
      psid: t.psid,
      kind: "timer",
      event: { source: "runtime" as const, event: { type: "timer" as const, timerId: "t" } },
      actionable: true,
    });
    const fired = await Promise.all(
      stores.flatMap((s) => [
        s.timers.fireDue(T + 5, 7, toInbox),
        s.timers.fireDue(T + 5, 50, toInbox),
      ]),
    );
    const rest = await a.timers.fireDue(T + 5, 100, toInbox);
    expect(fired.reduce((x, y) => x + y, 0) + rest).toBe(60);
    const { rows } = await a.pool.query(
      "SELECT count(*)::int AS n FROM inbox WHERE kind = 'timer' AND psid LIKE 'timer-%'",
    );
    expect(rows[0].n).toBe(60);
  });

  it("share the Page's send rate instead of multiplying it", async () => {
    const stores = [await replica(), await replica(), await replica()];
    const started = Date.now();
    let taken = 0;
    // Each asks for 10 tokens at a time for half a second, from a bucket of 20 filled at 100/s.
    await Promise.all(
      stores.map(async (s) => {
        while (Date.now() - started < 500) {
          // Read after the await: `taken += await …` would add to the value from before it.
          const got = await s.replicas.sendRate.take("page-1", 10, 100, 20);
          taken += got;
          await new Promise((r) => setTimeout(r, 10));
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    expect(taken).toBeGreaterThan(20);
    expect(taken).toBeLessThanOrEqual(20 + Math.ceil(seconds * 100));
  });
  it("hand each webhook delivery to one replica at a time, and a dead one's to another", async () => {
    const [a, b, c] = [await replica(), await replica(), await replica()];
    await a.webhooks.createEndpoint({
      id: "we_race",
      url: "https://crm.example.com/hook",
      events: ["*"],
      secret: "s",
      createdAt: T,
    });
    const events = Array.from({ length: 30 }, (_, i) => ({
      id: `ev_${i}`,
      type: "contact.created",
      body: `{"id":"ev_${i}"}`,
    }));
    expect(await a.webhooks.enqueue(events, T)).toBe(30);
    const taken = await Promise.all([a, b, c].map((s) => s.webhooks.due(T, 12)));
    const ids = taken.flat().map((d) => d.id);
    expect(ids.length).toBe(30);
    expect(new Set(ids).size).toBe(30);
    // In hand: nobody else takes them, or waits for them, while their holder lives.
    expect(await b.webhooks.due(T, 100)).toEqual([]);
    expect(await b.webhooks.nextDueAt()).toBeUndefined();
    await kill(a, b);
    expect(await b.webhooks.nextDueAt()).toBe(T);
    const takenOver = await b.webhooks.due(T, 100);
    expect(takenOver.map((d) => d.id).sort()).toEqual(taken[0]?.map((d) => d.id).sort());
    // The dead one's late report changes nothing; its new holder's does.
    const [first] = takenOver;
    await a.webhooks.delivered(first?.id as string, 200, T);
    expect((await b.webhooks.deliveries(100)).find((d) => d.id === first?.id)?.status).toBe(
      "pending",
    );
    await b.webhooks.delivered(first?.id as string, 200, T);
    expect((await b.webhooks.deliveries(100)).find((d) => d.id === first?.id)?.status).toBe(
      "delivered",
    );
  });
});
