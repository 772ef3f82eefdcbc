/**
 * The hand-over step's form, in Chromium against the real runtime: "also pass the conversation
 * to" presets the Page Inbox's app id, takes a help desk's id, and the reason; saved with the
 * draft; in French too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Harness, signIn, startHarness } from "./harness";

const flow = {
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
    { id: "human", type: "handover", position: { x: 300, y: 0 }, data: {} },
  ],
  edges: [{ id: "e1", source: "start", target: "human" }],
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

async function handover() {
  const response = await fetch(`${h.url}/api/flows/desk`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  const { flow } = (await response.json()) as {
    flow: { nodes: { id: string; data: Record<string, unknown> }[] };
  };
  return flow.nodes.find((n) => n.id === "human")?.data;
}

describe("the hand-over step's form", () => {
  it("passes the conversation to the Page Inbox or a help desk's app, with a reason", async () => {
    const { page, url } = h;
    const imported = await fetch(`${url}/api/flows/import?overwrite=1`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify(flow),
    });
    expect(imported.status).toBe(201);
    await signIn(page, url);
    await page.goto(`${url}/#/flows/desk`);
    const step = page.locator(".react-flow__node:has(article.step-handover)");
    await step.waitFor();
    await step.click();
    const inspector = page.locator(".inspector");
    const passTo = inspector.getByLabel("Also pass the conversation to");
    expect(await passTo.inputValue()).toBe("none");
    expect(await inspector.getByLabel("The app's id").count()).toBe(0);

    await passTo.selectOption({ label: "The Page Inbox (Meta Business Suite)" });
    await expect.poll(async () => (await handover())?.passToAppId).toBe("263902037430900");

    // Another app: its id field opens empty, then takes the help desk's id.
    await passTo.selectOption({ label: "Another app (a help desk's app id)" });
    const appId = inspector.getByLabel("The app's id");
    expect(await appId.inputValue()).toBe("");
    await appId.fill("1234567890");
    await inspector.getByLabel("Reason (told to the team and the app)").fill("Lost parcel");
    await expect.poll(handover).toMatchObject({ passToAppId: "1234567890", reason: "Lost parcel" });

    // In French; back to Convo's live chat only, the app's id is gone.
    await page.getByRole("combobox", { name: "Language" }).selectOption("fr");
    const passer = inspector.getByLabel("Passer aussi la conversation à");
    await passer.selectOption({ label: "Aucune autre application : le chat en direct de Convo" });
    await expect.poll(async () => (await handover())?.passToAppId).toBeUndefined();
    expect((await handover())?.reason).toBe("Lost parcel");
  });
});
