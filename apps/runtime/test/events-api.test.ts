import { eventFlow, makeFlow, makeNode } from "@convo/flow/testing";
import { type RunningGraphEmulator, startGraphEmulator } from "@convo/messenger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../src/keys/api-keys";
import { type Json, startRuntime, type TestRuntime, TOKEN } from "./helpers";
import {
  APP_SECRET,
  PAGE_ID,
  PAGE_TOKEN,
  postbackItem,
  postWebhook,
  referralItem,
  textItem,
  waitFor,
  webhookBody,
} from "./messenger";
import { createTestDatabase } from "./postgres";

const HOUR = 3_600_000;
let graph: RunningGraphEmulator;
let rt: TestRuntime;
/** The runtime's clock runs this far ahead of the machine's: "25 hours later". */
let ahead = 0;
let key: string;
let readOnlyKey: string;

/** eventFlow, and `order.delivered` whose step has no tag. */
function flows() {
  const orders = eventFlow();
  const delivered = eventFlow();
  delivered.id = "delivered";
  delivered.name = "Delivered";
  const trigger = delivered.nodes[0];
  if (trigger?.type === "trigger" && trigger.data.triggers[0]?.kind === "event") {
    trigger.data.triggers[0].event = "order.delivered";
  }
  delivered.nodes = delivered.nodes.filter((n) => n.id !== "checkout" && n.id !== "linked");
  delivered.edges = delivered.edges.filter((e) => e.source !== "checkout");
  const step = delivered.nodes.find((n) => n.id === "shipped");
  if (step?.type === "message") delete step.data.sendAs;
  return [orders, delivered];
}

