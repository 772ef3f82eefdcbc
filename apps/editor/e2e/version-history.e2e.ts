/**
 * The version history as a marketer uses it, in Chromium against the real runtime: publishing puts
 * the version in the list at once; the header says when the draft differs from the live version;
 * "Compare" lists the steps by name with their texts old | new and outlines them on the canvas;
 * viewing an old version never says "not saved"; restoring asks first and can be undone. And the
 * notices: a success leaves on its own, an error stays until closed, neither covers the tabs.
 */
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Harness, screenshotsDir, signIn, startHarness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const PARCELS = {
  schemaVersion: 2,
  languages: ["en"],
  id: "parcel-help",
  name: "Parcel help",
  variables: [],
  nodes: [
    {
      id: "start",
      type: "trigger",
      position: { x: 0, y: 0 },
      data: { triggers: [{ kind: "keyword", match: "contains", keywords: ["suivi"] }] },
    },
    {
      id: "ask",
      type: "message",
      position: { x: 320, y: 0 },
      data: {
        label: "Greeting",
        content: [{ id: "t", kind: "text", text: "Hello! Where is your parcel?" }],
      },
    },
    {
      id: "bye",
      type: "message",
      position: { x: 640, y: 0 },
      data: { label: "Goodbye", content: [{ id: "b", kind: "text", text: "See you soon." }] },
    },
  ],
  edges: [
    { id: "e1", source: "start", target: "ask" },
    { id: "e2", source: "ask", target: "bye" },
  ],
};

const step = (page: Page, id: string) => page.getByTestId(`node-${id}`);
const saveStatus = (page: Page) => page.getByTestId("save-status");

type Box = { x: number; y: number; width: number; height: number };
function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Neither box overlaps the inspector's tabs, and each tab is what a click at its centre hits. */
async function expectTabsClear(page: Page, notice: Locator) {
  const box = await notice.boundingBox();
  const tabs = await page.getByRole("tablist").first().boundingBox();
  if (!box || !tabs) throw new Error("notice or tabs not on screen");
  expect(overlaps(box, tabs)).toBe(false);
  const sidebar = await page.locator(".sidebar").boundingBox();
  if (!sidebar) throw new Error("no sidebar");
  expect(overlaps(box, sidebar)).toBe(false);
  const hits = await page.getByRole("tab").evaluateAll((tabs) =>
    tabs.map((tab) => {
      const r = tab.getBoundingClientRect();
      const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return hit !== null && tab.contains(hit);
    }),
  );
  expect(hits.length).toBeGreaterThan(3);
  expect(hits.every(Boolean)).toBe(true);
}

