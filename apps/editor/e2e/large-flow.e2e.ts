import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFlow } from "../bench/generate";
import { ADMIN_TOKEN, type Harness, signIn, startHarness } from "./harness";

// A flow of 5,000 steps, the size the canvas is benchmarked at (bench/canvas.ts).
const NODES = 5000;
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  const flow = { ...generateFlow(NODES), id: "big", name: "Big flow" };
  const response = await fetch(`${h.url}/api/flows/import`, {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify(flow),
  });
  if (response.status !== 201)
    throw new Error(`import: ${response.status} ${await response.text()}`);
}, 240_000);
afterAll(async () => {
  await h?.stop();
});

const mounted = (page: Page) => page.locator(".react-flow__node").count();
const simpleBoxes = (page: Page) => page.locator('[data-detail="simple"]').count();

describe("a 5,000-step flow on the canvas", () => {
  it("opens zoomed out as simple boxes, finds a step, selects and inspects it in full detail", async () => {
    const { page, url } = h;
    // Counts the full cards ever drawn while the flow opens: it opens as boxes straight away, not
    // drawn in full, measured, then drawn again as boxes (which took 13.7 s instead of 3.7 s).
    await page.addInitScript(() => {
      const seen = { full: 0 };
      (window as unknown as { __fullCards: typeof seen }).__fullCards = seen;
      new MutationObserver((records) => {
        for (const record of records)
          for (const added of record.addedNodes)
            if (
              added instanceof Element &&
              (added.matches(".step-body") || added.querySelector(".step-body"))
            )
              seen.full++;
      }).observe(document, { childList: true, subtree: true });
    });
    await signIn(page, url);
    await page.goto(`${url}/#/flows/big`);
    // The whole flow fits on screen, far below the zoom where text can be read: simple boxes.
    await expect.poll(() => simpleBoxes(page), { timeout: 60_000 }).toBeGreaterThan(1000);
    expect(await page.locator(".step-body").count()).toBe(0);
    expect(
      await page.evaluate(
        () => (window as unknown as { __fullCards: { full: number } }).__fullCards.full,
      ),
    ).toBe(0);
    // The lint ran (in its worker, at this size) and its marks show on the boxes.
    await expect
      .poll(() => page.locator('[data-detail="simple"].has-warning').count(), { timeout: 60_000 })
      .toBeGreaterThan(0);

    await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("Control+f");
    await page.getByPlaceholder("Text in a bubble, button, question…").fill("Message 4321:");
    await page.keyboard.press("Enter");

    // Search jumped there: zoomed in, the step is drawn in full and is selected…
    const step = page.getByTestId("node-n4321");
    await expect.poll(() => step.getAttribute("data-detail"), { timeout: 30_000 }).toBeNull();
    await expect.poll(() => step.locator(".step-body").textContent()).toContain("Message 4321");
    await expect.poll(() => step.getAttribute("class")).toContain("selected");
    // …only what is on screen is mounted…
    await expect.poll(() => mounted(page)).toBeLessThan(200);
    // …and the inspector edits it.
    const label = page.locator(".inspector").getByLabel("Name on the canvas");
    await label.fill("Found it");
    await expect.poll(() => step.locator(".step-label").textContent()).toBe("Found it");
  });

  it("switches to simple boxes when zoomed out and back to full detail when zoomed in", async () => {
    const { page } = h;
    const step = page.getByTestId("node-n4321");
    const zoomOut = page.getByRole("button", { name: "Zoom Out" });
    for (let i = 0; i < 12 && (await step.getAttribute("data-detail")) === null; i++)
      await zoomOut.click();
    await expect.poll(() => step.getAttribute("data-detail")).toBe("simple");
    // Selection and the title stay on the simple box.
    expect(await step.getAttribute("class")).toContain("selected");
    expect(await step.textContent()).toContain("Found it");
    const zoomIn = page.getByRole("button", { name: "Zoom in" });
    for (let i = 0; i < 12 && (await step.getAttribute("data-detail")) !== null; i++)
      await zoomIn.click();
    await expect.poll(() => step.getAttribute("data-detail")).toBeNull();
    expect(await step.locator(".step-body").textContent()).toContain("Message 4321");
  });

  it("jumps from the problems panel to the step a problem is about", async () => {
    const { page } = h;
    await page.getByRole("tab", { name: /Problems/ }).click();
    const problem = page
      .locator("li.problem", { has: page.locator("code", { hasText: /^n2$/ }) })
      .first();
    await problem.getByRole("button").first().click();
    const step = page.getByTestId("node-n2");
    await expect.poll(() => step.getAttribute("data-detail"), { timeout: 30_000 }).toBeNull();
    await expect.poll(() => step.getAttribute("class")).toContain("selected");
    expect(await step.getAttribute("class")).toContain("has-warning");
  });
});
