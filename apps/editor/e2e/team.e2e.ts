/**
 * A team in Chromium against a real runtime: the owner's first run, inviting an agent and an
 * editor from the People screen; the agent joins in a second browser, takes the conversation a
 * customer handed over from the queue and answers it; the editor, in a third, sees no People;
 * the owner manages roles and API keys, and reads all of it in the audit log (and its CSV).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerWrites, type GraphEmulator, startGraph } from "./customer";
import { ADMIN_TOKEN, type Harness, openBrowser, startHarness } from "./harness";

const PAGE_TOKEN = "e2e-page-token";
const APP_SECRET = "e2e-app-secret";
const PSID = "e2e-team-carla";
const PASSWORD = "a long enough password";

/** "desk" hands the contact to a person. */
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
      id: "human",
      type: "handover",
      position: { x: 300, y: 0 },
      data: { label: "To the team", reason: "Lost parcel", message: "A person will answer." },
    },
  ],
  edges: [{ id: "e1", source: "start", target: "human" }],
};

let graph: GraphEmulator;
let pageId: string;
let h: Harness;
const others: BrowserContext[] = [];

beforeAll(async () => {
  ({ graph, pageId } = await startGraph(PAGE_TOKEN, APP_SECRET));
  h = await startHarness({
    MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
    MESSENGER_APP_SECRET: APP_SECRET,
    GRAPH_API_URL: graph.url,
  });
});
afterAll(async () => {
  for (const context of others) await context.close().catch(() => undefined);
  await h?.stop();
  await graph?.close();
});