describe("version history", () => {
  it("publishes into the list at once, compares side by side and on the canvas, restores and undoes", async () => {
    const { page, url } = h;
    page.setDefaultTimeout(15_000);
    const created = await fetch(`${url}/api/flows`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ flow: PARCELS }),
    });
    expect(created.status).toBe(201);
    await signIn(page, url);
    await page.goto(`${url}/#/flows/parcel-help`);
    await step(page, "ask").waitFor();

    // Not published yet; the versions list says so, and the header has nothing to compare with.
    await page.getByRole("tab", { name: "Versions" }).click();
    await page.getByText("Not published yet.").waitFor();
    expect(await page.getByTestId("draft-differs").count()).toBe(0);

    // Publish: the new version is in the list without a reload.
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await page.getByLabel("What changed? (optional)").fill("First words");
    await page.getByRole("button", { name: "Publish now" }).click();
    const published = page.getByRole("status").filter({ hasText: "Published as version 1." });
    await published.waitFor();
    await expectTabsClear(page, published);
    const list = page.getByRole("list", { name: "Versions" });
    await list.getByText("Version 1").waitFor();
    await list.getByText("First words").waitFor();
    // The success notice leaves by itself (about 4 s).
    await published.waitFor({ state: "detached", timeout: 8_000 });

    // The draft is the live version: no badge. A change of words makes one.
    expect(await page.getByTestId("draft-differs").count()).toBe(0);
    await page.getByRole("tab", { name: "Step", exact: true }).click();
    await step(page, "ask").click();
    await page.getByTestId("field-text").fill("Hello! Where is my parcel now?");
    await page.getByTestId("draft-differs").getByText("Draft differs from live").waitFor();
    // Remove the goodbye, add a delay.
    await step(page, "bye").click();
    await page.keyboard.press("Delete");
    await expect.poll(() => step(page, "bye").count()).toBe(0);
    await page.getByTestId("palette-delay").dragTo(page.locator(".react-flow__pane"), {
      targetPosition: { x: 420, y: 640 },
    });
    await expect.poll(() => page.locator(".react-flow__node").count()).toBe(3);
    await expect.poll(() => saveStatus(page).textContent()).toBe("Saved");

    // Compare: steps by name, texts old | new with the changed words marked.
    await page.getByRole("tab", { name: "Versions" }).click();
    await page.getByRole("button", { name: "Compare" }).click();
    const compare = page.getByRole("region", { name: "Draft compared with version 1" });
    await compare.waitFor();
    await compare.getByText("Added: 1 · Removed: 1 · Changed: 1").waitFor();
    const changed = compare.getByTestId("diff-step-ask");
    await changed.getByRole("button", { name: "Message · Greeting" }).waitFor();
    const row = changed.getByRole("row", { name: /^Text/ });
    expect(await row.locator(".diff-side-old").textContent()).toBe("Hello! Where is your parcel?");
    expect(await row.locator(".diff-side-new").textContent()).toBe(
      "Hello! Where is my parcel now?",
    );
    expect(await row.locator("del").allTextContents()).toEqual(["your"]);
    expect((await row.locator("ins").allTextContents()).join("|")).toBe("my| now");
    // Old and new side by side: the same line, old on the left (read once the panel has settled:
    // on a loaded machine the first measure can come mid-layout).
    const sides = async () => {
      const oldBox = await row.locator(".diff-side-old").boundingBox();
      const newBox = await row.locator(".diff-side-new").boundingBox();
      if (!oldBox || !newBox) return "sides not shown";
      return oldBox.x + oldBox.width <= newBox.x && Math.abs(oldBox.y - newBox.y) < 4
        ? "side by side"
        : `old ${JSON.stringify(oldBox)}, new ${JSON.stringify(newBox)}`;
    };
    await expect.poll(sides).toBe("side by side");
    await compare.getByTestId("diff-step-bye").getByText("Removed").waitFor();
    await compare.getByTestId("diff-step-bye").getByText("See you soon.").waitFor();

    // The canvas: added green, removed (shown back, dashed) red, changed amber, with a legend.
    const banner = page
      .getByRole("status")
      .filter({ hasText: "Comparing the draft with version 1." });
    await banner.getByRole("list", { name: "Legend" }).getByText("Added").waitFor();
    expect(await step(page, "ask").getAttribute("data-change")).toBe("changed");
    expect(await step(page, "bye").getAttribute("data-change")).toBe("removed");
    expect(await step(page, "start").getAttribute("data-change")).toBeNull();
    expect(await page.locator("article.step.diff-added").count()).toBe(1);
    const outline = (id: string) =>
      step(page, id).evaluate((el) => {
        const style = getComputedStyle(el);
        return `${style.outlineStyle} ${style.outlineColor}`;
      });
    expect(await outline("ask")).toBe("solid rgb(232, 161, 0)");
    expect(await outline("bye")).toBe("dashed rgb(217, 45, 32)");
    expect(
      await page
        .locator("article.step.diff-added")
        .evaluate((el) => getComputedStyle(el).outlineColor),
    ).toBe("rgb(31, 157, 85)");
    await page.waitForTimeout(500); // the canvas fits the compared steps in view
    await page.screenshot({ path: join(screenshotsDir, "version-compare.png") });
    // Nothing on screen is the draft being saved.
    expect(await saveStatus(page).count()).toBe(0);
    expect(await page.getByText("Changes not saved yet").count()).toBe(0);

    // Leave compare: the draft is back as it was, outlines gone.
    await banner.getByRole("button", { name: "Leave compare" }).click();
    await expect.poll(() => step(page, "bye").count()).toBe(0);
    expect(await page.locator("article.step[data-change]").count()).toBe(0);
    await expect.poll(() => saveStatus(page).textContent()).toBe("Saved");

    // View version 1: read-only, and never "Changes not saved yet" (past the save's debounce).
    await page.getByRole("button", { name: "View", exact: true }).click();
    await page.getByText("You are looking at version 1 (read-only).").waitFor();
    await step(page, "bye").waitFor();
    await page.waitForTimeout(1_500);
    expect(await page.getByText("Changes not saved yet").count()).toBe(0);
    expect(await page.getByTestId("draft-differs").count()).toBe(0);
    await page.getByRole("button", { name: "Back to the draft" }).click();
    await expect.poll(() => step(page, "bye").count()).toBe(0);
    await page.getByTestId("draft-differs").waitFor();

    // Restore asks first and says it can be undone; Cancel changes nothing.
    await page.getByRole("button", { name: "Restore as draft" }).click();
    const dialog = page.getByRole("dialog", { name: "Restore version 1?" });
    await dialog.getByText(/You can undo this afterwards/).waitFor();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(await step(page, "bye").count()).toBe(0);
    await page.getByRole("button", { name: "Restore as draft" }).click();
    await dialog.getByRole("button", { name: "Restore", exact: true }).click();
    await step(page, "bye").waitFor();
    const restored = page
      .getByRole("status")
      .filter({ hasText: "Version 1 restored as the draft." });
    await restored.waitFor();
    await expectTabsClear(page, restored);
    await expect.poll(() => page.getByTestId("draft-differs").count()).toBe(0);
    // Undo, from the notice: the draft before the restore is back, and saved.
    await restored.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => step(page, "bye").count()).toBe(0);
    await page.getByTestId("draft-differs").waitFor();
    await expect.poll(() => saveStatus(page).textContent()).toBe("Saved");
    await page.reload();
    await step(page, "ask").waitFor();
    expect(await step(page, "bye").count()).toBe(0);
    expect(await step(page, "ask").textContent()).toContain("Hello! Where is my parcel now?");
    await page.getByTestId("draft-differs").waitFor();

    // In French, the header and the compare say it in French.
    await page.locator(".locale-switch select").selectOption("fr");
    await page.getByText("Brouillon différent de la version en ligne").waitFor();
    await page.getByRole("tab", { name: "Versions" }).click();
    await page.getByRole("button", { name: "Comparer" }).click();
    await page.getByText("Comparaison du brouillon avec la version 1.").waitFor();
    await page.getByRole("button", { name: "Quitter la comparaison" }).first().click();
    await page.locator(".locale-switch select").selectOption("en");
    await page.getByRole("tab", { name: "Versions" }).waitFor();
  });

  it("keeps an error until it is closed, by its button or Escape, clear of the tabs", async () => {
    const { page } = h;
    // A message with no text: publishing is refused.
    await page.getByTestId("palette-message").click();
    await expect.poll(() => page.locator("article.step-message.has-error").count()).toBe(1);
    await page.locator(".react-flow__pane").click({ position: { x: 200, y: 16 } });
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    const error = page
      .getByRole("alert")
      .filter({ hasText: /Cannot publish: fix the error in Problems/ });
    await error.waitFor();
    await expectTabsClear(page, error);
    // Well past a success notice's time, it is still there.
    await page.waitForTimeout(6_000);
    expect(await error.isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    await error.waitFor({ state: "detached" });

    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await error.waitFor();
    await error.getByRole("button", { name: "Close" }).click();
    await error.waitFor({ state: "detached" });
  });
});
