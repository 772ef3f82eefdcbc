import { loadExample } from "@convo/flow/testing/examples";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, mouseDrag, signIn, startHarness } from "./harness";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await signIn(h.page, h.url);
});
afterAll(async () => {
  await h?.stop();
});

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error("element is not visible");
  return b;
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const steps = (page: Page) => page.locator(".react-flow__node");
const minimap = (page: Page) => page.locator(".react-flow__minimap");
const controls = (page: Page) => page.locator(".react-flow__controls");
const addMenu = (page: Page) => page.getByRole("menu", { name: "Add a step" });

async function stepBoxes(page: Page): Promise<Box[]> {
  const all = await steps(page).all();
  return Promise.all(all.map(box));
}

/**
 * The steps (or only the newest, the last drawn) overlap nothing drawn over the canvas and, unless
 * told otherwise, no other step.
 */
async function expectClear(
  page: Page,
  covers: Locator[],
  { newest = false, apart = true }: { newest?: boolean; apart?: boolean } = {},
) {
  const boxes = await stepBoxes(page);
  const over = await Promise.all(covers.map(box));
  const checked = newest ? boxes.slice(-1) : boxes;
  for (const [i, a] of checked.entries()) {
    for (const c of over) expect(overlap(a, c), `step ${i} under ${JSON.stringify(c)}`).toBe(false);
    if (!apart) continue;
    for (const b of boxes) {
      if (b !== a) expect(overlap(a, b), `step ${i} on another`).toBe(false);
    }
  }
}

/**
 * Crossings as a marketer sees them: each connection drawn straight from its output handle to the
 * middle of its target's left edge, measured on the page.
 */
function crossingsOnScreen(page: Page, edges: [string, string, string][]): Promise<number> {
  return page.evaluate((edges) => {
    type P = { x: number; y: number };
    const segments: [P, P][] = [];
    for (const [source, handle, target] of edges) {
      const out = document.querySelector(
        `.react-flow__node[data-id="${source}"] .react-flow__handle[data-handleid="${handle}"]`,
      );
      const into = document.querySelector(`.react-flow__node[data-id="${target}"]`);
      if (!out || !into) continue;
      const o = out.getBoundingClientRect();
      const t = into.getBoundingClientRect();
      segments.push([
        { x: o.x + o.width / 2, y: o.y + o.height / 2 },
        { x: t.x, y: t.y + t.height / 2 },
      ]);
    }
    const side = (p: P, q: P, r: P) =>
      Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
    const near = (p: P, q: P) => Math.abs(p.x - q.x) < 1 && Math.abs(p.y - q.y) < 1;
    let count = 0;
    for (let i = 0; i < segments.length; i++) {
      for (let j = i + 1; j < segments.length; j++) {
        const [a, b] = segments[i] as [P, P];
        const [c, d] = segments[j] as [P, P];
        if (near(a, c) || near(a, d) || near(b, c) || near(b, d)) continue;
        if (side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0) count++;
      }
    }
    return count;
  }, edges);
}

/** Crossings on screen after "Tidy up" before it kept outputs in order (measured in Chromium on main). */
const BEFORE: Record<string, number> = { "order-tracking": 6, support: 13 };

async function newFlow(page: Page, name: string) {
  await page.goto(`${h.url}/#/`);
  await page.getByPlaceholder("Name of a new flow").fill(name);
  await page.getByRole("button", { name: "Create flow" }).click();
  await page.getByRole("heading", { name }).waitFor();
  await expect.poll(() => steps(page).count()).toBe(1);
}

