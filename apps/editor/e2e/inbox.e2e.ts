/**
 * Live chat's inbox in Chromium against a real runtime: a customer's signed webhooks run a
 * hand-over step, the conversation appears in the queue and the customer's next message arrives
 * without a reload (the news stream), the agent takes it, writes a note and a reply in their
 * name, and resolves it (the bot answers again). The Graph API emulator plays Meta.
 */
import { encodePayload } from "@convo/flow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerWrites as deliver, type GraphEmulator, startGraph } from "./customer";
import { ADMIN_TOKEN, type Harness, signIn, startHarness } from "./harness";

const PAGE_TOKEN = "e2e-page-token";
const APP_SECRET = "e2e-app-secret";
const PSID = "e2e-inbox-ann";
/** Ann's profile picture, as Meta's profile call gives it (a data URL: the test has no network). */
const PICTURE = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8" fill="teal"/></svg>',
)}`;

/**
 * "desk" offers a quick reply whose tap hands the contact to a person; when they are handed
 * back, the bot says so.
 */
const desk = {
  schemaVersion: 1,
  id: "desk",
  name: "Desk",
  variables: [],
  nodes: [
    {
      id: "start",
      type: "trigger",
      position: { x: 0, y: 0 },
      data: { triggers: [{ kind: "keyword", match: "exact", keywords: ["desk"] }] },
    },
    {
      id: "menu",
      type: "message",
      position: { x: 150, y: 0 },
      data: {
        content: [{ id: "t", kind: "text", text: "What do you need?" }],
        quickReplies: [{ id: "refund", title: "Refund" }],
      },
    },
    {
      id: "human",
      type: "handover",
      position: { x: 300, y: 0 },
      data: { label: "To the team", reason: "Refund request", message: "A person will answer." },
    },
    {
      id: "back",
      type: "message",
      position: { x: 600, y: 0 },
      data: { content: [{ id: "t", kind: "text", text: "The bot is back." }] },
    },
  ],
  edges: [
    { id: "e1", source: "start", target: "menu" },
    { id: "e4", source: "menu", sourceHandle: "refund", target: "human" },
    { id: "e2", source: "human", target: "back" },
  ],
};

let graph: GraphEmulator;
let pageId: string;
let h: Harness;

beforeAll(async () => {
  ({ graph, pageId } = await startGraph(PAGE_TOKEN, APP_SECRET));
  graph.profiles.set(PSID, { first_name: "Ann", last_name: "Lee", profile_pic: PICTURE });
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

async function api(method: string, path: string, body?: unknown) {
  const response = await fetch(h.url + path, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json().catch(() => null)) as unknown };
}

async function customerWrites(text: string, quickReply?: string) {
  const to = { pageId, appSecret: APP_SECRET, psid: PSID };
  expect(await deliver(h.url, to, text, quickReply)).toBe(200);
}

describe("live chat's inbox", () => {
  it("queues a hand-over, streams the customer's message, and is taken, noted, answered and resolved", async () => {
    const { page, url } = h;
    expect((await api("POST", "/api/flows/import", desk)).status).toBe(201);
    expect((await api("POST", "/api/flows/desk/publish", {})).status).toBe(201);

    await signIn(page, url);
    await page.goto(`${url}/#/contacts`);
    await page.getByTestId("stream-state").getByText("Live").waitFor();
    await page.getByText("Nobody is waiting for a person.").waitFor();

    // The customer asks for a person (the menu's quick reply): the queue shows them without a reload.
    await customerWrites("desk");
    const refund = encodePayload({ flowId: "desk", version: 1, nodeId: "menu", handle: "refund" });
    await expect
      .poll(async () => JSON.stringify((await api("GET", `/api/contacts/${PSID}/transcript`)).json))
      .toContain("What do you need?");
    await customerWrites("Refund", refund);
    const queue = page.getByRole("list", { name: "Inbox" });
    const row = queue.getByRole("link", { name: /Ann Lee/ });
    await row.waitFor();
    // A person, not an id: their name, their picture, and the id only as small print.
    expect(await row.locator(".contact-name").textContent()).toBe("Ann Lee");
    expect(await row.locator("img.avatar").getAttribute("src")).toBe(PICTURE);
    expect(
      await row.locator("img.avatar").evaluate((img: HTMLImageElement) => img.naturalWidth > 0),
    ).toBe(true);
    expect(await row.locator(".contact-psid").textContent()).toBe(PSID);
    expect(await row.getByText("Messenger").count()).toBe(1);
    await expect.poll(() => row.textContent()).toContain("Refund request");
    expect(await row.textContent()).toContain("From desk › human");
    await expect.poll(() => row.textContent()).toContain("1 unread");
    // Unread: the name is bold, and a dot with the count says how many, in words for screen readers.
    const weight = () =>
      row.locator(".contact-name").evaluate((el) => Number(getComputedStyle(el).fontWeight));
    expect(await weight()).toBeGreaterThanOrEqual(700);
    expect(await row.getByTestId("unread").locator(".unread-dot").isVisible()).toBe(true);
    const count = row.getByTestId("unread").locator("span[aria-hidden]:not(.unread-dot)");
    expect(await count.textContent()).toBe("1");
    await queue.getByRole("link", { name: /1 unread/ }).waitFor();

    await row.click();
    const head = page.locator(".contact-head");
    await expect.poll(() => head.getByRole("heading").textContent()).toBe("Ann Lee");
    expect(await head.locator("img.avatar").getAttribute("src")).toBe(PICTURE);
    expect(await head.getByTestId("contact-psid").textContent()).toBe(PSID);
    const panel = page.getByRole("region", { name: "Conversation with a person" });
    await expect
      .poll(() => panel.getByTestId("conversation-state").textContent())
      .toContain("Waiting for a person");
    // Seen: the marker goes.
    await expect.poll(() => queue.getByTestId("unread").count()).toBe(0);
    expect(await weight()).toBe(400);

    // What the bot offered shows as chips (not buttons the agent could press), and the tap as its title.
    const log = page.getByRole("log");
    const offered = log.getByRole("list", { name: "Offered to the customer" });
    await expect.poll(() => offered.getByRole("listitem").allTextContents()).toEqual(["Refund"]);
    expect(await log.getByRole("button").count()).toBe(0);
    const tap = log
      .locator(".transcript-line.author-contact")
      .filter({ has: page.locator(".chip.tapped") });
    expect(await tap.locator(".chip.tapped").textContent()).toBe("Refund");
    expect(await tap.textContent()).toContain("Tapped");

    // The customer writes again: it arrives in the open conversation without a reload.
    await customerWrites("are you there?");
    await expect.poll(() => log.textContent()).toContain("are you there?");

    await panel.getByRole("button", { name: "Take" }).click();
    await expect
      .poll(() => panel.getByTestId("conversation-state").textContent())
      .toContain("With admin");

    await panel.getByLabel("A note for the team").fill("Order 1042: refund approved");
    await panel.getByRole("button", { name: "Add the note" }).click();
    await expect
      .poll(() => panel.getByRole("list", { name: "Internal notes" }).textContent())
      .toContain("Order 1042: refund approved");

    await page.getByPlaceholder("Write a reply…").fill("Hello, I'm on it.");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await expect.poll(() => log.textContent()).toContain("Hello, I'm on it.");
    const reply = log.locator(".transcript-line.author-agent").last();
    expect(await reply.locator(".transcript-author").textContent()).toBe("admin");

    await page.getByLabel("Language").selectOption("fr");
    await page.getByRole("list", { name: "Boîte de réception" }).waitFor();
    expect(await panel.count()).toBe(0);
    const fr = page.getByRole("region", { name: "Conversation avec une personne" });
    await expect.poll(() => fr.textContent()).toContain("Notes internes");
    // Live chat's newer words (the team catalogue) are in French too.
    await log.getByRole("list", { name: "Proposé au client" }).waitFor();
    expect(await tap.textContent()).toContain("A touché");
    await page.getByLabel("Langue").selectOption("en");

    await panel.getByRole("button", { name: "Resolve (the bot answers again)" }).click();
    await page.getByText("Nobody is waiting for a person.").waitFor();
    await page.getByTestId("bot-state").getByText("Bot active").waitFor();
    // Where the bot took over again is a line of the transcript, in the reader's language.
    await expect
      .poll(() => log.locator(".author-system").allTextContents())
      .toContainEqual(expect.stringContaining("The bot answers again"));
    await expect
      .poll(async () => JSON.stringify((await api("GET", `/api/contacts/${PSID}/transcript`)).json))
      .toContain("The bot is back.");
  });
});
