/**
 * "Test request" in an HTTP step, as a marketer clicks it: sample values for what the request
 * uses, the call made by the runtime (a real shop API on 127.0.0.1 that echoes its headers), the
 * answer shown as JSON, and a click on a value that sets the response mapping. The key the shop
 * gets never reaches the page; the sample is saved with the step.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Harness, screenshotsDir, signIn, startHarness } from "./harness";

const SECRET = "sk-shop-e2e-5a4b3c2d1e";
let h: Harness;
let shop: Server;
let shopUrl: string;
const asked: { url: string; authorization: string }[] = [];

const api = (method: string, path: string, body?: unknown) =>
  fetch(`${h.url}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const flow = () => ({
  schemaVersion: 1,
  id: "order-status",
  name: "Order status",
  variables: [{ name: "order_number", type: "text" }],
  nodes: [
    {
      id: "start",
      type: "trigger",
      position: { x: 0, y: 0 },
      data: { triggers: [{ kind: "keyword", match: "contains", keywords: ["commande"] }] },
    },
    {
      id: "lookup",
      type: "action",
      position: { x: 320, y: 0 },
      data: {
        label: "Look up the order",
        steps: [
          {
            kind: "http",
            method: "GET",
            url: `${shopUrl}/orders/{{order_number}}`,
            headers: [{ name: "Authorization", value: "Bearer {{secrets.SHOP_TOKEN}}" }],
          },
        ],
      },
    },
  ],
  edges: [{ id: "e1", source: "start", target: "lookup" }],
});

beforeAll(async () => {
  shop = createServer((req, res) => {
    asked.push({ url: req.url ?? "", authorization: req.headers.authorization ?? "" });
    res.setHeader("content-type", "application/json");
    res.setHeader("x-shop", "demo");
    res.end(
      JSON.stringify({
        data: { items: [{ status: "shipped", carrier: "La Poste" }] },
        youSent: req.headers.authorization,
      }),
    );
  });
  await new Promise<void>((resolve) => shop.listen(0, "127.0.0.1", resolve));
  shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
  h = await startHarness({ CONVO_ALLOW_PRIVATE_HTTP: "1" });
  expect((await api("PUT", "/secrets/SHOP_TOKEN", { value: SECRET })).status).toBe(200);
  expect((await api("POST", "/flows/import", flow())).status).toBe(201);
});
afterAll(async () => {
  await h?.stop();
  await new Promise((resolve) => shop?.close(resolve));
});

describe("Test request in an HTTP step", () => {
  it("calls the API with a sample, shows the answer, and a click on a value sets the mapping", async () => {
    const { page, url } = h;
    await signIn(page, url);
    await page.goto(`${url}/#/flows/order-status`);
    const step = page.locator(".react-flow__node:has(article.step-action)");
    await step.waitFor();
    await step.click();
    const inspector = page.locator(".inspector");
    await inspector.getByLabel("Sample for {{order_number}}").fill("A-1042");
    await inspector.getByText("Secrets are filled in by the server").waitFor();
    await inspector.getByRole("button", { name: "Test request" }).click();

    const result = page.getByTestId("http-test-result");
    await result.getByText("Status 200: it worked.").waitFor();
    expect(asked.at(-1)).toEqual({ url: "/orders/A-1042", authorization: `Bearer ${SECRET}` });
    await result.getByText("Headers of the answer").click();
    await expect.poll(() => result.locator(".http-test-headers").textContent()).toContain("demo");
    // The shop echoed the key: the page shows where it went, never what it is.
    await result.getByText('"Bearer [secret SHOP_TOKEN]"').waitFor();
    expect(await page.content()).not.toContain(SECRET);

    await result
      .getByRole("button", { name: 'Store data.items[0].status (now "shipped")' })
      .click();
    await result.getByText("data.items[0].status will be stored in {{status}}.").waitFor();
    await expect
      .poll(() => inspector.getByLabel("Path in the JSON").inputValue())
      .toBe("data.items[0].status");
    await page.screenshot({ path: join(screenshotsDir, "http-test.png") });

    // Saved with the step: the mapping and the sample (never the key).
    await expect
      .poll(async () => {
        const draft = (await (await api("GET", "/flows/order-status")).json()).flow;
        return draft.nodes[1].data.steps[0];
      })
      .toMatchObject({
        responseMapping: [{ path: "data.items[0].status", variable: "status" }],
        samples: { order_number: "A-1042" },
      });
    const exported = await (await api("GET", "/flows/order-status/export")).text();
    expect(exported).toContain('"order_number": "A-1042"');
    expect(exported).not.toContain(SECRET);

    // In French.
    await page.getByRole("combobox", { name: "Language" }).selectOption("fr");
    await step.click();
    await inspector.getByRole("button", { name: "Tester la requête" }).click();
    await result.getByText("Statut 200 : ça marche.").waitFor();
  });
});
