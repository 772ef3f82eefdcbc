/**
 * The simulator plays a flow as each channel shows it: the seeded support flow on Messenger, then
 * on WhatsApp, where a link button beside a reply button becomes a line of the text and the
 * phone looks like WhatsApp. A real runtime serving the build, Chromium.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, signIn, startHarness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const phone = (page: Page) => page.getByTestId("simulator-phone");
async function say(page: Page, text: string) {
  await phone(page).getByLabel("Message", { exact: true }).fill(text);
  await phone(page).getByRole("button", { name: "Send", exact: true }).click();
}
const returns = (page: Page) =>
  phone(page).locator(".bubble.bot", { hasText: "You can return any item within 30 days" });

describe("the simulator's channel", () => {
  it("shows the same step as Messenger and as WhatsApp show it", async () => {
    const { page, url } = h;
    await signIn(page, url);
    await page.goto(`${url}/#/flows/support`);
    await page.locator(".react-flow__node").first().waitFor();
    await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
    await page.keyboard.press("r");
    await phone(page).waitFor();
    expect(await phone(page).getAttribute("data-channel")).toBe("messenger");

    await say(page, "support");
    await phone(page).getByRole("button", { name: "Returns" }).click();
    await returns(page).waitFor();
    // Messenger: a button template with a link button and a postback button.
    expect(await returns(page).locator(".bubble-buttons > *").allTextContents()).toEqual([
      "Start a return",
      "Talk to a human",
    ]);

    // WhatsApp: switching starts again; the link is a line of the text, one reply button left.
    await page.getByRole("combobox", { name: "Channel" }).selectOption("whatsapp");
    await expect.poll(() => phone(page).getAttribute("data-channel")).toBe("whatsapp");
    await expect.poll(() => returns(page).count()).toBe(0);
    await say(page, "support");
    await phone(page).getByRole("button", { name: "Returns" }).click();
    await returns(page).waitFor();
    expect(await returns(page).locator(".bubble-buttons > *").allTextContents()).toEqual([
      "Talk to a human",
    ]);
    expect(await returns(page).locator("p").textContent()).toContain("Start a return");
    expect(await phone(page).locator(".phone-channel").textContent()).toBe("WhatsApp");

    // The choice is in French too.
    await page.getByRole("combobox", { name: "Language" }).selectOption("fr");
    await page.getByRole("combobox", { name: "Canal" }).waitFor();
    await page.getByRole("combobox", { name: "Langue", exact: true }).selectOption("en");
  });

  it("draws the steps as the chosen channel shows them", async () => {
    const { page, url } = h;
    await page.goto(`${url}/#/flows/support`);
    const returnsStep = page.locator('.react-flow__node[data-id="returns"]');
    const menu = page.locator('.react-flow__node[data-id="menu"]');
    await returnsStep.waitFor();
    const drawnFor = page.getByRole("combobox", { name: "Steps as on" });
    await drawnFor.selectOption("messenger");

    // Messenger: a button template (a link and a reply), the menu's quick replies as pills.
    await expect
      .poll(() => returnsStep.locator(".m-button").allTextContents())
      .toEqual(["↗ Start a return", "Talk to a human"]);
    await expect.poll(() => menu.locator(".m-quick-reply").count()).toBe(3);

    // WhatsApp, the test panel's channel too: the link is a line of the text, one reply button;
    // the quick replies are reply buttons under the bubble.
    await drawnFor.selectOption("whatsapp");
    await returnsStep.locator(".m-whatsapp").waitFor();
    expect(await returnsStep.locator(".m-button").allTextContents()).toEqual(["Talk to a human"]);
    expect(await returnsStep.locator(".m-wa-line").textContent()).toMatch(
      /^Start a return: https:/,
    );
    expect(await menu.locator(".m-quick-reply").count()).toBe(0);
    expect(await menu.locator(".m-wa-replies .m-button").count()).toBe(3);
    // The test panel stays open from the last test, playing the same channel.
    await expect.poll(() => phone(page).getAttribute("data-channel")).toBe("whatsapp");
    await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
    await page.keyboard.press("r");
    await expect.poll(() => phone(page).count()).toBe(0);

    // Four choices: a list behind its button on WhatsApp, drawn open.
    await menu.click();
    const inspector = page.locator(".inspector");
    await inspector.getByRole("button", { name: "+ Quick reply" }).click();
    await inspector.getByLabel("Title", { exact: true }).last().fill("Opening hours of our shops");
    await menu.locator(".m-wa-list .m-wa-list-button").waitFor();
    await expect
      .poll(() => menu.locator(".m-wa-row").allTextContents())
      .toContain("Opening hours of our shops");
    expect(await menu.locator(".m-wa-row").count()).toBe(4);
    // Over a list row's 24 characters: marked, as the lint refuses it.
    expect(await menu.locator(".m-wa-row.over").allTextContents()).toEqual([
      "Opening hours of our shops",
    ]);
    // The interface in French while that change is not saved yet: nothing of it is lost.
    expect(await page.getByTestId("save-status").textContent()).not.toBe("Saved");
    await page.getByRole("combobox", { name: "Language" }).selectOption("fr");
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("Enregistré");
    expect(await menu.locator(".m-wa-row").count()).toBe(4);
    await page.getByRole("combobox", { name: "Étapes comme sur" }).selectOption("messenger");
    await expect.poll(() => menu.locator(".m-quick-reply").count()).toBe(4);
    await page.getByRole("combobox", { name: "Langue", exact: true }).selectOption("en");
  });
});
