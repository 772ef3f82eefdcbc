/**
 * A marketer's run, end to end in Chromium against the real runtime: draw a lead-capture flow from
 * nothing, test it in the simulator (an invalid answer and its retry included), publish, talk to it
 * in the Messenger sandbox, take the conversation over in live chat, hand it back, and read the
 * counts on the canvas.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, mouseDrag, screenshotsDir, signIn, startHarness } from "./harness";

let h: Harness;

beforeAll(async () => {
  mkdirSync(screenshotsDir, { recursive: true });
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const steps = (page: Page) => page.locator(".react-flow__node");
const stepOfType = (page: Page, type: string) =>
  page.locator(`.react-flow__node:has(article.step-${type})`);
const inspector = (page: Page) => page.locator(".inspector");

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error("element is not visible");
  return b;
}

/**
 * Drops a new connection from one output of `from` on empty canvas beside or below it and picks
 * `type` in the add menu.
 */
async function addNext(
  page: Page,
  from: Locator,
  handle: number,
  type: string,
  where: "below" | "right" | "below-right",
) {
  const node = await box(from);
  const out = await box(from.locator(".handle-out").nth(handle));
  const to =
    where === "below"
      ? { x: node.x + 10, y: node.y + node.height + 40 }
      : where === "right"
        ? { x: node.x + node.width + 60, y: node.y }
        : { x: node.x + node.width + 60, y: node.y + node.height + 60 };
  await mouseDrag(page, { x: out.x + out.width / 2, y: out.y + out.height / 2 }, to);
  await page
    .getByRole("menu", { name: "Add a step" })
    .getByRole("menuitem", { name: type, exact: true })
    .click();
}

const phone = (page: Page, id: string) => page.getByTestId(id);
async function say(page: Page, phoneId: string, text: string) {
  const p = phone(page, phoneId);
  await p.getByLabel("Message", { exact: true }).fill(text);
  await p.getByRole("button", { name: "Send", exact: true }).click();
}
const bubble = (page: Page, phoneId: string, text: string) =>
  phone(page, phoneId).locator(".bubble.bot", { hasText: text });

const QUESTION = "What's your email address?";
const RETRY = "That doesn't look like an email. Try again?";
// The contact's name, with a fallback: Sam Sandbox, in the simulator and the sandbox alike.
const COLLEAGUE = "Welcome, {{contact.first_name|colleague}}! Your code is TEAM10.";
const COLLEAGUE_SAID = "Welcome, Sam! Your code is TEAM10.";
const OTHERS = "Thanks! Your code is SAVE10.";

describe("test before publishing", () => {
  it("draws, simulates, publishes, talks in the sandbox, hands over and counts", async () => {
    const { page, url } = h;
    // The machine is shared: give the runtime and the debounces room before a wait gives up.
    page.setDefaultTimeout(15_000);
    try {
      await run(page, url);
    } catch (error) {
      await page.screenshot({ path: join(h.dir, "..", "convo-e2e-failure.png") }).catch(() => {});
      throw error;
    }
  });
});

