import { type RunningGraphEmulator, startGraphEmulator } from "@convo/messenger";
import { afterAll, beforeAll, expect, it } from "vitest";
import { useEchoFlow } from "./echo-flow";
import { type Json, startRuntime, type TestRuntime } from "./helpers";
import { APP_SECRET, PAGE_TOKEN, postWebhook, textItem, waitFor, webhookBody } from "./messenger";

const CONTACTS = 20;
const MESSAGES = 10;

let graph: RunningGraphEmulator;
let rt: TestRuntime;

beforeAll(async () => {
  graph = await startGraphEmulator({ appSecret: APP_SECRET, pageToken: PAGE_TOKEN });
  rt = await startRuntime({
    MESSENGER_APP_SECRET: APP_SECRET,
    MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
    GRAPH_API_URL: graph.url,
    CONVO_SEND_RATE: "2000",
  });
  await useEchoFlow(rt.api);
});
afterAll(async () => {
  await rt?.stop();
  await graph?.close();
});

/** Texts the emulator accepted (200) for a contact, in order. */
const delivered = (psid: string) =>
  graph.calls
    .filter(
      (c) =>
        c.status === 200 && (c.body as Json)?.recipient?.id === psid && (c.body as Json)?.message,
    )
    .map((c) => (c.body as Json).message.text as string);

it("delivers every message in order per contact while a share of sends fail with 500 and 613", {
  timeout: 60_000,
}, async () => {
  graph.setFaults({ rate: 0.3, codes: [500, 613], seed: 7 });
  for (let m = 0; m < MESSAGES; m++) {
    const items = Array.from({ length: CONTACTS }, (_, c) => textItem(`fault-${c}`, `m${m}`));
    expect((await postWebhook(rt.url, webhookBody(items))).status).toBe(200);
  }
  const expected = Array.from({ length: MESSAGES - 1 }, (_, i) => `Got m${i + 1}`);
  await waitFor(
    () =>
      Array.from({ length: CONTACTS }, (_, c) => delivered(`fault-${c}`)).every(
        (t) => t.length >= 2 * MESSAGES - 1,
      )
        ? true
        : undefined,
    "every reply delivered",
    50_000,
  );
  for (let c = 0; c < CONTACTS; c++) {
    const texts = delivered(`fault-${c}`);
    expect(texts.filter((t) => t.startsWith("Got"))).toEqual(expected);
    expect(texts.filter((t) => t === "Say something")).toHaveLength(MESSAGES);
  }
  const failures = graph.calls.filter((c) => c.status >= 400);
  expect(failures.some((c) => c.status >= 500)).toBe(true);
  expect(failures.some((c) => (c.response as Json)?.error?.code === 613)).toBe(true);
  expect((await rt.api("GET", "/api/outbox/parked")).json.parked).toEqual([]);
  graph.setFaults({ rate: 0, codes: [] });
});

it.each([
  [551, "user_unreachable"],
  [2018278, "outside_window"],
] as const)(
  "parks a send refused with %s, with its reason, and never retries it",
  async (code, category) => {
    const psid = `parked-${code}`;
    await postWebhook(rt.url, webhookBody([textItem(psid, "hello")]));
    await waitFor(() => (delivered(psid).length === 1 ? true : undefined), "the question");
    await new Promise((resolve) => setTimeout(resolve, 50));

    graph.failNext(1, code);
    await postWebhook(rt.url, webhookBody([textItem(psid, "refused")]));
    const parked = await waitFor(async () => {
      const list = (await rt.api("GET", "/api/outbox/parked")).json.parked as Json[];
      return list.find((p) => p.contactId === psid);
    }, "the parked send");
    expect(parked.reason).toContain(category);
    expect(parked.message).toMatchObject({ kind: "text", text: "Got refused" });
    // The contact's next message still goes out; the refused one is not tried again.
    await waitFor(() => (delivered(psid).length === 2 ? true : undefined), "the next question");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const attempts = graph.calls.filter(
      (c) =>
        (c.body as Json)?.recipient?.id === psid &&
        (c.body as Json)?.message?.text === "Got refused",
    );
    expect(attempts).toHaveLength(1);
    const transcript = (await rt.api("GET", `/api/contacts/${psid}/transcript`)).json
      .messages as Json[];
    expect(transcript.find((m) => m.text === "Got refused")?.status).toBe("parked");

    // A person can send it again once the cause is fixed.
    expect((await rt.api("POST", `/api/outbox/parked/${parked.id}/retry`)).status).toBe(202);
    await waitFor(
      () => (delivered(psid).includes("Got refused") ? true : undefined),
      "the retried send",
    );
  },
);

it("does not send again a message whose call timed out after Meta took it: the echo settles it", {
  timeout: 30_000,
}, async () => {
  // Meta answers after 1.5 s, later than the runtime waits (0.5 s), but takes the message and
  // echoes it to the webhook.
  const slow = await startGraphEmulator({ appSecret: APP_SECRET, pageToken: PAGE_TOKEN });
  const runtime = await startRuntime({
    MESSENGER_APP_SECRET: APP_SECRET,
    MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
    GRAPH_API_URL: slow.url,
    CONVO_GRAPH_TIMEOUT_SECONDS: "0.5",
    CONVO_ECHO_WAIT_SECONDS: "5",
  });
  try {
    await useEchoFlow(runtime.api);
    slow.setEchoes({
      webhookUrl: `${runtime.url}/webhooks/messenger`,
      appSecret: APP_SECRET,
      appId: "1517776481860111",
    });
    slow.setLatency(1_500);
    expect((await postWebhook(runtime.url, webhookBody([textItem("uma", "hello")]))).status).toBe(
      200,
    );
    const row = await waitFor(async () => {
      const { json } = await runtime.api("GET", "/api/contacts/uma/transcript");
      const transcript = (json?.messages ?? []) as Json[];
      const question = transcript.find((m) => m.text === "Say something");
      return question?.status === "sent" ? question : undefined;
    }, "the question recorded as sent");
    expect(row).toBeDefined();
    // Well past the first retry a time-out alone would have brought (about half a second).
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const calls = slow.calls.filter(
      (c) =>
        (c.body as Json)?.recipient?.id === "uma" &&
        (c.body as Json)?.message?.text === "Say something",
    );
    expect(calls).toHaveLength(1);
  } finally {
    await runtime.stop();
    await slow.close();
  }
});
