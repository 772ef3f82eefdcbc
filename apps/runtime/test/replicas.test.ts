import { type RunningGraphEmulator, startGraphEmulator } from "@convo/messenger";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { useEchoFlow } from "./echo-flow";
import { APP_SECRET, PAGE_TOKEN, postWebhook, textItem, waitFor, webhookBody } from "./messenger";
import { createTestDatabase } from "./postgres";
import { Cluster, queryDb, type Replica, startBalancer } from "./replica-cluster";
import { apiAt } from "./serve";

/**
 * Three replicas of the built runtime on one PostgreSQL behind one webhook URL, Meta played by
 * the Graph API emulator with echoes on. Quick sizes here; `npm run bench` runs the full ones.
 */
const CONTACTS = Number(process.env.CONVO_REPLICA_CONTACTS ?? 300);
const ROUNDS = Number(process.env.CONVO_REPLICA_ROUNDS ?? 8);
const REPLICAS = 3;
/** The rolling restart's pace: one round of the burst every this many milliseconds or so. */
const ROUND_PAUSE_MS = 400;

let graph: RunningGraphEmulator;
let balancer: Awaited<ReturnType<typeof startBalancer>>;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let cluster: Cluster;

beforeEach(async () => {
  database = await createTestDatabase("replicas");
  let cluster_: Cluster | undefined;
  balancer = await startBalancer(() => cluster_?.livePorts() ?? []);
  graph = await startGraphEmulator({
    appSecret: APP_SECRET,
    pageToken: PAGE_TOKEN,
    echoes: {
      webhookUrl: `${balancer.url}/webhooks/messenger`,
      appSecret: APP_SECRET,
      appId: "1517776481860111",
    },
  });
  // Meta takes a moment to answer, so sends are in flight when a replica dies.
  graph.setLatency(30);
  cluster = new Cluster(database.url, graph.url);
  cluster_ = cluster;
  // The first replica migrates and seeds; the echo flow is published before the others start.
  const first = await cluster.add();
  await useEchoFlow(apiAt(first.url));
  await Promise.all(Array.from({ length: REPLICAS - 1 }, () => cluster.add()));
});
afterEach(async () => {
  await cluster?.close();
  await graph?.close();
  await balancer?.close();
  await database?.drop();
});

const psid = (c: number) => `rep-${c}`;
/** Round r for a third of the contacts: each contact's messages reach different replicas. */
const roundBodies = (r: number) =>
  Array.from({ length: REPLICAS }, (_, part) =>
    webhookBody(
      Array.from({ length: CONTACTS / REPLICAS }, (_, i) => {
        const c = part * (CONTACTS / REPLICAS) + i;
        return textItem(psid(c), `m${r}`, `mid-${c}-${r}`);
      }),
    ),
  );

/**
 * SIGKILL, and how many rows the replica held just before: the work a naive takeover would lose
 * or do twice.
 */
async function killHolding(victim: Replica): Promise<number> {
  const pid = victim.process?.pid;
  const [row] = await queryDb<{ n: number }>(
    database.url,
    `SELECT (SELECT count(*) FROM inbox WHERE status = 'processing' AND owner LIKE $1)
          + (SELECT count(*) FROM outbox WHERE claimed_at IS NOT NULL AND owner LIKE $1) AS n`,
    [`${pid}-%`],
  );
  await cluster.kill(victim);
  return Number(row?.n);
}

const gotCalls = () =>
  graph.calls.filter((c) => {
    const text = (c.body as { message?: { text?: string } } | undefined)?.message?.text;
    return c.status === 200 && text?.startsWith("Got ");
  });

/** Round r's bodies at once through the balancer, each acknowledged with 200. */
async function postRound(r: number): Promise<void> {
  const answers = await Promise.all(roundBodies(r).map((b) => postWebhook(balancer.url, b)));
  expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
}

/** Everything is redelivered once, as Meta may (each round's bodies at once). */
async function redeliver(rounds: number): Promise<void> {
  for (let r = 0; r < rounds; r++) await postRound(r);
}

/** The burst, round after round; `during(r)` runs after round r is acknowledged. */
async function burst(during: (round: number) => Promise<void>): Promise<void> {
  for (let r = 0; r < ROUNDS; r++) {
    await postRound(r);
    await during(r);
  }
  await redeliver(ROUNDS);
}

