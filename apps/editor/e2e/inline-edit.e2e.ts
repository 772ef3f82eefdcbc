/**
 * Writing on the canvas: a double-click on a message's text or a button's title edits it where it
 * is drawn, with the channel's limit counted, one undo step; in the canvas's other language it is
 * the translation that is written. A real runtime serving the build, Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Harness, signIn, startHarness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

async function savedStep(id: string) {
  const answer = await fetch(`${h.url}/api/flows/support`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  const { flow } = (await answer.json()) as {
    flow: { nodes: { id: string; data: Record<string, unknown> }[] };
  };
  return flow.nodes.find((n) => n.id === id)?.data;
}

describe("writing on the canvas", () => {
  it("edits a text and a title in place, counts the limit, undoes in one step", async () => {
    const { page, url } = h;
    await signIn(page, url);
    await page.goto(`${url}/#/flows/support`);
    const returns = page.locator('.react-flow__node[data-id="returns"]');
    await returns.waitFor();

    // The message's text: typed where it is drawn, Enter keeps it.
    await returns.locator(".m-bubble").dblclick();
    const field = page.getByRole("textbox", { name: /^Text of the step/ });
    await field.fill("Returns are free for 30 days.");
    await expect.poll(() => page.locator(".inline-edit .counter").textContent()).toBe("29 / 640");
    await field.press("Enter");
    await expect.poll(() => field.count()).toBe(0);
    await returns.locator(".m-bubble", { hasText: "Returns are free for 30 days." }).waitFor();
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("Saved");
    const data = (await savedStep("returns")) as { content: { text: string }[] };
    expect(data.content[0]?.text).toBe("Returns are free for 30 days.");

    // A button's title past Messenger's 20 characters is marked; Escape leaves it as it was.
    await returns.locator(".m-button").last().dblclick();
    await field.fill("Talk to a human being, please");
    expect(await page.locator(".inline-edit .counter.over").textContent()).toBe("29 / 20");
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    await field.press("Escape");
    await expect
      .poll(() => returns.locator(".m-button").last().textContent())
      .toBe("Talk to a human");

    // Undo takes the text back in one step.
    await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
    await page.keyboard.press("Control+z");
    await returns.locator(".m-bubble", { hasText: "You can return any item" }).waitFor();
  });

  it("writes the translation when the canvas shows another language", async () => {
    const { page } = h;
    const menu = page.locator('.react-flow__node[data-id="menu"]');
    await page.getByLabel("Texts in").selectOption("fr");
    const reply = menu.locator(".m-quick-reply").first();
    const french = (await reply.textContent()) ?? "";
    await reply.dblclick();
    const field = page.getByRole("textbox", {
      name: "Text of the step in fr (Enter keeps it, Escape leaves it)",
    });
    expect(await field.inputValue()).toBe(french);
    await field.fill("Délais de livraison");
    await field.press("Enter");
    await menu.locator(".m-quick-reply", { hasText: "Délais de livraison" }).waitFor();
    await page.getByLabel("Texts in").selectOption("en");
    await menu.locator(".m-quick-reply", { hasText: "Delivery times" }).waitFor();
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("Saved");
    const data = (await savedStep("menu")) as {
      quickReplies: { title: string; translations?: Record<string, { title: string }> }[];
    };
    expect(data.quickReplies[0]?.title).toBe("Delivery times");
    expect(data.quickReplies[0]?.translations?.fr?.title).toBe("Délais de livraison");
  });
});
