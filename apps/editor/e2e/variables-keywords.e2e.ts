/**
 * Less form-filling, in Chromium against the real runtime: keywords are chips typed with Enter or
 * a comma; a question declares its variable itself (no warning, offered as `{{`); a new condition
 * starts with no rule, and its left side offers the variables the flow has.
 */
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Harness, mouseDrag, signIn, startHarness } from "./harness";

let h: Harness;
beforeAll(async () => {
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

/** A new connection from `from`'s first output dropped beside it, then `type` in the add menu. */
async function addNext(page: Page, from: Locator, type: string) {
  const node = await box(from);
  const out = await box(from.locator(".handle-out").first());
  await mouseDrag(
    page,
    { x: out.x + out.width / 2, y: out.y + out.height / 2 },
    { x: node.x + node.width + 60, y: node.y },
  );
  await page
    .getByRole("menu", { name: "Add a step" })
    .getByRole("menuitem", { name: type, exact: true })
    .click();
}

async function savedDraft(id: string) {
  const response = await fetch(`${h.url}/api/flows/${id}`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  return ((await response.json()) as { flow: { nodes: { type: string; data: unknown }[] } }).flow;
}

describe("variables without bookkeeping", () => {
  it("types keywords as chips, lets a question declare its variable, starts a condition empty", async () => {
    const { page, url } = h;
    page.setDefaultTimeout(15_000);
    await signIn(page, url);
    await page.getByPlaceholder("Name of a new flow").fill("Parcels");
    await page.getByRole("button", { name: "Create flow" }).click();
    await page.getByRole("heading", { name: "Parcels" }).waitFor();
    await expect.poll(() => steps(page).count()).toBe(1);
    await steps(page).first().click();
    await page.keyboard.press("Delete");
    await expect.poll(() => steps(page).count()).toBe(0);
    for (let i = 0; i < 2; i++) await page.locator(".react-flow__controls-zoomout").click();
    await page.getByTestId("palette-trigger").dragTo(page.locator(".react-flow__pane"), {
      targetPosition: { x: 60, y: 60 },
    });
    await expect.poll(() => steps(page).count()).toBe(1);

    // Keywords: a comma and Enter each make a chip; Backspace in the empty field takes one back.
    const keyword = inspector(page).getByLabel("Keyword", { exact: true });
    await keyword.pressSequentially("Colis, suivi,");
    await keyword.pressSequentially("livraison");
    await keyword.press("Enter");
    await keyword.pressSequentially("extra");
    await keyword.press("Enter");
    await keyword.press("Backspace");
    const chips = inspector(page).getByRole("list", { name: "Keywords" }).locator(".chip span");
    // The palette's start step comes with "hello".
    await expect
      .poll(() => chips.allTextContents())
      .toEqual(["hello", "Colis", "suivi", "livraison"]);
    await inspector(page).getByRole("button", { name: "Remove “hello”" }).click();
    await inspector(page).getByRole("button", { name: "Remove “suivi”" }).click();
    await expect.poll(() => chips.allTextContents()).toEqual(["Colis", "livraison"]);

    // A question whose variable nobody declared: no warning, and `{{` offers it.
    await addNext(page, stepOfType(page, "trigger"), "Question");
    await inspector(page).getByLabel("Question", { exact: true }).fill("Your order number?");
    await inspector(page).getByLabel("Variable", { exact: true }).fill("order_number");

    // A new condition has no rule; a variable rule reads the question's variable, offered in a list.
    await addNext(page, stepOfType(page, "input"), "Condition");
    await expect
      .poll(() => inspector(page).getByLabel("Variable", { exact: true }).count())
      .toBe(0);
    await inspector(page).getByRole("button", { name: "+ Variable" }).click();
    const left = inspector(page).getByLabel("Variable", { exact: true });
    await expect.poll(() => left.inputValue()).toBe("order_number");
    const listId = await left.getAttribute("list");
    expect(
      await page
        .locator(`datalist[id="${listId}"] option`)
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual(["order_number"]);

    // Saved: the chips as keywords, the condition reading the variable; nothing undeclared.
    await page.getByTestId("save-status").getByText("Saved", { exact: true }).waitFor();
    const flow = await savedDraft(page.url().split("/").pop() as string);
    const trigger = flow.nodes.find((n) => n.type === "trigger")?.data as Record<string, Json>;
    expect(trigger.triggers[0].keywords).toEqual(["Colis", "livraison"]);
    await page.getByRole("tab", { name: /Problems/ }).click();
    expect(await page.getByText(/is not a variable of this flow/).count()).toBe(0);
  });
});

// biome-ignore lint/suspicious/noExplicitAny: the saved document is read by shape
type Json = any;
