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

const flow = generateFlow(NODES);
const mounted = (page: Page) => page.locator(".react-flow__node").count();
const overview = (page: Page) => page.getByTestId("overview");

/** React Flow's viewport now, and where the pane is on the page. */
async function viewport(page: Page) {
  const [x, y, zoom] = await page.evaluate(() => {
    const style = (document.querySelector(".react-flow__viewport") as HTMLElement).style.transform;
    return (style.match(/-?[\d.]+(e-?\d+)?/g) ?? []).map(Number);
  });
  const pane = await page.locator(".react-flow__pane").boundingBox();
  if (!pane || x === undefined || y === undefined || zoom === undefined) throw new Error("no pane");
  return { x, y, zoom, pane };
}

/** Where a step's box is drawn on the page, for a viewport. */
function boxIn(view: Awaited<ReturnType<typeof viewport>>, id: string) {
  const node = flow.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no step ${id}`);
  const { x, y, zoom, pane } = view;
  const left = pane.x + x + node.position.x * zoom;
  const top = pane.y + y + node.position.y * zoom;
  return { left, top, zoom, centre: { x: left + 60 * zoom, y: top + 40 * zoom } };
}

/** Where a step's box is drawn on the page now. */
async function boxOf(page: Page, id: string) {
  return boxIn(await viewport(page), id);
}

/** The colour the overview canvas shows at a point of the page, as "r,g,b". */
function pixel(page: Page, at: { x: number; y: number }): Promise<string> {
  return page.evaluate(({ x, y }) => {
    const canvas = document.querySelector("[data-testid=overview]") as HTMLCanvasElement;
    const box = canvas.getBoundingClientRect();
    const ratio = canvas.width / box.width;
    const data = (canvas.getContext("2d") as CanvasRenderingContext2D).getImageData(
      Math.round((x - box.left) * ratio),
      Math.round((y - box.top) * ratio),
      1,
      1,
    ).data;
    return `${data[0]},${data[1]},${data[2]}`;
  }, at);
}
/** The colours at many points at once (one round trip). */
function pixels(page: Page, at: { x: number; y: number }[]): Promise<string[]> {
  return page.evaluate((points) => {
    const canvas = document.querySelector("[data-testid=overview]") as HTMLCanvasElement;
    const box = canvas.getBoundingClientRect();
    const ratio = canvas.width / box.width;
    const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
    const all = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    return points.map(({ x, y }) => {
      const i =
        4 * (Math.round((y - box.top) * ratio) * canvas.width + Math.round((x - box.left) * ratio));
      return `${all[i]},${all[i + 1]},${all[i + 2]}`;
    });
  }, at);
}

/** Just outside a box's left side, where its outline is drawn (3 px wide). */
const outline = (box: { left: number; centre: { y: number } }) => ({
  x: box.left - 1.5,
  y: box.centre.y,
});
const BLUE = "8,102,255"; // selected
const AMBER = "154,92,0"; // a warning

describe("a 5,000-step flow on the canvas", () => {
  it("opens zoomed out as an overview, finds a step, selects and inspects it in full detail", async () => {
    const { page, url } = h;
    // Counts the full cards ever drawn while the flow opens: it opens as its overview straight
    // away, not drawn in full, measured, then drawn again (which took 13.7 s instead of 3.7 s).
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
    // The whole flow fits on screen, far below the zoom where text can be read: one canvas draws
    // every step, and not one step is an element of the page.
    await expect
      .poll(() => overview(page).getAttribute("data-steps"), { timeout: 60_000 })
      .toBe(String(NODES));
    expect(await overview(page).getAttribute("aria-label")).toContain("5000 steps");
    // Fitted to the screen, not left at 100 %: React Flow's own first fit can be dropped when every
    // step starts hidden.
    await expect.poll(async () => (await viewport(page)).zoom).toBeLessThan(0.3);
    expect(await mounted(page)).toBe(0);
    expect(
      await page.evaluate(
        () => (window as unknown as { __fullCards: { full: number } }).__fullCards.full,
      ),
    ).toBe(0);
    // The lint ran (in its worker, at this size) and its marks show: steps outlined in amber.
    const amber = async () => {
      const view = await viewport(page);
      const shown = flow.nodes
        .map((n) => outline(boxIn(view, n.id)))
        .filter((p) => p.x > view.pane.x && p.x < view.pane.x + view.pane.width);
      return (await pixels(page, shown)).filter((c) => c === AMBER).length;
    };
    await expect.poll(amber, { timeout: 60_000 }).toBeGreaterThan(100);

    await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("Control+f");
    await page.getByPlaceholder("Text in a bubble, button, question…").fill("Message 4321:");
    await page.keyboard.press("Enter");

    // Search jumped there: zoomed in, the step is drawn in full and is selected…
    const step = page.getByTestId("node-n4321");
    await expect.poll(() => step.getAttribute("data-detail"), { timeout: 30_000 }).toBeNull();
    await expect.poll(() => step.locator(".step-body").textContent()).toContain("Message 4321");
    await expect.poll(() => step.getAttribute("class")).toContain("selected");
    await expect(overview(page).count()).resolves.toBe(0);
    // …only what is on screen is mounted…
    await expect.poll(() => mounted(page)).toBeLessThan(200);
    // …and the inspector edits it.
    const label = page.locator(".inspector").getByLabel("Name on the canvas");
    await label.fill("Found it");
    await expect.poll(() => step.locator(".step-label").textContent()).toBe("Found it");
  });

  it("goes back to the overview when zoomed out and to full detail when zoomed in", async () => {
    const { page } = h;
    const step = page.getByTestId("node-n4321");
    const zoomOut = page.getByRole("button", { name: "Zoom Out" });
    for (let i = 0; i < 12 && (await overview(page).count()) === 0; i++) await zoomOut.click();
    await expect.poll(() => overview(page).count()).toBe(1);
    await expect.poll(() => mounted(page)).toBe(0);
    // The selection stays: the step is outlined in blue on the overview.
    await expect.poll(async () => pixel(page, outline(await boxOf(page, "n4321")))).toBe(BLUE);
    const zoomIn = page.getByRole("button", { name: "Zoom in" });
    for (let i = 0; i < 12 && (await overview(page).count()) === 1; i++) await zoomIn.click();
    await expect.poll(() => step.getAttribute("data-detail")).toBeNull();
    expect(await step.locator(".step-body").textContent()).toContain("Message 4321");
  });

  it("selects, moves and opens a step on the overview, and a move is one undo", async () => {
    const { page } = h;
    await page.getByRole("button", { name: "Fit the flow to the screen" }).click();
    await expect.poll(() => overview(page).count()).toBe(1);
    await page.waitForTimeout(500); // the fit's animation
    // The step drawn nearest the middle of the canvas (a flow this wide does not fit the screen).
    const view = await viewport(page);
    const { pane } = view;
    let id = "";
    let nearest = Number.POSITIVE_INFINITY;
    for (const node of flow.nodes) {
      const { centre } = boxIn(view, node.id);
      const d = Math.hypot(centre.x - pane.x - pane.width / 2, centre.y - pane.y - pane.height / 2);
      if (d < nearest && node.type === "message") {
        nearest = d;
        id = node.id;
      }
    }
    const before = await boxOf(page, id);
    // A click on its box selects it: the inspector shows it, the overview outlines it.
    await page.mouse.click(before.centre.x, before.centre.y);
    await expect.poll(() => page.locator(".inspector code").first().textContent()).toBe(id);
    await expect.poll(() => pixel(page, outline(before))).toBe(BLUE);
    // A drag moves it along the grid, drawn where it is dropped.
    await page.mouse.move(before.centre.x, before.centre.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++)
      await page.mouse.move(before.centre.x + i * 6, before.centre.y + i * 4);
    await page.mouse.up();
    const dropped = await boxOf(page, id); // where it started: the flow file is not changed
    await expect.poll(() => pixel(page, outline(dropped))).not.toBe(BLUE);
    await expect
      .poll(() => pixel(page, { x: before.left + 60 - 1.5, y: before.centre.y + 40 }))
      .toBe(BLUE);
    // A double-click opens it: zoomed in, drawn in full, where it was dropped.
    const after = await boxOf(page, id);
    await page.mouse.dblclick(before.centre.x + 60, before.centre.y + 40);
    const card = page.getByTestId(`node-${id}`);
    await expect.poll(() => card.getAttribute("data-detail"), { timeout: 30_000 }).toBeNull();
    const node = page.locator(`.react-flow__node[data-id="${id}"]`);
    const position = async () =>
      (await node.evaluate((el) => (el as HTMLElement).style.transform))
        .match(/-?[\d.]+/g)
        ?.map(Number);
    const start = flow.nodes.find((n) => n.id === id)?.position ?? { x: 0, y: 0 };
    const [x, y] = (await position()) ?? [];
    expect(x).toBeGreaterThan(start.x + 30 / after.zoom);
    expect(y).toBeGreaterThan(start.y + 20 / after.zoom);
    expect((x ?? 0) % 16).toBe(0);
    // The whole move is one step of the history.
    await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("Control+z");
    // Found again by search (it went back out of view), where it was before the drag.
    await page.keyboard.press("Control+f");
    await page
      .getByPlaceholder("Text in a bubble, button, question…")
      .fill(`Message ${id.slice(1)}:`);
    await page.keyboard.press("Enter");
    await expect.poll(position, { timeout: 30_000 }).toEqual([start.x, start.y]);
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
  it("shows the analytics counts on each step's box, zoomed out as well", async () => {
    const { page } = h;
    await page.getByRole("button", { name: "Fit the flow to the screen" }).click();
    await expect.poll(() => overview(page).count()).toBe(1);
    // The counts are read on each step's own box: with them on, the steps are boxes again…
    const analytics = page.getByRole("button", { name: "Analytics", exact: true });
    await analytics.click();
    await expect.poll(() => overview(page).count(), { timeout: 60_000 }).toBe(0);
    await expect
      .poll(() => page.locator('[data-detail="simple"]').count(), { timeout: 60_000 })
      .toBeGreaterThan(1000);
    // …and the overview comes back when they are off.
    await analytics.click();
    await expect.poll(() => overview(page).count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(() => mounted(page)).toBe(0);
  });
});