async function api(method: string, path: string, body?: unknown, bearer = ADMIN_TOKEN) {
  const response = await fetch(h.url + path, {
    method,
    headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

/** Someone's own browser (its own cookies), opening an invite link and joining as `name`. */
async function joins(link: string, name: string): Promise<Page> {
  const context = await openBrowser(join(h.dir, `profile-${name}`));
  others.push(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(link);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Join the team" }).click();
  await page.getByRole("heading", { name: "Flows" }).waitFor();
  return page;
}

describe("a team", () => {
  it("is invited from People, works the queue, is kept out of People, and is in the audit log", async () => {
    const { page } = h;
    expect(await api("POST", "/api/flows/import", desk)).toBe(201);
    expect(await api("POST", "/api/flows/desk/publish", {})).toBe(201);

    // The owner's first run.
    const origin = new URL(h.setupLink as string).origin;
    await page.goto(h.setupLink as string);
    await page.getByLabel("Your name").fill("Olivia");
    await page.getByLabel("E-mail address").fill("olivia@example.com");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create the owner's account" }).click();
    await page.getByRole("heading", { name: "Flows" }).waitFor();

    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("heading", { name: "People" }).waitFor();
    const team = page.getByRole("table", { name: "The team" });
    await expect.poll(() => team.textContent()).toContain("olivia@example.com");
    // The last owner cannot stop being one, nor be removed.
    expect(await page.getByLabel("Role of Olivia").isDisabled()).toBe(true);
    const olivia = team.locator('tr[data-person="olivia@example.com"]');
    expect(await olivia.getByRole("button", { name: "Remove" }).isDisabled()).toBe(true);

    // Inviting: the link is shown, to copy, once.
    await h.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
    const form = page.getByRole("form", { name: "Invite someone" });
    const invite = async (email: string, role: string) => {
      await form.getByLabel("E-mail address").fill(email);
      await form.getByLabel("Role", { exact: true }).selectOption(role);
      await form.getByRole("button", { name: "Invite" }).click();
      await expect
        .poll(() => page.getByTestId("shown-once").textContent())
        .toContain(`Invite link for ${email}`);
      return page.getByLabel("The link").inputValue();
    };
    const agentLink = await invite("ana@example.com", "agent");
    expect(agentLink).toMatch(/\/invite#token=/);
    await page.getByRole("button", { name: "Copy" }).click();
    await page.getByText("Copied.").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(agentLink);
    const editorLink = await invite("eddie@example.com", "editor");
    const pending = page.getByRole("list", { name: "Invites not used yet" });
    // The list reloads after each invite: wait for the second one to be in it.
    await expect.poll(() => pending.textContent()).toContain("eddie@example.com, Editor");
    expect(await pending.textContent()).toContain("ana@example.com, Agent");

    // The agent joins in their own browser: no settings for them.
    const ana = await joins(agentLink, "Ana");
    expect(await ana.getByRole("link", { name: "Settings" }).count()).toBe(0);

    // A customer asks for a person; the agent takes the conversation from the queue and answers.
    const customer = { pageId, appSecret: APP_SECRET, psid: PSID };
    await ana.goto(`${origin}/#/contacts`);
    await ana.getByTestId("stream-state").getByText("Live").waitFor();
    expect(await customerWrites(h.url, customer, "desk")).toBe(200);
    const row = ana.getByRole("list", { name: "Inbox" }).getByRole("link", { name: /Lost parcel/ });
    await row.waitFor();
    await row.click();
    const panel = ana.getByRole("region", { name: "Conversation with a person" });
    await panel.getByRole("button", { name: "Take" }).click();
    await expect
      .poll(() => panel.getByTestId("conversation-state").textContent())
      .toContain("With Ana");
    expect(await customerWrites(h.url, customer, "my parcel 1042 is lost")).toBe(200);
    const log = ana.getByRole("log");
    await expect.poll(() => log.textContent()).toContain("my parcel 1042 is lost");
    await ana.getByPlaceholder("Write a reply…").fill("I'm on it, Carla.");
    await ana.getByRole("button", { name: "Send", exact: true }).click();
    const reply = log.locator(".transcript-line.author-agent").last();
    await expect.poll(() => reply.textContent()).toContain("I'm on it, Carla.");
    expect(await reply.locator(".transcript-author").textContent()).toBe("Ana");

    // The editor joins in a third browser: no People for them, from the screen or the API.
    const eddie = await joins(editorLink, "Eddie");
    expect(await eddie.getByRole("link", { name: "Settings" }).count()).toBe(0);
    await eddie.goto(`${origin}/#/settings/people`);
    await eddie.getByText("Only the owner of this Convo team can see the settings.").waitFor();
    expect(await eddie.getByRole("table", { name: "The team" }).count()).toBe(0);
    expect(await eddie.evaluate(async () => (await fetch("/api/people")).status)).toBe(403);
    // The editor publishes a flow from the canvas: the version names him.
    await eddie.goto(`${origin}/#/flows/desk`);
    await eddie.locator(".react-flow__node").first().waitFor();
    await eddie.getByRole("button", { name: "Publish", exact: true }).click();
    await eddie.getByLabel("What changed? (optional)").fill("Eddie's first change");
    await eddie.getByRole("button", { name: "Publish now" }).click();
    await eddie.getByText("Published as version 2.").waitFor();
    const versions = (await (
      await fetch(`${h.url}/api/flows/desk/versions`, {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      })
    ).json()) as { versions: { version: number; publishedBy: string }[] };
    expect(versions.versions.find((v) => v.version === 2)?.publishedBy).toBe("Eddie");

    // The owner sees them joined; changes a role, makes a reset link, removes someone.
    await page.reload();
    await expect.poll(() => team.textContent()).toContain("ana@example.com");
    await expect.poll(() => pending.count()).toBe(0);
    await page.getByLabel("Role of Eddie").selectOption("viewer");
    await page.getByText("Eddie is now Viewer.").waitFor();
    const anaRow = team.locator('tr[data-person="ana@example.com"]');
    await anaRow.getByRole("button", { name: "Password reset link" }).click();
    await expect
      .poll(() => page.getByTestId("shown-once").textContent())
      .toContain("Reset link for Ana");
    expect(await page.getByLabel("The link").inputValue()).toMatch(/\/reset#token=/);
    page.once("dialog", (dialog) => void dialog.accept());
    await team
      .locator('tr[data-person="eddie@example.com"]')
      .getByRole("button", { name: "Remove" })
      .click();
    await page.getByText("Eddie removed.").waitFor();
    await eddie.reload();
    await eddie.getByRole("button", { name: "Sign in with e-mail" }).waitFor();

    // API keys: made with a scope and shown once, then revoked.
    const nav = page.getByRole("navigation", { name: "Settings" });
    await nav.getByRole("link", { name: "API keys" }).click();
    await page.getByText("No key yet.").waitFor();
    const keyForm = page.getByRole("form", { name: "A new key" });
    await keyForm.getByLabel("Name").fill("Shop");
    await keyForm.getByLabel(/events:write/).check();
    await keyForm.getByRole("button", { name: "Create the key" }).click();
    await expect
      .poll(() => page.getByTestId("shown-once").textContent())
      .toContain("The key Shop: copy it now");
    const key = await page.getByLabel("The key").inputValue();
    expect(await api("GET", "/api/events/evt_none", undefined, key)).toBe(404);
    const keys = page.getByRole("list", { name: "Keys" });
    await expect.poll(() => keys.textContent()).toMatch(/Shop.*events:write/);
    await page.reload();
    await expect.poll(() => keys.textContent()).toContain("last used");
    expect(await page.content()).not.toContain(key);
    page.once("dialog", (dialog) => void dialog.accept());
    await keys.getByRole("button", { name: "Revoke" }).click();
    await page.getByText("Shop revoked.").waitFor();
    expect(await api("GET", "/api/events/evt_none", undefined, key)).toBe(401);

    // The audit log shows all of it, a page at a time, filtered, and as CSV.
    for (let i = 0; i < 50; i++) {
      expect(await api("POST", "/api/flows", { name: `Draft ${i}` })).toBe(201);
    }
    await nav.getByRole("link", { name: "Audit log" }).click();
    const entries = page.getByRole("table", { name: "Audit entries" }).locator("tbody tr");
    await expect.poll(() => entries.count()).toBe(50);
    await page.getByRole("button", { name: "Older" }).click();
    await page.getByText("Page 2").waitFor();
    await expect
      .poll(async () => (await entries.allTextContents()).join("\n"))
      .toContain("person.invite");
    await page.getByRole("button", { name: "Newer" }).click();
    await page.getByLabel("Action").selectOption({ label: "People" });
    await expect
      .poll(async () => (await entries.allTextContents()).every((t) => t.includes("person.")))
      .toBe(true);
    const people = (await entries.allTextContents()).join("\n");
    expect(people).toMatch(/Olivia.*person\.invite.*ana@example\.com/);
    expect(people).toMatch(/Ana.*person\.join/);
    await page.getByLabel("Action").selectOption({ label: "Any action" });
    await page.getByLabel("Person").selectOption({ label: "Ana (ana@example.com)" });
    await expect
      .poll(async () => (await entries.allTextContents()).join("\n"))
      .toMatch(/contact\.reply[\s\S]*conversation\.take[\s\S]*person\.join/);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    const csv = readFileSync(await download.path(), "utf8");
    expect(csv.split("\r\n")[0]).toBe(
      "id,at,actor_id,actor_name,actor_kind,action,target,detail,ip",
    );
    expect(csv).toContain('"contact.reply"');
    expect(csv).not.toContain('"flow.create"');

    // In French.
    await page.getByRole("combobox", { name: "Language" }).selectOption("fr");
    await page.getByRole("heading", { name: "Journal d’audit" }).waitFor();
    // Each action reads in French beside its code (the filter still shows Ana's).
    const frenchEntries = page
      .getByRole("table", { name: "Entrées du journal" })
      .locator("tbody tr");
    await expect
      .poll(async () => (await frenchEntries.allTextContents()).join("\n"))
      .toMatch(/Conversation prise conversation\.take/);
    await page
      .getByRole("navigation", { name: "Réglages" })
      .getByRole("link", { name: "Équipe" })
      .click();
    await page.getByRole("button", { name: "Inviter" }).waitFor();
    await page.getByRole("combobox", { name: "Langue" }).selectOption("en");
  });
});