describe("new steps land where the eye is", () => {
  it("the add menu stays in the window, filters as one types, and Enter or the arrows pick", async () => {
    const { page } = h;
    await newFlow(page, "Placement");
    const pane = await box(page.locator(".react-flow__pane"));
    const map = await box(minimap(page));

    // Asked for just left of the minimap, near the window's bottom edge.
    await page.mouse.dblclick(map.x - 30, map.y + map.height - 10);
    const menu = await box(addMenu(page));
    const viewport = page.viewportSize();
    if (!viewport) throw new Error("no viewport");
    expect(menu.y + menu.height).toBeLessThanOrEqual(viewport.height);
    expect(menu.x + menu.width).toBeLessThanOrEqual(viewport.width);
    expect(menu.y).toBeGreaterThanOrEqual(0);

    const search = addMenu(page).getByRole("searchbox", { name: "Search steps" });
    await expect.poll(() => search.evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.type("quest");
    await expect
      .poll(() => addMenu(page).getByRole("menuitem").allTextContents())
      .toEqual([expect.stringContaining("Question")]);
    await page.keyboard.press("Enter");
    await expect.poll(() => steps(page).count()).toBe(2);
    await expect.poll(() => addMenu(page).count()).toBe(0);
    // The question is on screen, clear of the minimap, the controls and the start step.
    await expectClear(page, [minimap(page), controls(page)]);
    const question = await box(page.locator(".react-flow__node:has(article.step-input)"));
    expect(question.x).toBeGreaterThanOrEqual(pane.x);
    expect(question.y + question.height).toBeLessThanOrEqual(pane.y + pane.height);

    // The arrows move from the search field to the matches; Enter picks the focused one.
    await page.mouse.dblclick(pane.x + 200, pane.y + 120);
    await page.keyboard.type("Mess");
    await page.keyboard.press("ArrowDown");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toContain("Message");
    await page.keyboard.press("Enter");
    await expect.poll(() => steps(page).count()).toBe(3);
    await expectClear(page, [minimap(page), controls(page)]);

    // Nothing by that name: the menu says so, Escape closes it.
    await page.mouse.dblclick(pane.x + 200, pane.y + 300);
    await page.keyboard.type("zzz");
    await addMenu(page).getByText("No step by that name").waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => addMenu(page).count()).toBe(0);
  });

  it("puts steps from the palette and from a dropped connection in free space, not on others", async () => {
    const { page } = h;
    // The palette adds in the middle of the canvas: the second and third do not pile on the first.
    for (let i = 0; i < 3; i++) await page.getByTestId("palette-delay").click();
    await expect.poll(() => steps(page).count()).toBe(6);
    await expectClear(page, [minimap(page), controls(page)]);

    // A connection dropped on empty canvas just left of a step, where the new step would cover it.
    const start = page.locator(".react-flow__node:has(article.step-trigger)");
    const handle = await box(start.locator(".handle-out").first());
    const delay = await box(page.locator(".react-flow__node:has(article.step-delay)").last());
    await mouseDrag(
      page,
      { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 },
      { x: delay.x - 16, y: delay.y + 12 },
    );
    await addMenu(page).getByRole("menuitem", { name: "Handover" }).click();
    await expect.poll(() => steps(page).count()).toBe(7);
    await expect.poll(() => page.locator(".react-flow__edge").count()).toBe(1);
    await expectClear(page, [minimap(page), controls(page)]);
    // Still near where it was asked for.
    const handover = await box(page.locator(".react-flow__node:has(article.step-handover)"));
    expect(Math.hypot(handover.x - delay.x, handover.y - delay.y)).toBeLessThan(600);

    // Duplicated (Ctrl+D) twice: each copy lands clear of the steps already there.
    await page.locator(".react-flow__node:has(article.step-handover)").click();
    await page.keyboard.press("Control+d");
    await expect.poll(() => steps(page).count()).toBe(8);
    await page.keyboard.press("Control+d");
    await expect.poll(() => steps(page).count()).toBe(9);
    await expectClear(page, [minimap(page), controls(page)]);
  });

  it("keeps new steps and Fit clear of the open test panel", async () => {
    const { page } = h;
    await page.getByRole("button", { name: "Test", exact: true }).click();
    const panel = page.getByRole("region", { name: "Test panel" }).or(page.locator(".test-panel"));
    await panel.first().waitFor();
    await page.getByTestId("palette-message").click();
    await expect.poll(() => steps(page).count()).toBeGreaterThanOrEqual(7);
    // The panel covers steps drawn before it opened; the new one goes beside it.
    await expectClear(page, [minimap(page), controls(page), page.locator(".test-panel")], {
      newest: true,
    });

    await page.getByRole("button", { name: "Fit", exact: true }).click();
    await page.waitForTimeout(500);
    await expectClear(page, [minimap(page), controls(page), page.locator(".test-panel")]);
    await page.getByRole("button", { name: "Test", exact: true }).click();
    await expect.poll(() => page.locator(".test-panel").count()).toBe(0);
  });

  it("fits a large example clear of the minimap and the controls", async () => {
    const { page } = h;
    await page.goto(`${h.url}/#/flows/support`);
    await expect.poll(() => steps(page).count()).toBeGreaterThanOrEqual(10);
    // The example draws some steps close together; what matters here is what covers them.
    await page.waitForTimeout(500);
    await expectClear(page, [minimap(page), controls(page)], { apart: false });
    await page.getByRole("button", { name: "Fit", exact: true }).click();
    await page.waitForTimeout(500);
    await expectClear(page, [minimap(page), controls(page)], { apart: false });
  });
});