/** Every event processed once, every reply sent once and in order per contact. */
async function expectEveryReplyOnceInOrder(rounds = ROUNDS): Promise<void> {
  const expected = CONTACTS * (rounds - 1);
  await waitFor(
    () =>
      new Set(gotCalls().map((c) => JSON.stringify(c.body))).size >= expected ? true : undefined,
    "every reply",
    60_000 + expected * 5,
  );
  await waitFor(
    async () => {
      const [row] = await queryDb<{ n: number }>(
        database.url,
        `SELECT (SELECT count(*) FROM outbox WHERE status <> 'sent')
              + (SELECT count(*) FROM inbox WHERE status NOT IN ('done', 'recorded')) AS n`,
      );
      return Number(row?.n) === 0 ? true : undefined;
    },
    "every row settled",
    60_000,
  );
  const [steps] = await queryDb<{ n: number }>(
    database.url,
    "SELECT count(*) AS n FROM inbox WHERE kind = 'text'",
  );
  expect(Number(steps?.n)).toBe(CONTACTS * rounds);
  const want = Array.from({ length: rounds - 1 }, (_, i) => `Got m${i + 1}`);
  const rows = await queryDb<{ psid: string; text: string }>(
    database.url,
    "SELECT psid, item -> 'message' ->> 'text' AS text FROM outbox ORDER BY psid, seq",
  );
  const calls = gotCalls();
  for (let c = 0; c < CONTACTS; c++) {
    const stored = rows.filter((r) => r.psid === psid(c) && r.text?.startsWith("Got "));
    expect(stored.map((r) => r.text)).toEqual(want);
    const sent = calls
      .filter((call) => (call.body as { recipient: { id: string } }).recipient.id === psid(c))
      .map((call) => (call.body as { message: { text: string } }).message.text);
    expect(sent).toEqual(want);
  }
}

describe("three replicas on one PostgreSQL", () => {
  it("lose nothing and send every reply once when one is killed with SIGKILL mid-burst and restarted", {
    timeout: 240_000,
  }, async () => {
    const victim = cluster.replicas[1];
    if (!victim) throw new Error("no replica");
    let held = 0;
    await burst(async (r) => {
      if (r === 2) {
        await waitFor(() => (gotCalls().length > 0 ? true : undefined), "first replies", 30_000);
        held = await killHolding(victim);
      }
      if (r === 4) await cluster.start(victim);
    });
    await expectEveryReplyOnceInOrder();
    expect(held).toBeGreaterThan(0);
  });

  it("lose nothing when one is killed for good: the others take over its work", {
    timeout: 240_000,
  }, async () => {
    const victim = cluster.replicas[2];
    if (!victim) throw new Error("no replica");
    let held = 0;
    await burst(async (r) => {
      if (r === 2) held = await killHolding(victim);
    });
    await expectEveryReplyOnceInOrder();
    expect(held).toBeGreaterThan(0);
  });

  it("lose nothing through a rolling restart of all three under load", {
    timeout: 240_000,
  }, async () => {
    // Each replica in turn stopped (SIGTERM) and started again while the burst keeps posting.
    let acknowledged = 0;
    let rolling = true;
    const roundsDuringRestart: number[] = [];
    const restarts = (async () => {
      try {
        await waitFor(() => (gotCalls().length > 0 ? true : undefined), "first replies", 30_000);
        for (const replica of cluster.replicas) {
          const before = acknowledged;
          await cluster.stop(replica);
          await cluster.start(replica);
          roundsDuringRestart.push(acknowledged - before);
        }
      } finally {
        rolling = false;
      }
    })();
    let rounds = 0;
    while (rounds < ROUNDS || rolling) {
      await postRound(rounds++);
      acknowledged = rounds;
      await new Promise((resolve) => setTimeout(resolve, ROUND_PAUSE_MS));
    }
    await restarts;
    await redeliver(rounds);
    await expectEveryReplyOnceInOrder(rounds);
    // The load did not pause: rounds were posted and acknowledged while each replica restarted.
    expect(roundsDuringRestart).toHaveLength(REPLICAS);
    for (const n of roundsDuringRestart) expect(n).toBeGreaterThan(0);
  });

  it("answer once an event delivered to all three at the same time", {
    timeout: 60_000,
  }, async () => {
    const body = webhookBody([textItem("twice", "hello", "mid-twice-0")]);
    await postWebhook(balancer.url, body);
    const again = webhookBody([textItem("twice", "again", "mid-twice-1")]);
    const answers = await Promise.all(cluster.replicas.map((r) => postWebhook(r.url, again)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const reply = () =>
      graph.calls.filter(
        (c) =>
          (c.body as { message?: { text?: string } } | undefined)?.message?.text === "Got again",
      );
    await waitFor(() => (reply().length > 0 ? true : undefined), "the reply");
    // Time for a second reply to show, were there one.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(reply()).toHaveLength(1);
  });
});