async function post(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
  bearer = key,
) {
  const response = await fetch(rt.url + path, {
    method: "POST",
    headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Json };
}
const getEvent = async (id: string) =>
  (
    await fetch(`${rt.url}/api/events/${id}`, { headers: { authorization: `Bearer ${key}` } })
  ).json() as Promise<Json>;

/** The Send API bodies of messages to `psid` (not typing indicators), in order. */
const sendsTo = (psid: string) =>
  graph.calls
    .filter((c) => c.path.endsWith("/me/messages") && c.status === 200)
    .map((c) => c.body as Json)
    .filter((b) => b.recipient?.id === psid && b.message);
const waitForSends = (psid: string, count: number) =>
  waitFor(
    () => (sendsTo(psid).length >= count ? sendsTo(psid) : undefined),
    `${count} sends to ${psid}`,
  );
const settled = (id: string) =>
  waitFor(async () => {
    const e = await getEvent(id);
    return e.status === "queued" ? undefined : e;
  }, `event ${id} settled`);

const shipped = (orderId: string) => ({
  event: "order.shipped",
  contact: { externalId: orderId },
  data: { order_id: orderId, tracking_url: `https://track.example.com/${orderId}` },
});

describe.each(["SQLite", "PostgreSQL"])(
  "events API, end to end over HTTP with the Graph API emulator (%s)",
  (kind) => {
    let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
    beforeAll(async () => {
      ahead = 0;
      database = kind === "PostgreSQL" ? await createTestDatabase("events_api") : undefined;
      graph = await startGraphEmulator({ appSecret: APP_SECRET, pageToken: PAGE_TOKEN });
      rt = await startRuntime(
        {
          MESSENGER_APP_SECRET: APP_SECRET,
          MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
          GRAPH_API_URL: graph.url,
          ...(database ? { CONVO_DATABASE_URL: database.url } : {}),
        },
        undefined,
        20,
        undefined,
        () => Date.now() + ahead,
      );
      // The seeded examples listen to order events too: the test's own flows take their place.
      for (const id of ["order-updates", "trip-updates"])
        await rt.api("DELETE", `/api/flows/${id}`);
      for (const flow of flows()) {
        expect((await rt.api("POST", "/api/flows/import", flow)).status).toBe(201);
        expect((await rt.api("POST", `/api/flows/${flow.id}/publish`, {})).status).toBe(201);
      }
      const store = rt.runtime.deps.store;
      key = (
        await createApiKey(store.keys, { name: "shop", scopes: ["events:write"], now: Date.now() })
      ).key;
      readOnlyKey = (
        await createApiKey(store.keys, { name: "bi", scopes: ["events:read"], now: Date.now() })
      ).key;
    });
    afterAll(async () => {
      await rt?.stop();
      await graph?.close();
      await database?.drop();
    });

    it("links an order from a checkout link; 25 h later the event goes as MESSAGE_TAG, inside the window as RESPONSE", async () => {
      const webhook = await postWebhook(rt.url, webhookBody([referralItem("ann", "order-A12345")]));
      expect(webhook.status).toBe(200);
      const [linked] = await waitForSends("ann", 1);
      expect(linked.message.text).toContain("when it ships");
      expect(linked.messaging_type).toBe("RESPONSE");

      // Inside the window: a response, even though the step carries a tag.
      const inside = await post("/api/events", shipped("A12345"), {
        "idempotency-key": "ship-A12345-1",
      });
      expect(inside).toMatchObject({ status: 202, json: { status: "queued" } });
      const [, first] = await waitForSends("ann", 2);
      expect(first.messaging_type).toBe("RESPONSE");
      expect(first.tag).toBeUndefined();
      expect((await settled(inside.json.id)).status).toBe("sent");

      ahead += 25 * HOUR;
      const outside = await post("/api/events", shipped("A12345"), {
        "idempotency-key": "ship-A12345-2",
      });
      expect(outside.status).toBe(202);
      const [, , tagged] = await waitForSends("ann", 3);
      expect(tagged).toMatchObject({ messaging_type: "MESSAGE_TAG", tag: "POST_PURCHASE_UPDATE" });
      expect(tagged.message.attachment.payload.text).toBe("Your order A12345 has shipped.");
      const event = await settled(outside.json.id);
      expect(event).toMatchObject({ status: "sent", event: "order.shipped" });
      expect(event.messageIds).toHaveLength(1);
      // The contact's view: its external ids and the events it received, with what was sent.
      const ids = await rt.api("GET", "/api/contacts/ann/external-ids");
      expect(ids.json.externalIds.map((i: Json) => i.value)).toEqual(["A12345"]);
      const received = await rt.api("GET", "/api/contacts/ann/events");
      expect(received.json.events.map((e: Json) => e.status)).toEqual(["sent", "sent"]);

      // The customer taps "All good": the flow goes on, inside the window again.
      const ok = tagged.message.attachment.payload.buttons.find(
        (b: Json) => b.title === "All good",
      );
      await postWebhook(rt.url, webhookBody([postbackItem("ann", ok.payload, "All good")]));
      const [, , , thanks] = await waitForSends("ann", 4);
      expect(thanks).toMatchObject({ messaging_type: "RESPONSE", message: { text: "Thanks!" } });
    });

    it("links an external id through the API: one contact, many orders", async () => {
      await postWebhook(rt.url, webhookBody([textItem("gus", "hello")]));
      await waitForSends("gus", 1);
      for (const externalId of ["G1", "G2"]) {
        expect(
          (await rt.api("POST", "/api/contacts/gus/external-ids", { externalId })).status,
        ).toBe(201);
      }
      expect(
        (await rt.api("POST", "/api/contacts/nobody/external-ids", { externalId: "X" })).status,
      ).toBe(404);
      expect(
        (await rt.api("POST", "/api/contacts/gus/external-ids", { externalId: "" })).status,
      ).toBe(400);
      for (const order of ["G1", "G2"]) {
        const posted = await post("/api/events", shipped(order));
        expect(posted.status).toBe(202);
        expect((await settled(posted.json.id)).status).toBe("sent");
      }
      const texts = sendsTo("gus")
        .map((b) => b.message.attachment?.payload?.text)
        .filter(Boolean);
      expect(texts).toEqual(["Your order G1 has shipped.", "Your order G2 has shipped."]);
    });

    it("answers the same id for the same Idempotency-Key, and sends once", async () => {
      await postWebhook(rt.url, webhookBody([textItem("bea", "hello")]));
      await waitForSends("bea", 1);
      const before = sendsTo("bea").length;
      const body = {
        event: "order.shipped",
        contact: { channel: "messenger", id: "bea" },
        data: { order_id: "B1", tracking_url: "https://t.example.com/B1" },
      };
      const answers = [];
      for (let i = 0; i < 3; i++)
        answers.push(await post("/api/events", body, { "idempotency-key": "bea-B1" }));
      expect(new Set(answers.map((a) => a.json.id)).size).toBe(1);
      expect(answers.every((a) => a.status === 202)).toBe(true);
      await settled(answers[0]?.json.id);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(sendsTo("bea").filter((b) => JSON.stringify(b).includes("B1"))).toHaveLength(1);
      expect(sendsTo("bea").length).toBe(before + 1);
    });

    it("skips an untagged step outside the window, and says why", async () => {
      await postWebhook(rt.url, webhookBody([textItem("cyd", "hello")]));
      await waitForSends("cyd", 1);
      ahead += 30 * HOUR;
      const sent = sendsTo("cyd").length;
      const posted = await post("/api/events", {
        event: "order.delivered",
        contact: { id: "cyd" },
        data: { order_id: "C1", tracking_url: "https://t.example.com/C1" },
      });
      const event = await settled(posted.json.id);
      expect(event.status).toBe("skipped");
      expect(event.reason).toBe("outside_window");
      expect(event.reasonText).toContain("24-hour window");
      expect(sendsTo("cyd").length).toBe(sent);
    });

    it("takes a batch, each event with its own key and result", async () => {
      const batch = await post("/api/events/batch", {
        events: [
          { ...shipped("A12345"), idempotencyKey: "batch-1" },
          { ...shipped("NOPE"), idempotencyKey: "batch-2" },
          { event: "order.lost", contact: { id: "ann" }, idempotencyKey: "batch-3" },
          { ...shipped("A12345"), idempotencyKey: "batch-1" },
        ],
      });
      expect(batch.status).toBe(200);
      const [a, b, c, d] = batch.json.results;
      expect(a).toMatchObject({ status: 202, state: "queued" });
      expect(b).toMatchObject({ status: 404, error: { code: "unknown_contact" } });
      expect(c).toMatchObject({ status: 422, error: { code: "no_flow_for_event" } });
      expect(d.id).toBe(a.id);
    });

    it("sends the first message of a checkbox opt-in to { user_ref }, and links the PSID when the customer answers", async () => {
      const optin = {
        recipient: { id: PAGE_ID },
        timestamp: Date.now(),
        optin: { ref: "order-U777", user_ref: "uref-1" },
      };
      expect((await postWebhook(rt.url, webhookBody([optin]))).status).toBe(200);
      const first = await waitFor(() => {
        const found = graph.calls.find(
          (c) =>
            c.status === 200 &&
            (c.body as Json)?.recipient?.user_ref === "uref-1" &&
            (c.body as Json).message,
        );
        return found?.body as Json | undefined;
      }, "the message to the user_ref");
      expect(first.message.text).toContain("when it ships");
      // Meta answers no recipient_id to a send by user_ref.
      expect(graph.calls.find((c) => c.body === first)?.response).not.toHaveProperty(
        "recipient_id",
      );

      // Before the customer answers, an event for the user_ref is queued for it.
      const early = await post("/api/events", {
        ...shipped("U777"),
        contact: { userRef: "uref-1" },
      });
      expect(early.status).toBe(202);
      await settled(early.json.id);

      const answer = {
        ...textItem("dave", "thanks!"),
        prior_message: { source: "checkbox_plugin", identifier: "uref-1" },
      };
      expect((await postWebhook(rt.url, webhookBody([answer]))).status).toBe(200);
      await waitForSends("dave", 1);
      for (const contact of [{ userRef: "uref-1" }, { externalId: "U777" }]) {
        const before = sendsTo("dave").length;
        const later = await post("/api/events", { ...shipped("U777"), contact });
        expect(later.status).toBe(202);
        expect((await settled(later.json.id)).status).toBe("sent");
        const last = (await waitForSends("dave", before + 1)).at(-1);
        expect(last.recipient).toEqual({ id: "dave" });
      }
    });

    it("passes the thread to a help desk app with the reason, the flow and the variables", async () => {
      const escalate = makeFlow(
        "escalate",
        [
          makeNode("start", "trigger", {
            triggers: [
              {
                kind: "event",
                event: "order.delayed",
                fields: [{ name: "order_id", type: "text" }],
              },
            ],
          }),
          makeNode("desk", "handover", {
            message: "A person from our team will help you.",
            passToAppId: "263902037430900",
            reason: "Order {{event.order_id}} is late",
          }),
        ],
        [["start", "desk"]],
      );
      expect((await rt.api("POST", "/api/flows/import", escalate)).status).toBe(201);
      expect((await rt.api("POST", "/api/flows/escalate/publish", {})).status).toBe(201);
      await postWebhook(rt.url, webhookBody([textItem("eli", "hi")]));
      await waitForSends("eli", 1);
      const posted = await post("/api/events", {
        event: "order.delayed",
        contact: { id: "eli" },
        data: { order_id: "E5" },
      });
      expect(posted.status).toBe(202);
      const pass = await waitFor(
        () =>
          graph.calls.find(
            (c) =>
              c.path.endsWith("/me/pass_thread_control") && (c.body as Json).recipient.id === "eli",
          ),
        "the pass_thread_control call",
      );
      expect(pass.status).toBe(200);
      const body = pass.body as Json;
      expect(String(body.target_app_id)).toBe("263902037430900");
      expect(JSON.parse(body.metadata)).toEqual({
        reason: "Order E5 is late",
        flow: "escalate",
        variables: { "event.order_id": "E5" },
      });
      const contact = await rt.api("GET", "/api/contacts/eli");
      expect(contact.json.paused).toBe(true);
    });

    it("refuses bad input with a clear error, and stores nothing", async () => {
      const good = shipped("A12345");
      const noKey = await fetch(`${rt.url}/api/events`, {
        method: "POST",
        body: JSON.stringify(good),
      });
      expect(noKey.status).toBe(401);
      expect(
        (
          await post(
            "/api/events",
            good,
            {},
            "convo_ck_0000000000000000_wrongwrongwrongwrongwrongwrongwrongwrongwro",
          )
        ).status,
      ).toBe(401);
      const scoped = await post("/api/events", good, {}, readOnlyKey);
      expect(scoped).toMatchObject({
        status: 403,
        json: { error: { code: "insufficient_scope" } },
      });
      // The admin token is an owner-level key.
      expect((await post("/api/events", good, {}, TOKEN)).status).toBe(202);

      expect(await post("/api/events", { ...good, event: "order.unknown" })).toMatchObject({
        status: 422,
        json: { error: { code: "no_flow_for_event" } },
      });
      const bad = await post("/api/events", {
        ...good,
        data: { order_id: 42, tracking_url: "ftp://x" },
      });
      expect(bad.status).toBe(400);
      expect(bad.json.error.issues.map((i: Json) => i.path)).toEqual([
        "data.order_id",
        "data.tracking_url",
      ]);
      const shape = await post("/api/events", { event: "order.shipped", contact: {} });
      expect(shape.status).toBe(400);
      expect(shape.json.error.issues[0].path).toBe("contact");
      const huge = await post("/api/events", {
        ...good,
        data: { order_id: "x".repeat(2 * 1024 * 1024) },
      });
      expect(huge.status).toBe(413);
      expect(await post("/api/events", shipped("Z999"))).toMatchObject({
        status: 404,
        json: { error: { code: "unknown_contact" } },
      });
      const missing = await fetch(`${rt.url}/api/events/evt_nope`, {
        headers: { authorization: `Bearer ${readOnlyKey}` },
      });
      expect(missing.status).toBe(404);
    });
  },
);