describe("Tidy up", () => {
  for (const id of Object.keys(BEFORE)) {
    it(`keeps outputs in order on ${id}: fewer crossings than before, on screen`, async () => {
      const { page } = h;
      await page.goto(`${h.url}/#/flows/${id}`);
      await expect.poll(() => steps(page).count()).toBeGreaterThan(5);
      const flow = loadExample(id);
      const edges = flow.edges.map((e): [string, string, string] => [
        e.source,
        e.sourceHandle ?? "next",
        e.target,
      ]);
      await page.getByRole("button", { name: "Tidy up", exact: true }).click();
      await page.waitForTimeout(800);
      const after = await crossingsOnScreen(page, edges);
      console.log(`${id}: ${after} crossings on screen after Tidy up (before: ${BEFORE[id]})`);
      expect(after).toBeLessThan(BEFORE[id] as number);
      await expectClear(page, [minimap(page), controls(page)]);
      await page.keyboard.press("Control+z");
    });
  }
});

describe("sticky notes", () => {
  it("resize by dragging their corner, and keep their size in the flow", async () => {
    const { page } = h;
    await newFlow(page, "Notes");
    await page.getByTestId("palette-note").click();
    const note = page.locator(".react-flow__node:has(.note)");
    await note.waitFor();
    const before = await box(note);
    const grip = await box(page.locator("[data-testid^=resize-]"));
    const zoom = await page.evaluate(() => {
      const viewport = document.querySelector<HTMLElement>(".react-flow__viewport");
      return viewport ? new DOMMatrix(getComputedStyle(viewport).transform).a : 1;
    });
    await mouseDrag(
      page,
      { x: grip.x + grip.width / 2, y: grip.y + grip.height / 2 },
      { x: grip.x + grip.width / 2 + 120, y: grip.y + grip.height / 2 + 90 },
    );
    const after = await box(note);
    expect(after.width - before.width).toBeGreaterThan(100 * Math.min(zoom, 1));
    expect(after.height - before.height).toBeGreaterThan(70 * Math.min(zoom, 1));
    // The inspector shows the new size.
    const width = Math.round(after.width / zoom);
    const field = page.locator(".inspector").getByLabel("Width", { exact: true });
    await expect.poll(async () => Number(await field.inputValue())).toBeGreaterThan(width - 20);

    // Undo gives the note its size back in one step; redo takes the new one again.
    await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
    await page.keyboard.press("Control+z");
    await expect.poll(async () => Math.abs((await box(note)).width - before.width)).toBeLessThan(4);
    await page.keyboard.press("Control+Shift+z");
    await expect.poll(async () => Math.abs((await box(note)).width - after.width)).toBeLessThan(4);

    // The size is saved with the flow.
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("Saved");
    await page.reload();
    await note.waitFor();
    await expect.poll(async () => (await box(note)).width).toBeGreaterThan(before.width + 90);
  });
});
