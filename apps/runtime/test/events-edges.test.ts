import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eventFlow } from "@convo/flow/testing";
import { type RunningGraphEmulator, startGraphEmulator } from "@convo/messenger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "../src/keys/api-keys";
import { type Json, startRuntime, type TestRuntime } from "./helpers";
import { APP_SECRET, PAGE_TOKEN, postWebhook, textItem, waitFor, webhookBody } from "./messenger";

/**
 * The events API's and events out's less travelled paths, over HTTP: a batch one event too big, a
 * send Meta refuses read back as a failed event (and after the contact is erased), an endpoint removed, and a delivery given up
 * after 24 hours of refusals (the runtime's clock moved on).
 */
const HOUR = 3_600_000;
let graph: RunningGraphEmulator;
let rt: TestRuntime;
let key: string;
/** The runtime's clock runs this far ahead of the machine's. */
let ahead = 0;
/** A receiver that refuses every delivery; how many it refused. */
let refusing: Server;
let refusals = 0;
let refusingUrl: string;

beforeAll(async () => {
  graph = await startGraphEmulator({ appSecret: APP_SECRET, pageToken: PAGE_TOKEN });
  refusing = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      refusals++;
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => refusing.listen(0, "127.0.0.1", resolve));
  refusingUrl = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}/hook`;
  rt = await startRuntime(
    {
      MESSENGER_APP_SECRET: APP_SECRET,
      MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
      GRAPH_API_URL: graph.url,
      CONVO_ALLOW_PRIVATE_HTTP: "1",
    },
    undefined,
    20,
    undefined,
    () => Date.now() + ahead,
  );
  for (const id of ["order-updates", "trip-updates"]) await rt.api("DELETE", `/api/flows/${id}`);
  const flow = eventFlow();
  expect((await rt.api("POST", "/api/flows/import", flow)).status).toBe(201);
  expect((await rt.api("POST", `/api/flows/${flow.id}/publish`, {})).status).toBe(201);
  key = (
    await createApiKey(rt.runtime.deps.store.keys, {
      name: "shop",
      scopes: ["events:write"],
      now: Date.now(),
    })
  ).key;
});
afterAll(async () => {
  await rt?.stop();
  await graph?.close();
  await new Promise((resolve) => refusing?.close(resolve));
});

async function withKey(method: string, path: string, body?: unknown) {
  const response = await fetch(rt.url + path, {
    method,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Json };
}
const shipped = (psid: string, order: string) => ({
  event: "order.shipped",
  contact: { channel: "messenger", id: psid },
  data: { order_id: order, tracking_url: `https://track.example.com/${order}` },
});
const sendsTo = (psid: string) =>
  graph.calls.filter(
    (c) =>
      c.path.endsWith("/me/messages") &&
      c.status === 200 &&
      (c.body as Json).recipient?.id === psid &&
      (c.body as Json).message,
  );
const deliveriesOf = async (endpointId: string) => {
  const { json } = await rt.api("GET", "/api/webhooks/deliveries?limit=500");
  return (json.deliveries as Json[]).filter((d) => d.endpointId === endpointId);
};

describe("the events API's edges", () => {
  it("refuses a batch of 1,001 events with 400 and says the limit, accepting none", async () => {
    const events = Array.from({ length: 1_001 }, (_, i) => ({
      ...shipped("nobody", `B${i}`),
      idempotencyKey: `batch-${i}`,
    }));
    const answer = await withKey("POST", "/api/events/batch", { events });
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe("batch_too_large");
    expect(answer.json.error.message).toContain("1000");
    // 1,000 is fine (each refused on its own: nobody is that contact).
    const fits = await withKey("POST", "/api/events/batch", { events: events.slice(0, 1_000) });
    expect(fits.status).toBe(200);
    expect(fits.json.results).toHaveLength(1_000);
  });

  it("reads back a send Meta refused as a failed event, with Meta's error", async () => {
    await postWebhook(rt.url, webhookBody([textItem("fay", "hello")]));
    await waitFor(() => (sendsTo("fay").length > 0 ? true : undefined), "the welcome");
    graph.failNext(1, 551);
    const posted = await withKey("POST", "/api/events", shipped("fay", "F1"));
    expect(posted.status).toBe(202);
    const event = await waitFor(async () => {
      const { json } = await withKey("GET", `/api/events/${posted.json.id}`);
      return json.status === "queued" ? undefined : json;
    }, "the event settled");
    expect(event).toMatchObject({
      status: "failed",
      error: { code: "551/1545041", message: expect.stringContaining("(#551)") },
      messageIds: [],
    });

    // Erased: the event still answers, without the contact or its data; a new one finds nobody.
    expect((await rt.api("DELETE", "/api/contacts/fay")).status).toBe(204);
    const erased = await withKey("GET", `/api/events/${posted.json.id}`);
    expect(erased.status).toBe(200);
    expect(erased.json).toMatchObject({ status: "failed", contact: {} });
    expect(JSON.stringify(erased.json)).not.toContain("F1");
    expect((await withKey("POST", "/api/events", shipped("fay", "F2"))).json.error.code).toBe(
      "unknown_contact",
    );
  });
});

describe("events out's edges", () => {
  it("removes an endpoint over HTTP with its pending deliveries; a second DELETE is 404", async () => {
    const created = await rt.api("POST", "/api/webhooks/endpoints", {
      url: refusingUrl,
      events: ["contact.created"],
    });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    await postWebhook(rt.url, webhookBody([textItem("del-1", "hello")]));
    await waitFor(
      async () => ((await deliveriesOf(id)).some((d) => d.attempts > 0) ? true : undefined),
      "a refused attempt",
    );
    expect((await rt.api("DELETE", `/api/webhooks/endpoints/${id}`)).status).toBe(204);
    const { json } = await rt.api("GET", "/api/webhooks/endpoints");
    expect(json.endpoints.map((e: Json) => e.id)).not.toContain(id);
    expect(await deliveriesOf(id)).toEqual([]);
    const again = await rt.api("DELETE", `/api/webhooks/endpoints/${id}`);
    expect(again.status).toBe(404);
    expect(again.json.error.code).toBe("not_found");
    // Both are in the audit log.
    const log = await rt.api("GET", "/api/audit?action=webhook.");
    expect(
      (log.json.entries as Json[])
        .filter((e) => e.target === id)
        .map((e) => e.action)
        .sort(),
    ).toEqual(["webhook.create", "webhook.delete"]);
    expect(
      (await fetch(`${rt.url}/api/webhooks/endpoints/${id}`, { method: "DELETE" })).status,
    ).toBe(401);
  });

  it("gives a delivery up once 24 hours of refusals have passed, and tries it no more", async () => {
    const created = await rt.api("POST", "/api/webhooks/endpoints", {
      url: refusingUrl,
      events: ["contact.created"],
    });
    const id = created.json.id as string;
    await postWebhook(rt.url, webhookBody([textItem("late-1", "hello")]));
    const [pending] = await waitFor(async () => {
      const rows = await deliveriesOf(id);
      return rows.some((d) => d.attempts > 0) ? rows : undefined;
    }, "a refused attempt");
    expect(pending).toMatchObject({ status: "pending", lastStatus: 500 });

    ahead += 25 * HOUR;
    const [failed] = await waitFor(async () => {
      const rows = await deliveriesOf(id);
      return rows.every((d) => d.status !== "pending") ? rows : undefined;
    }, "the delivery given up");
    expect(failed).toMatchObject({ status: "failed", nextAttemptAt: null, lastStatus: 500 });
    const refused = refusals;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(refusals).toBe(refused);
  });
});
