/**
 * axe-core (the engine behind the browsers' accessibility audits) in Chromium against a real
 * runtime, on the screens a marketer uses: the flows list, a flow's canvas, the inspector with a
 * step selected, the test panel, and live chat with a conversation handed over. No violation a
 * screen-reader or keyboard user would be stopped by ("serious" or "critical") is allowed.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerWrites, type GraphEmulator, startGraph } from "./customer";
import { ADMIN_TOKEN, type Harness, signIn, startHarness } from "./harness";

const PAGE_TOKEN = "e2e-page-token";
const APP_SECRET = "e2e-app-secret";
const PSID = "e2e-a11y-ann";
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; html: string }[];
}

/**
 * What axe finds serious or critical on the page as it is now, one line per rule with the
 * elements it names (their selector and the start of their HTML), so a failure says what to fix.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown): Promise<unknown> } }).axe;
    const result = (await axe.run(document)) as { violations: Violation[] };
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.html.slice(0, 160)}`).join(", ")}`,
    );
}

let graph: GraphEmulator;
let pageId: string;
let h: Harness;

beforeAll(async () => {
  ({ graph, pageId } = await startGraph(PAGE_TOKEN, APP_SECRET));
  h = await startHarness({
    MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
    MESSENGER_APP_SECRET: APP_SECRET,
    GRAPH_API_URL: graph.url,
  });
  await signIn(h.page, h.url);
});
afterAll(async () => {
  await h?.stop();
  await graph?.close();
});

describe("accessibility (axe-core)", () => {
  it("finds nothing serious on the flows list", async () => {
    const { page, url } = h;
    await page.goto(`${url}/#/`);
    await page.getByRole("heading", { name: "Flows" }).waitFor();
    await page
      .getByRole("link", { name: /Order tracking/ })
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("finds nothing serious on the canvas, the inspector and the test panel", async () => {
    const { page, url } = h;
    await page.goto(`${url}/#/flows/order-tracking`);
    await page.locator(".react-flow__node").first().waitFor();
    await page.getByRole("navigation", { name: "Steps" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // A step selected: its form in the inspector.
    await page.locator(".react-flow__node").nth(1).click();
    await page.locator("form.inspector").waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Connecting it by keyboard (C): the dialog's fields.
    await page.keyboard.press("c");
    await page.getByRole("dialog", { name: /^Connect/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");

    // The test panel, opened with R from the canvas.
    await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
    await page.keyboard.press("r");
    const panel = page.getByRole("region", { name: "Test this flow" });
    await panel.getByRole("button", { name: "Restart" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await panel.getByRole("tab", { name: /Sandbox/ }).click();
    await panel.getByTestId("sandbox-phone").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("finds nothing serious in live chat with a conversation open", async () => {
    const { page, url } = h;
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
          data: { reason: "Refund request", message: "A person will answer." },
        },
      ],
      edges: [{ id: "e1", source: "start", target: "human" }],
    };
    for (const [path, body] of [
      ["/api/flows/import", desk],
      ["/api/flows/desk/publish", {}],
    ] as const) {
      const response = await fetch(url + path, {
        method: "POST",
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(201);
    }
    expect(await customerWrites(url, { pageId, appSecret: APP_SECRET, psid: PSID }, "desk")).toBe(
      200,
    );
    await page.goto(`${url}/#/contacts`);
    const row = page.getByRole("list", { name: "Inbox" }).getByRole("link").first();
    await row.waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await row.click();
    await page.getByRole("region", { name: "Conversation with a person" }).waitFor();
    await page.getByRole("log").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
