/**
 * A newcomer's "colis" flow among the seeded examples, in Chromium against the real runtime: the
 * flows list says which flows are live and which are paused, a clash is refused in words that name
 * the other flow, a flow is paused and resumed from the list, and the sandbox says which flow and
 * step answered. In English, then the list in French.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Harness, signIn, startHarness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

async function api(method: string, path: string, body?: unknown) {
  const response = await fetch(`${h.url}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return response.status;
}

const MY_FLOW = {
  schemaVersion: 1,
  id: "my-parcels",
  name: "My parcels",
  variables: [],
  nodes: [
    {
      id: "start",
      type: "trigger",
      position: { x: 0, y: 0 },
      data: { triggers: [{ kind: "keyword", match: "contains", keywords: ["colis"] }] },
    },
    {
      id: "answer",
      type: "message",
      position: { x: 320, y: 0 },
      data: { content: [{ id: "t", kind: "text", text: "Your parcel is on its way." }] },
    },
  ],
  edges: [{ id: "e", source: "start", target: "answer" }],
};

const row = (page: Page, name: string) => page.locator("tr", { hasText: name });

describe("live flows", () => {
  it("shows which flows are live, refuses a clash naming the other flow, pauses, and names who answered", async () => {
    const { page, url } = h;
    page.setDefaultTimeout(15_000);
    expect(await api("POST", "/flows", { flow: MY_FLOW })).toBe(201);
    // The seeded order-tracking example is paused, so the newcomer's "colis" is free.
    expect(await api("POST", "/flows/my-parcels/publish", {})).toBe(201);
    await signIn(page, url);

    await row(page, "Welcome").getByTestId("flow-live").waitFor();
    await row(page, "My parcels").getByTestId("flow-live").waitFor();
    await row(page, "Order tracking").getByText("Paused (v1 kept)").waitFor();
    expect(await row(page, "Order tracking").getByTestId("flow-live").count()).toBe(0);

    // Resuming the example would give "colis" to two flows: refused, in words naming mine.
    await row(page, "Order tracking").getByRole("button", { name: "Resume" }).click();
    const alert = page.getByRole("alert");
    await alert.getByText(/Another live flow, “My parcels”, answers the same thing/).waitFor();
    await alert
      .getByText(/The keyword “colis” is also a keyword of the flow “My parcels”/)
      .waitFor();
    await row(page, "Order tracking").getByText("Paused (v1 kept)").waitFor();

    // Pause mine from the list, then resume it.
    await row(page, "My parcels").getByRole("button", { name: "Pause" }).click();
    await row(page, "My parcels").getByText("Paused (v1 kept)").waitFor();
    await page.getByText("“My parcels” is paused").waitFor();
    await row(page, "My parcels").getByRole("button", { name: "Resume" }).click();
    await row(page, "My parcels").getByTestId("flow-live").waitFor();

    // The sandbox says which flow and step answered.
    await row(page, "My parcels").getByRole("link", { name: "My parcels" }).click();
    await page.getByRole("heading", { name: "My parcels" }).waitFor();
    await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
    await page.keyboard.press("r");
    await page.getByRole("tab", { name: "Sandbox (published)" }).click();
    const phone = page.getByTestId("sandbox-phone");
    await phone.getByLabel("Message", { exact: true }).fill("Où est mon colis ?");
    await phone.getByRole("button", { name: "Send", exact: true }).click();
    await phone.locator(".bubble.bot", { hasText: "Your parcel is on its way." }).waitFor();
    await phone
      .getByTestId("answered-by")
      .getByText("Sent by the flow my-parcels, step answer")
      .waitFor();

    // The list in French.
    await page.goto(`${url}/#/`);
    await page.getByLabel("Language").selectOption("fr");
    await row(page, "Order tracking").getByText("En pause (v1 conservée)").waitFor();
    await row(page, "My parcels").getByText("En ligne").waitFor();
    await row(page, "Order tracking").getByRole("button", { name: "Reprendre" }).click();
    await page
      .getByRole("alert")
      .getByText(/Un autre scénario en ligne, « My parcels », répond déjà à la même chose/)
      .waitFor();
  });
});
