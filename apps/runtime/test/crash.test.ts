import Database from "better-sqlite3";
import { expect, it } from "vitest";
import { useCrashRig } from "./crash-rig";
import { useEchoFlow } from "./echo-flow";
import { postWebhook, textItem, waitFor, webhookBody } from "./messenger";
import { apiAt } from "./serve";

const CONTACTS = 100;
const ROUNDS = 30;
const KILL_AFTER_ROUND = 12;

// The Page is subscribed to message_echoes: each message Convo sends comes back to its webhook,
// and Meta keeps trying while the webhook is down.
const rig = useCrashRig("crash", 40);

const psid = (c: number) => `crash-${c}`;
/** Round r: one body with message r of every contact, as Meta batches them. */
const roundBody = (r: number) =>
  webhookBody(
    Array.from({ length: CONTACTS }, (_, c) => textItem(psid(c), `m${r}`, `mid-${c}-${r}`)),
  );

it("loses nothing, answers in order and sends every reply once when killed with SIGKILL mid-burst", {
  timeout: 90_000,
}, async () => {
  let running = await rig.serve();
  await useEchoFlow(apiAt(running.url));

  const gotCalls = () => rig.sentTexts("Got ");
  // The burst: rounds in order. The kill comes right after a round is acknowledged, so events
  // are in the database but not yet answered.
  const acknowledged = new Set<number>();
  let interrupted = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const response = await postWebhook(running.url, roundBody(r)).catch(() => undefined);
    if (response?.status === 200) acknowledged.add(r);
    if (r === KILL_AFTER_ROUND) {
      // Kill while replies are going out.
      await waitFor(() => (gotCalls().length > 0 ? true : undefined), "first replies", 30_000);
      await rig.stop(running, "SIGKILL");
      const unfinished = rig.query(
        (killed) =>
          killed
            .prepare(
              `SELECT (SELECT COUNT(*) FROM inbox WHERE status IN ('pending', 'processing'))
                    + (SELECT COUNT(*) FROM outbox WHERE status = 'queued') AS n`,
            )
            .get() as { n: number },
      );
      // Sends that had left (claimed) but were not recorded as sent: the ones a naive restart
      // would send twice.
      interrupted = rig.query(
        (killed) =>
          (
            killed
              .prepare(
                "SELECT COUNT(*) AS n FROM outbox WHERE status = 'queued' AND claimed_at IS NOT NULL",
              )
              .get() as { n: number }
          ).n,
      );
      expect(unfinished.n).toBeGreaterThan(0);
      running = await rig.serve();
    }
  }
  // Meta redelivers what was not acknowledged; redelivering everything once more must change nothing.
  for (let r = 0; r < ROUNDS; r++) {
    const response = await postWebhook(running.url, roundBody(r));
    expect(response.status).toBe(200);
  }

  const expectedReplies = CONTACTS * (ROUNDS - 1);
  await waitFor(
    () =>
      new Set(gotCalls().map((c) => `${c.recipient}:${c.text}`)).size >= expectedReplies
        ? true
        : undefined,
    "every reply",
    60_000,
  );
  // The emulator records a call before the runtime records it as sent: wait for the database too,
  // so stopping now does not race the last bookkeeping (slow on a loaded machine).
  await rig.settled(
    "every reply recorded as sent",
    "SELECT COUNT(*) AS n FROM outbox WHERE status <> 'sent'",
    60_000,
  );
  await rig.stop(running, "SIGTERM");

  // Every event processed exactly once: one step, one reply row per event, in the database.
  const db = new Database(rig.databaseFile, { readonly: true });
  const open = db
    .prepare("SELECT COUNT(*) AS n FROM inbox WHERE status NOT IN ('done', 'recorded')")
    .get() as { n: number };
  expect(open.n).toBe(0);
  const steps = db.prepare("SELECT COUNT(*) AS n FROM inbox WHERE kind = 'text'").get() as {
    n: number;
  };
  expect(steps.n).toBe(CONTACTS * ROUNDS);
  const rows = db
    .prepare(
      "SELECT psid, json_extract(item, '$.message.text') AS text, status FROM outbox ORDER BY id",
    )
    .all() as { psid: string; text: string; status: string }[];
  db.close();
  expect(rows.filter((r) => r.status !== "sent")).toEqual([]);
  for (let c = 0; c < CONTACTS; c++) {
    const replies = rows.filter((r) => r.psid === psid(c) && r.text.startsWith("Got "));
    expect(replies.map((r) => r.text)).toEqual(
      Array.from({ length: ROUNDS - 1 }, (_, i) => `Got m${i + 1}`),
    );
  }

  // Every reply reached Messenger once, in order per contact: the sends the kill interrupted were
  // proven delivered by their echoes, not sent again.
  for (let c = 0; c < CONTACTS; c++) {
    const texts = gotCalls()
      .filter((call) => call.recipient === psid(c))
      .map((call) => call.text);
    expect(texts).toEqual(Array.from({ length: ROUNDS - 1 }, (_, i) => `Got m${i + 1}`));
  }
  expect(interrupted).toBeGreaterThan(0);
  expect(acknowledged.size).toBeGreaterThan(0);
});
