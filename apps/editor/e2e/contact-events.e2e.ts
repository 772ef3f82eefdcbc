/**
 * The contact view lists the brand events a contact received and what was sent for each: a real
 * runtime (the seeded order-updates example listens to `order.*`), the Graph API emulator as Meta,
 * events posted to `POST /api/events` over HTTP, and Chromium reading the live chat.
 */
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Harness, signIn, startHarness } from "./harness";

const PAGE_TOKEN = "e2e-page-token";
const APP_SECRET = "e2e-app-secret";
const PSID = "e2e-ann";

/** The part of @convo/messenger's Graph API emulator this file drives. */
interface GraphEmulator {
  url: string;
  close(): Promise<void>;
}

/** Loaded by name, like the runtime: its Node sources are not type-checked under the DOM types. */
async function startGraph(): Promise<{ graph: GraphEmulator; pageId: string }> {
  const name = "@convo/messenger";
  const messenger = (await import(name)) as {
    EMULATOR_PAGE_ID: string;
    startGraphEmulator(options: { pageToken: string; appSecret: string }): Promise<GraphEmulator>;
  };
  const graph = await messenger.startGraphEmulator({
    pageToken: PAGE_TOKEN,
    appSecret: APP_SECRET,
  });
  return { graph, pageId: messenger.EMULATOR_PAGE_ID };
}

let graph: GraphEmulator;
let pageId: string;
let h: Harness;

beforeAll(async () => {
  ({ graph, pageId } = await startGraph());
  h = await startHarness({
    MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
    MESSENGER_APP_SECRET: APP_SECRET,
    GRAPH_API_URL: graph.url,
  });
});
afterAll(async () => {
  await h?.stop();
  await graph?.close();
});

type Json = Record<string, unknown>;

async function api(method: string, path: string, body?: unknown, headers = {}) {
  const response = await fetch(h.url + path, {
    method,
    headers: {
      authorization: `Bearer ${ADMIN_TOKEN}`,
      "content-type": "application/json",
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json().catch(() => null)) as Json };
}

/** The customer writes to the Page: a webhook signed as Meta signs it. */
async function customerWrites(text: string) {
  const now = Date.now();
  const body = JSON.stringify({
    object: "page",
    entry: [
      {
        id: pageId,
        time: now,
        messaging: [
          {
            sender: { id: PSID },
            recipient: { id: pageId },
            timestamp: now,
            message: { mid: `m_e2e_${now}`, text },
          },
        ],
      },
    ],
  });
  const signature = `sha256=${createHmac("sha256", APP_SECRET).update(body).digest("hex")}`;
  const response = await fetch(`${h.url}/webhooks/messenger`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-hub-signature-256": signature },
    body,
  });
  expect(response.status).toBe(200);
}

async function postEvent(event: string, data: Json, key: string) {
  const posted = await api(
    "POST",
    "/api/events",
    { event, contact: { channel: "messenger", id: PSID }, data },
    { "idempotency-key": key },
  );
  expect(posted.status).toBe(202);
  return posted.json.id as string;
}

async function settled(id: string): Promise<Json> {
  let event: Json = {};
  await expect
    .poll(async () => {
      event = (await api("GET", `/api/events/${id}`)).json;
      return event.status;
    })
    .not.toBe("queued");
  return event;
}

describe("the contact view lists the events received", () => {
  it("shows none, then each event newest first with its status, why and the message ids, in English and French, by keyboard", async () => {
    const { page, url } = h;
    await customerWrites("hello");
    await expect.poll(async () => (await api("GET", `/api/contacts/${PSID}`)).status).toBe(200);

    await signIn(page, url);
    await page.goto(`${url}/#/contacts/${PSID}`);
    const panel = page.getByTestId("contact-events");
    await expect.poll(() => panel.textContent()).toContain("No brand events for this contact yet.");

    // Inside the window: the shipped update is sent; the runtime records the message ids.
    const shipped = await settled(
      await postEvent(
        "order.shipped",
        { order_id: "A12345", tracking_url: "https://track.example.com/A12345" },
        "e2e-shipped-1",
      ),
    );
    expect(shipped.status).toBe("sent");
    const mids = shipped.messageIds as string[];
    expect(mids.length).toBeGreaterThan(0);

    // A person takes the conversation: the next event is skipped, and the view says why.
    await page.getByRole("button", { name: "Pause the bot" }).click();
    await page.getByTestId("bot-state").getByText("Bot paused").waitFor();
    const delivered = await settled(
      await postEvent("order.delivered", { order_id: "A12345" }, "e2e-delivered-1"),
    );
    expect(delivered.status).toBe("skipped");

    const list = page.getByRole("list", { name: "Events received" });
    const items = list.getByRole("listitem");
    await expect.poll(() => items.count()).toBe(2);
    const newest = await items.nth(0).textContent();
    expect(newest).toContain("order.delivered");
    expect(newest).toContain("skipped");
    expect(delivered.reason).toBe("bot_paused");
    expect(newest).toContain("Why: the bot is paused: a person has the conversation");
    expect(newest).toContain("No message sent.");
    const oldest = await items.nth(1).textContent();
    expect(oldest).toContain("order.shipped");
    expect(oldest).toContain("sent");
    expect(oldest).toContain(`Messages sent (${mids.length}):`);
    for (const mid of mids) expect(oldest).toContain(mid);
    expect(await panel.locator("summary").textContent()).toBe("Events received (2)");

    // The keyboard: the summary closes and opens the list; Tab then reaches the scrolling list.
    const summary = panel.locator("summary");
    await summary.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => list.isVisible()).toBe(false);
    await page.keyboard.press("Enter");
    await expect.poll(() => list.isVisible()).toBe(true);
    await page.keyboard.press("Tab");
    expect(await list.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.getByLabel("Language").selectOption("fr");
    await expect.poll(() => summary.textContent()).toBe("Événements reçus (2)");
    const fr = await page.getByRole("list", { name: "Événements reçus" }).textContent();
    expect(fr).toContain("ignoré");
    expect(fr).toContain("Pourquoi :");
    expect(fr).toContain(`Messages envoyés (${mids.length}) :`);
  });
});