async function run(page: Page, url: string) {
  await signIn(page, url);

  // ── Draw a lead-capture flow from nothing ──
  await page.getByPlaceholder("Name of a new flow").fill("Newsletter leads");
  await page.getByRole("button", { name: "Create flow" }).click();
  await page.getByRole("heading", { name: "Newsletter leads" }).waitFor();
  await expect.poll(() => steps(page).count()).toBe(1);
  await steps(page).first().click();
  await page.keyboard.press("Delete");
  await expect.poll(() => steps(page).count()).toBe(0);

  // Room for five steps: zoom out before drawing.
  for (let i = 0; i < 3; i++) await page.locator(".react-flow__controls-zoomout").click();
  await page.getByTestId("palette-trigger").dragTo(page.locator(".react-flow__pane"), {
    targetPosition: { x: 60, y: 40 },
  });
  await expect.poll(() => steps(page).count()).toBe(1);
  await inspector(page).getByLabel("Keyword", { exact: true }).fill("newsletter");

  await addNext(page, stepOfType(page, "trigger"), 0, "Question", "below");
  await inspector(page).getByLabel("Question", { exact: true }).fill(QUESTION);
  await inspector(page).getByLabel("Variable", { exact: true }).fill("email");
  await inspector(page)
    .getByLabel("Expected answer", { exact: true })
    .selectOption({ label: "Email" });
  await inspector(page)
    .getByLabel("Said when the answer is not valid", { exact: true })
    .fill(RETRY);

  await addNext(page, stepOfType(page, "input"), 0, "Condition", "right");
  // A new condition has no rule: the variable rule offers the question's variable first.
  await inspector(page).getByRole("button", { name: "+ Variable" }).click();
  await inspector(page).getByLabel("Variable", { exact: true }).fill("email");
  await inspector(page).getByLabel("Test", { exact: true }).selectOption({ label: "contains" });
  await inspector(page).getByLabel("Value", { exact: true }).fill("@example.com");

  await addNext(page, stepOfType(page, "condition"), 0, "Message", "right");
  // Typing {{ offers the variables, and says how to give one a fallback.
  await page.getByTestId("field-text").fill("");
  await page.getByTestId("field-text").pressSequentially("Welcome, {{con");
  await inspector(page).getByRole("option", { name: "{{contact.first_name}}" }).waitFor();
  await inspector(page)
    .getByTestId("fallback-hint")
    .getByText("{{contact.first_name|there}} shows “there” when it is empty.")
    .waitFor();
  await page.getByTestId("field-text").fill(COLLEAGUE);
  await addNext(page, stepOfType(page, "condition"), 1, "Message", "below-right");
  await page.getByTestId("field-text").fill(OTHERS);
  await expect.poll(() => steps(page).count()).toBe(5);
  await expect.poll(() => page.locator(".react-flow__edge").count()).toBe(4);

  // ── The simulator, on the unpublished draft (opened with R) ──
  await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
  await page.keyboard.press("r");
  const sim = "simulator-phone";
  await phone(page, sim).waitFor();
  await say(page, sim, "newsletter please");
  await bubble(page, sim, QUESTION).waitFor();
  // The canvas rings the step the conversation is at.
  await page
    .locator(".react-flow__node:has(article.step-input) [data-testid=sim-active]")
    .waitFor();
  await say(page, sim, "ada at example dot com");
  await bubble(page, sim, RETRY).waitFor();
  await say(page, sim, "ada@example.com");
  await bubble(page, sim, COLLEAGUE_SAID).waitFor();
  await page.getByTestId("sim-variables").getByText("ada@example.com").waitFor();
  await page.screenshot({ path: join(screenshotsDir, "simulator.png") });

  // Step back one turn, and take the other branch.
  await page.getByRole("button", { name: "Step back" }).click();
  await expect.poll(() => bubble(page, sim, COLLEAGUE_SAID).count()).toBe(0);
  await say(page, sim, "zoe@shop.fr");
  await bubble(page, sim, OTHERS).waitFor();

  // ── Publish ──
  await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("Saved");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page.getByRole("button", { name: "Publish now" }).click();
  await page.getByText("Published as version 1.").waitFor();

  // ── The Messenger sandbox: the published flow through the real runtime ──
  await page.getByRole("tab", { name: "Sandbox (published)" }).click();
  const box1 = "sandbox-phone";
  await phone(page, box1).waitFor();
  // Before the first message: what the sandbox talks to, and how to begin.
  await phone(page, box1)
    .getByText("This talks to the published flows, not the draft on the canvas", { exact: false })
    .waitFor();
  await say(page, box1, "newsletter please");
  await bubble(page, box1, QUESTION).waitFor();
  await say(page, box1, "ada at example dot com");
  await bubble(page, box1, RETRY).waitFor();
  await say(page, box1, "ada@example.com");
  await bubble(page, box1, COLLEAGUE_SAID).waitFor();
  // Beside the phone, the contact as the published flow sees it, as in the simulator.
  const sandboxState = page.locator(".sandbox-tab .test-state");
  await sandboxState.getByTestId("sim-variables").getByText("ada@example.com").waitFor();
  await sandboxState.getByText("Sam Sandbox").first().waitFor();
  await page.screenshot({ path: join(screenshotsDir, "sandbox.png") });

  // Docked beside the step panel: a step can be edited while the phone stays in view.
  await page.getByRole("button", { name: "Dock", exact: true }).click();
  await stepOfType(page, "message").first().click();
  await inspector(page).getByTestId("field-text").waitFor();
  const panelBox = await box(page.locator(".test-panel"));
  const inspectorBox = await box(page.locator(".sidebar"));
  expect(panelBox.x + panelBox.width).toBeLessThanOrEqual(inspectorBox.x + 1);
  await phone(page, box1).getByText(COLLEAGUE_SAID).waitFor();
  // Remembered: the panel opens docked next time.
  await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
  await page.keyboard.press("r");
  await page.keyboard.press("r");
  await expect
    .poll(() =>
      page.getByRole("button", { name: "Dock", exact: true }).getAttribute("aria-pressed"),
    )
    .toBe("true");
  const psid = (await page.locator(".sandbox-contact").textContent())?.replace(/^as /, "");
  if (!psid) throw new Error("no sandbox contact");

  // ── Live chat: take the conversation over, answer as a person, hand it back ──
  await page.goto(`${url}/#/`);
  await page.getByRole("link", { name: "Live chat" }).click();
  // Live chat opens on the inbox's queue; the sandbox contact has not asked for a person.
  await page.getByRole("button", { name: "All contacts" }).click();
  await page.getByRole("link", { name: new RegExp(psid) }).click();
  await page.getByTestId("bot-state").getByText("Bot active").waitFor();
  await page.getByRole("button", { name: "Pause the bot" }).click();
  await page.getByTestId("bot-state").getByText("Bot paused").waitFor();
  await page.getByLabel("Reply as a person").fill("Hi Ada, Alex from the shop here.");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await page.locator(".transcript-line.author-agent", { hasText: "Alex from the shop" }).waitFor();
  await page.locator(".transcript-line.author-contact", { hasText: "ada@example.com" }).waitFor();
  await page.screenshot({ path: join(screenshotsDir, "live-chat.png") });
  // Paused by a person, the contact waits in the inbox: resolving hands it back to the bot.
  await page.getByRole("button", { name: "Resolve (the bot answers again)" }).click();
  await page.getByTestId("bot-state").getByText("Bot active").waitFor();

  // ── The counts on the canvas ──
  await page.goto(`${url}/#/`);
  await page.getByRole("link", { name: "Newsletter leads" }).click();
  await expect.poll(() => steps(page).count()).toBe(5);
  // The sandbox contact's answer from the person reached Messenger too.
  await page.getByRole("button", { name: "Test", exact: true }).click();
  await page.getByRole("tab", { name: "Sandbox (published)" }).click();
  await page
    .getByTestId(box1)
    .locator(".bubble-row.agent", { hasText: "Alex from the shop" })
    .waitFor();
  await page.getByRole("button", { name: "Close the test panel" }).click();

  await page.getByRole("button", { name: "Analytics", exact: true }).click();
  const badge = (type: string) => stepOfType(page, type).locator("[data-testid^=stats-]").first();
  await expect.poll(() => badge("trigger").textContent()).toContain("1 entered");
  await expect.poll(() => badge("input").textContent()).toContain("1 entered");
  await expect.poll(() => badge("condition").textContent()).toContain("1 entered");
  // One contact took the "@example.com" branch, nobody the other.
  const condition = stepOfType(page, "condition");
  await expect
    .poll(() => condition.locator(".analytics-handle").allTextContents())
    .toEqual(["1", "0"]);
  await page.screenshot({ path: join(screenshotsDir, "analytics.png") });
}
