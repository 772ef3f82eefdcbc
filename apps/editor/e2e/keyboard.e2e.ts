/**
 * The editor by keyboard alone, in Chromium against a real runtime: the sidebar's and the test
 * panel's tabs follow the ARIA tabs pattern, and the focus is drawn on buttons, steps and
 * connections.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Harness, screenshotsDir, signIn, startHarness } from "./harness";

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

/** What the focused element is (a step, a connection, other) and how its focus is drawn. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as Element;
    const path = element.querySelector(".react-flow__edge-path");
    const style = getComputedStyle(element);
    return {
      kind: element.classList.contains("react-flow__node")
        ? "step"
        : element.classList.contains("react-flow__edge")
          ? "connection"
          : element.tagName.toLowerCase(),
      id: element.getAttribute("data-id") ?? element.getAttribute("data-testid"),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
      stroke: path ? getComputedStyle(path).strokeWidth : null,
    };
  });
}

/** Presses Tab until the focus is on a `kind`, at most `limit` times. */
async function tabTo(page: Page, kind: string, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if (now.kind === kind) return now;
  }
  throw new Error(`no ${kind} after ${limit} presses of Tab`);
}

/** Where the focus is: the palette, a step, a connection, React Flow's controls, or elsewhere. */
function focusPlace(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as Element;
    if (element.closest(".palette")) return "palette";
    if (element.classList.contains("react-flow__node")) return "step";
    if (element.classList.contains("react-flow__edge")) return "connection";
    if (element.closest(".react-flow__controls")) return "controls";
    return "elsewhere";
  });
}

/** What a screen reader reads after a step's name: the description it points to. */
function stepDescription(page: Page) {
  return page.evaluate(() => {
    const step = document.querySelector(".react-flow__node");
    const id = step?.getAttribute("aria-describedby") ?? "";
    return id ? document.getElementById(id)?.textContent : null;
  });
}

/** The label of the focused field. */
function focusedLabel(page: Page) {
  return page.evaluate(() => {
    const id = document.activeElement?.id;
    return id ? document.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent : null;
  });
}

async function openOrderTracking(page: Page) {
  await page.goto(`${h.url}/#/flows/order-tracking`);
  await page.locator(".react-flow__node").first().waitFor();
  // Connections are drawn once React Flow has measured the steps.
  await page.locator(".react-flow__edge").first().waitFor();
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

  it("draws the focus on buttons, steps and connections", async () => {
    const { page } = h;
    await openOrderTracking(page);
    await page.getByTestId("palette-message").focus();
    await page.keyboard.press("Tab");
    const button = await focused(page);
    expect(button.kind).toBe("button");
    expect(button.outline).toBe("solid 2px");

    const step = await tabTo(page, "step");
    expect(step.outline).toBe("solid 3px");
    await page.screenshot({ path: join(screenshotsDir, "keyboard-focus.png") });
    const connection = await tabTo(page, "connection");
    expect(connection.stroke).toBe("4px");
  });

  it("connects a step to another with C, by keyboard alone", async () => {
    const { page } = h;
    await openOrderTracking(page);
    const edges = page.locator(".react-flow__edge");
    const before = await edges.count();
    // A new message step from the palette (Enter), selected as it lands.
    await page.getByTestId("palette-message").focus();
    await page.keyboard.press("Enter");
    const added = page.locator(".react-flow__node.selected");
    await added.waitFor();
    const source = (await added.getAttribute("data-id")) as string;

    await page.keyboard.press("c");
    const dialog = page.getByRole("dialog", { name: `Connect “Message: ${source}”` });
    await dialog.waitFor();
    // Focus is on its output (a new message has one: Next), then Tab to the step it leads to.
    expect(await focusedLabel(page)).toBe("From its output");
    await page.keyboard.press("Tab");
    expect(await focusedLabel(page)).toBe("To the step");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const target = await dialog.getByLabel("To the step").inputValue();
    expect(target).not.toBe("");
    // The dialog keeps the focus: past its last button, Tab comes back to its first field.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await focusedLabel(page)).toBe("From its output");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter");
    await expect.poll(() => dialog.count()).toBe(0);

    await expect.poll(() => edges.count()).toBe(before + 1);
    await page.locator(`.react-flow__edge[aria-label="${source} (next) → ${target}"]`).waitFor();
    // The focus went back where it was, and the connection is saved with the draft.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
      "palette-message",
    );
    await expect
      .poll(async () => {
        const response = await fetch(`${h.url}/api/flows/order-tracking`, {
          headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        });
        const saved = (await response.json()) as {
          flow: { edges: { source: string; target: string }[] };
        };
        return saved.flow.edges.some((e) => e.source === source && e.target === target);
      })
      .toBe(true);
  });

  it("lists C in the help and in each step's description, in English and in French", async () => {
    const { page } = h;
    await openOrderTracking(page);
    await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await help.getByText("Connect the focused or selected step to another").waitFor();
    expect(await stepDescription(page)).toContain("C connects it to another step");
    expect(
      await help
        .locator("div", { hasText: "Connect the focused" })
        .locator("kbd")
        .last()
        .textContent(),
    ).toBe("C");
    await page.keyboard.press("Escape");
    await page.getByRole("combobox", { name: "Language" }).selectOption("fr");
    await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
    await page.keyboard.press("?");
    const aide = page.getByRole("dialog", { name: "Raccourcis clavier" });
    await aide.getByText("Relier l’étape active ou sélectionnée à une autre").waitFor();
    await page.keyboard.press("Escape");
    // A screen reader hears the shortcut on each step, in the reader's language.
    expect(await stepDescription(page)).toContain("C la relie à une autre étape");
    await page.getByRole("combobox", { name: "Langue", exact: true }).selectOption("en");
  });

  it("goes palette, steps, connections with Tab, and back with Shift+Tab", async () => {
    const { page } = h;
    await openOrderTracking(page);
    const steps = await page.locator(".react-flow__node").count();
    const connections = await page.locator(".react-flow__edge").count();
    const paletteItems = await page.locator(".palette button").count();
    expect(steps).toBeGreaterThan(3);
    expect(connections).toBeGreaterThan(3);

    await page.locator(".palette button").first().focus();
    const places = [await focusPlace(page)];
    const ids = new Set<string>();
    for (let i = 0; i < paletteItems + steps + connections; i++) {
      await page.keyboard.press("Tab");
      places.push(await focusPlace(page));
      const id = await page.evaluate(() => document.activeElement?.getAttribute("data-id"));
      if (id) ids.add(id);
    }
    expect(places).toEqual([
      ...Array(paletteItems).fill("palette"),
      ...Array(steps).fill("step"),
      ...Array(connections).fill("connection"),
      "controls",
    ]);
    // Each step and each connection once.
    expect(ids.size).toBe(steps + connections);

    await page.keyboard.press("Shift+Tab");
    expect(await focusPlace(page)).toBe("connection");
    for (let i = 0; i < connections; i++) await page.keyboard.press("Shift+Tab");
    expect(await focusPlace(page)).toBe("step");
    for (let i = 0; i < steps; i++) await page.keyboard.press("Shift+Tab");
    expect(await focusPlace(page)).toBe("palette");

    // C on a step the keyboard is on (not selected) connects that one.
    await page.keyboard.press("Tab");
    const first = (await page.evaluate(() =>
      document.activeElement?.getAttribute("data-id"),
    )) as string;
    await page.keyboard.press("c");
    const dialog = page.getByRole("dialog", { name: /^Connect/ });
    await dialog.waitFor();
    expect(await page.locator(".react-flow__node.selected").getAttribute("data-id")).toBe(first);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-id"))).toBe(first);
  });
});
