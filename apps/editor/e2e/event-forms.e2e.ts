/**
 * The brand's updates as a marketer draws them, in Chromium against the real runtime: the event
 * trigger's name, a data field and a sample; "send as" a message tag on the message it starts;
 * and the simulator firing the test event with the sample, the field filled in the answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Harness, signIn, startHarness } from "./harness";

const flow = {
  schemaVersion: 1,
  id: "parcel",
  name: "Parcel updates",
  variables: [],
  nodes: [
    {
      id: "start",
      type: "trigger",
      position: { x: 0, y: 0 },
      data: { triggers: [{ kind: "event", event: "order.shipped", fields: [] }] },
    },
    {
      id: "shipped",
      type: "message",
      position: { x: 320, y: 0 },
      data: {
        content: [
          { id: "t", kind: "text", text: "Your parcel is on its way: {{event.tracking_url}}" },
        ],
      },
    },
  ],
  edges: [{ id: "e1", source: "start", target: "shipped" }],
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

/** The draft as the runtime keeps it. */
async function draft() {
  const response = await fetch(`${h.url}/api/flows/parcel`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  const { flow } = (await response.json()) as {
    flow: { nodes: { id: string; data: Record<string, unknown> }[] };
  };
  return Object.fromEntries(flow.nodes.map((n) => [n.id, n.data]));
}

describe("an update the brand pushes", () => {
  it("is drawn with its event's fields and sample, sent with a tag, and tried in the simulator", async () => {
    const { page, url } = h;
    const imported = await fetch(`${url}/api/flows/import?overwrite=1`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify(flow),
    });
    expect(imported.status, await imported.clone().text()).toBe(201);
    await signIn(page, url);
    await page.goto(`${url}/#/flows/parcel`);
    const inspector = page.locator(".inspector");

    // The trigger: a field the message reads, and a sample for the simulator.
    await page.locator(".react-flow__node:has(article.step-trigger)").click();
    expect(await inspector.getByLabel("Event name (order.shipped)").inputValue()).toBe(
      "order.shipped",
    );
    await inspector.getByRole("button", { name: /Field/ }).click();
    await inspector.getByLabel("Name", { exact: true }).fill("tracking_url");
    await inspector
      .getByLabel("Sample payload (JSON), for the simulator")
      .fill('{ "tracking_url": "https://track.example.com/A12345" }');
    await expect
      .poll(async () => (await draft()).start?.triggers)
      .toEqual([
        {
          kind: "event",
          event: "order.shipped",
          fields: [{ name: "tracking_url", type: "text" }],
          sample: { tracking_url: "https://track.example.com/A12345" },
        },
      ]);

    // The message it starts goes as a post-purchase update outside the 24-hour window.
    await page.locator(".react-flow__node:has(article.step-message)").click();
    const sendAs = inspector.getByLabel("Outside the 24-hour window, send as");
    expect(await sendAs.inputValue()).toBe("standard");
    await sendAs.selectOption({ label: "Post-purchase update (tag)" });
    await expect.poll(async () => (await draft()).shipped?.sendAs).toBe("POST_PURCHASE_UPDATE");

    // The simulator fires the event with the sample: the field is in the answer.
    await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
    await page.keyboard.press("r");
    const phone = page.getByTestId("simulator-phone");
    await phone.waitFor();
    await page.getByRole("button", { name: "Fire test event: order.shipped" }).click();
    await phone
      .locator(".bubble.bot", {
        hasText: "Your parcel is on its way: https://track.example.com/A12345",
      })
      .waitFor();
  });
});
