/**
 * The editor by keyboard alone, in Chromium against a real runtime: the sidebar's and the test
 * panel's tabs follow the ARIA tabs pattern.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, signIn, startHarness } from "./harness";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await signIn(h.page, h.url);
});
afterAll(async () => {
  await h?.stop();
});

/** The focused element's text and whether it is the selected tab, one tabindex=0 in its list. */
function focusedTab(page: Page) {
  return page.evaluate(() => {
    const tab = document.activeElement as HTMLElement;
    const list = tab.closest('[role="tablist"]');
    const panel = document.getElementById(tab.getAttribute("aria-controls") ?? "");
    return {
      name: tab.textContent,
      role: tab.getAttribute("role"),
      selected: tab.getAttribute("aria-selected"),
      inTabOrder: [...(list?.querySelectorAll('[tabindex="0"]') ?? [])].map((t) => t.textContent),
      panelShown: panel?.getAttribute("role") === "tabpanel",
    };
  });
}

async function openOrderTracking(page: Page) {
  await page.goto(`${h.url}/#/flows/order-tracking`);
  await page.locator(".react-flow__node").first().waitFor();
}

describe("the editor by keyboard", () => {
  it("moves between the sidebar's tabs with Left, Right, Home and End", async () => {
    const { page } = h;
    await openOrderTracking(page);
    await page.getByRole("tab", { name: "Step" }).focus();
    expect(await focusedTab(page)).toEqual({
      name: "Step",
      role: "tab",
      selected: "true",
      inTabOrder: ["Step"],
      panelShown: true,
    });

    await page.keyboard.press("ArrowRight");
    expect(await focusedTab(page)).toMatchObject({
      name: expect.stringMatching(/^Problems/),
      selected: "true",
      inTabOrder: [expect.stringMatching(/^Problems/)],
      panelShown: true,
    });
    await page.keyboard.press("End");
    expect(await focusedTab(page)).toMatchObject({ name: "Versions", selected: "true" });
    await page.getByRole("tabpanel", { name: "Versions" }).waitFor();
    await page.keyboard.press("ArrowRight");
    expect(await focusedTab(page)).toMatchObject({ name: "Step", selected: "true" });
    await page.keyboard.press("ArrowLeft");
    expect(await focusedTab(page)).toMatchObject({ name: "Versions", selected: "true" });
    await page.keyboard.press("Home");
    expect(await focusedTab(page)).toMatchObject({
      name: "Step",
      selected: "true",
      inTabOrder: ["Step"],
    });
    // Tab leaves the row for the panel instead of visiting each tab.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).not.toBe("tab");
  });

  it("moves between the test panel's tabs with the arrows", async () => {
    const { page } = h;
    await openOrderTracking(page);
    await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
    await page.keyboard.press("r");
    const simulator = page.getByRole("tab", { name: "Simulator (draft)" });
    await simulator.focus();
    await page.keyboard.press("ArrowRight");
    expect(await focusedTab(page)).toEqual({
      name: "Sandbox (published)",
      role: "tab",
      selected: "true",
      inTabOrder: ["Sandbox (published)"],
      panelShown: true,
    });
    await page.getByTestId("sandbox-phone").waitFor();
    await page.keyboard.press("ArrowLeft");
    expect(await focusedTab(page)).toMatchObject({ name: "Simulator (draft)", selected: "true" });
  });
});
