import { type RunningGraphEmulator, startGraphEmulator } from "@convo/messenger";
import { afterAll, beforeAll, expect, it } from "vitest";
import { useEchoFlow } from "./echo-flow";
import { APP_SECRET, PAGE_TOKEN, postWebhook, textItem, waitFor, webhookBody } from "./messenger";
import { createTestDatabase } from "./postgres";
import { Cluster } from "./replica-cluster";
import { apiAt } from "./serve";

/** The Page's send rate, shared by three replicas instead of multiplied by them. */
const RATE = 30;
const CONTACTS = 90;

let graph: RunningGraphEmulator;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let cluster: Cluster;

beforeAll(async () => {
  database = await createTestDatabase("rate");
  graph = await startGraphEmulator({ appSecret: APP_SECRET, pageToken: PAGE_TOKEN });
  cluster = new Cluster(database.url, graph.url, { CONVO_SEND_RATE: String(RATE) });
  const first = await cluster.add();
  await useEchoFlow(apiAt(first.url));
  await cluster.add();
  await cluster.add();
});
afterAll(async () => {
  await cluster?.close();
  await graph?.close();
  await database?.drop();
});

it("three replicas send at the Page's rate together, not three times it", {
  timeout: 60_000,
}, async () => {
  graph.calls.length = 0;
  // A third of the contacts' messages at each replica, all at once.
  await Promise.all(
    cluster.replicas.map((replica, part) =>
      postWebhook(
        replica.url,
        webhookBody(
          Array.from({ length: CONTACTS / 3 }, (_, i) =>
            textItem(`rate-${part}-${i}`, "hello", `mid-rate-${part}-${i}`),
          ),
        ),
      ),
    ),
  );
  const sends = () => graph.calls.filter((c) => c.path.endsWith("/messages"));
  await waitFor(() => (sends().length >= CONTACTS ? true : undefined), "every send", 30_000);
  const at = sends().map((c) => c.at);
  const span = (Math.max(...at) - Math.min(...at)) / 1000;
  // A full bucket (one second's worth) goes at once; the rest at the rate. Each replica with its
  // own bucket would have sent all of them in the first instant.
  expect(span).toBeGreaterThanOrEqual(((CONTACTS - RATE) / RATE) * 0.8);
});
