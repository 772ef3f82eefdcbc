/**
 * Failure paths are checked, as a marketer meets it: a flow whose HTTP step's "Error" output
 * leads nowhere says in the Problems tab what the customer will live through when the order API
 * fails, in English and in French; the same flow with that output connected says nothing of it.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Harness, signIn, startHarness } from "./harness";

let h: Harness;

/** Looks the order up at the shop; when found, says so. `error` is where a failure goes, if anywhere. */
const orderStatus = (id: string, error?: "sorry") => ({
  schemaVersion: 1,
  id,
  name: id,
  variables: [{ name: "order_number", type: "text" }],
  nodes: [
    {
      id: "start",
      type: "trigger",
      position: { x: 0, y: 0 },
      data: { triggers: [{ kind: "keyword", match: "contains", keywords: [id] }] },
    },
    {
      id: "lookup",
      type: "action",
      position: { x: 320, y: 0 },
      data: {
        label: "Look up the order",
        steps: [
          { kind: "http", method: "GET", url: "https://shop.example.com/orders/{{order_number}}" },
        ],
      },
    },
    message("found", 640, 0, "Your order is on its way."),
    message("sorry", 640, 200, "We cannot reach the shop right now, try again later."),
  ],
  edges: [
    { id: "e1", source: "start", target: "lookup" },
    { id: "e2", source: "lookup", sourceHandle: "next", target: "found" },
    ...(error ? [{ id: "e3", source: "lookup", sourceHandle: "error", target: error }] : []),
  ],
});

function message(id: string, x: number, y: number, text: string) {
  return {
    id,
    type: "message",
    position: { x, y },
    data: { content: [{ id: `${id}-text`, kind: "text", text }] },
  };
}

beforeAll(async () => {
  h = await startHarness();
  for (const flow of [orderStatus("order-status"), orderStatus("order-status-safe", "sorry")]) {
    const response = await fetch(`${h.url}/api/flows/import`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify(flow),
    });
    if (response.status !== 201)
      throw new Error(`import: ${response.status} ${await response.text()}`);
  }
});
afterAll(async () => {
  await h?.stop();
});

/** The Problems tab of a flow, opened as a click would; its lines once the lint has run. */
async function problemsOf(page: Page, flowId: string, tab: string): Promise<string[]> {
  await page.goto(`${h.url}/#/flows/${flowId}`);
  await page.locator(".react-flow__node").first().waitFor();
  await page.getByRole("tab", { name: new RegExp(tab) }).click();
  const lines = page.locator(".problems li");
  await lines.first().or(page.locator(".empty")).first().waitFor();
  return lines.allTextContents();
}

describe("an HTTP step's Error output that leads nowhere", () => {
  it("says in Problems what the customer lives through, in English and in French", async () => {
    const { page, url } = h;
    page.setDefaultTimeout(15_000);
    await signIn(page, url);

    const english = await problemsOf(page, "order-status", "Problems");
    expect(english).toContainEqual(
      expect.stringContaining(
        "If the request to shop.example.com fails, the conversation stops without a word: connect the “Error” output to a message that says so.",
      ),
    );
    expect(english.find((p) => p.includes("shop.example.com"))).toMatch(/^Warning/);

    await page.getByRole("combobox", { name: "Language" }).selectOption("fr");
    const french = await problemsOf(page, "order-status", "Problèmes");
    expect(french).toContainEqual(
      expect.stringContaining(
        "Si la requête vers shop.example.com échoue, la conversation s’arrête sans un mot : reliez la sortie « Erreur » à un message qui le dit.",
      ),
    );
    await page.getByRole("combobox", { name: "Langue", exact: true }).selectOption("en");

    // Connected to a message that says so, the Error output is no longer a problem.
    const safe = await problemsOf(page, "order-status-safe", "Problems");
    expect(safe.filter((p) => p.includes("shop.example.com"))).toEqual([]);
  });
});
