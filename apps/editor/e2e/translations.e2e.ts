/**
 * A flow in two languages, in Chromium against the real runtime: the seeded order-tracking example
 * shows its French texts beside the English ones in the inspector and, switched, on the canvas; a
 * translation typed there is what the simulator's French contact reads, and the tester switches
 * the contact's locale.
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

describe("a flow in two languages", () => {
  it("edits a step's French text beside the English one and tests it as a French contact", async () => {
    const { page, url } = h;
    await signIn(page, url);
    await page.goto(`${url}/#/flows/order-tracking`);
    const ask = page.locator('.react-flow__node[data-id="ask-number"]');
    await ask.waitFor();
    await ask.click();
    const inspector = page.locator(".inspector");
    const question = inspector.getByTestId("translation-fr-ask-number-question");
    await expect
      .poll(() => question.inputValue())
      .toBe("Bien sûr ! Quel est votre numéro de commande ? Il ressemble à A12345.");
    await question.fill("Votre numéro de commande, {{contact.first_name}} ?");

    // The canvas in French: the translated texts; a step missing one is marked, its text greyed.
    await page.getByLabel("Texts in").selectOption("fr");
    await ask.getByText("Votre numéro de commande, {{contact.first_name}} ?").waitFor();
    const retry = inspector.getByTestId("translation-fr-ask-number-retryText");
    await retry.fill("");
    await page.getByTestId("untranslated-ask-number").getByText("fr ∅ 1").waitFor();
    await inspector.getByRole("button", { name: "Copy default to missing" }).click();
    await expect.poll(() => retry.inputValue()).toContain("doesn't look like an order number");
    await expect.poll(() => page.getByTestId("untranslated-ask-number").count()).toBe(0);

    // A translator's file: downloaded, then put back with one text changed and one stale row.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      inspector.getByRole("button", { name: "CSV for a translator (fr)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("order-tracking.fr.csv");
    await inspector.getByTestId("translations-upload").setInputFiles({
      name: "order-tracking.fr.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "\uFEFFid,field,en,fr\r\nsay-delivered/text/problem,title,Report a problem,Un souci ?\r\ngone/x,title,Old,Vieux\r\n",
      ),
    });
    await inspector.getByRole("status").getByText("1 fr text changed; 1 row not applied").waitFor();
    await page
      .locator('.react-flow__node[data-id="say-delivered"]')
      .getByText("Un souci ?")
      .first()
      .waitFor();
    await page.getByLabel("Texts in").selectOption("en");
    await ask.getByText("Sure! What's your order number?").waitFor();

    // The simulator (R), as a French contact.
    await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
    await page.keyboard.press("r");
    const sim = page.getByTestId("simulator-phone");
    await sim.waitFor();
    await page.getByLabel("Contact's locale").selectOption("fr_FR");
    const say = async (text: string) => {
      await sim.getByLabel("Message", { exact: true }).fill(text);
      await sim.getByRole("button", { name: "Send", exact: true }).click();
    };
    await say("colis");
    await sim.locator(".bubble.bot", { hasText: "Votre numéro de commande, Sam ?" }).waitFor();

    // Another locale restarts the conversation in its language; one the flow lacks gets English.
    await page.getByLabel("Contact's locale").selectOption("de_DE");
    await say("order");
    await sim.locator(".bubble.bot", { hasText: "Sure! What's your order number?" }).waitFor();
    await expect
      .poll(() => sim.locator(".bubble.bot", { hasText: "Votre numéro" }).count())
      .toBe(0);
  });

  it("gives a trigger its French keywords as chips, and the simulator's French contact starts the flow with one", async () => {
    const { page, url } = h;
    await page.goto(`${url}/#/flows/order-tracking`);
    const start = page.locator('.react-flow__node[data-id="start"]');
    await start.waitFor();
    await start.click();
    const inspector = page.locator(".inspector");
    const french = inspector.getByRole("list", { name: "Keywords in fr" });
    await expect
      .poll(() => french.getByRole("listitem").allTextContents())
      .toEqual(["commande×", "colis×", "livraison×"]);
    await inspector.getByLabel("Keyword in fr").fill("suivi");
    await inspector.getByLabel("Keyword in fr").press("Enter");
    await expect.poll(() => french.getByRole("listitem").count()).toBe(4);
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("Saved");

    // The test panel stays open from the last visit (R would close it).
    const sim = page.getByTestId("simulator-phone");
    if (!(await sim.isVisible())) {
      await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
      await page.keyboard.press("r");
    }
    await sim.waitFor();
    await page.getByLabel("Contact's locale").selectOption("fr_FR");
    await sim.getByLabel("Message", { exact: true }).fill("suivi");
    await sim.getByRole("button", { name: "Send", exact: true }).click();
    await sim.locator(".bubble.bot", { hasText: "Votre numéro de commande" }).waitFor();
  });

  it("gives a message step its WhatsApp template, its parameters and the French one", async () => {
    const { page, url } = h;
    await page.goto(`${url}/#/flows/order-tracking`);
    const shipped = page.locator('.react-flow__node[data-id="say-shipped"]');
    await shipped.waitFor();
    // The test panel, left open by the last test, would cover the step (R closes it).
    if (await page.getByTestId("simulator-phone").isVisible()) {
      await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
      await page.keyboard.press("r");
      await expect.poll(() => page.getByTestId("simulator-phone").count()).toBe(0);
    }
    await shipped.click();
    const inspector = page.locator(".inspector");
    const template = inspector.getByRole("group", { name: "WhatsApp template" });
    await template
      .getByLabel("Outside WhatsApp's 24-hour window, send an approved template instead")
      .check();
    // The language follows the flow's first one; a name WhatsApp would refuse is a problem.
    await expect
      .poll(() => template.getByLabel("Template language code").inputValue())
      .toBe("en_US");
    await template.getByLabel("Template name").fill("Order Update");
    await template
      .getByRole("alert")
      .getByText("WhatsApp names templates in lowercase letters, digits and _ only")
      .waitFor();
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("Not saved");
    await template.getByLabel("Template name").fill("order_update");
    await expect.poll(() => template.getByRole("alert").count()).toBe(0);

    // {{1}} is a variable, the same in every language; {{2}} is words, given again in French.
    await template.getByRole("button", { name: "+ Parameter" }).click();
    await template.getByLabel("Value of {{1}}", { exact: true }).fill("{{order.number}}");
    await template.getByRole("button", { name: "+ Parameter" }).click();
    await template.getByLabel("Value of {{2}}", { exact: true }).fill("tomorrow");
    await template.getByLabel("Value of {{2}} in fr (if it is words)").fill("demain");
    // The French contact gets the template's approved French translation.
    await inspector
      .locator('[data-testid^="translation-fr-say-shipped"][data-testid$="-language"]')
      .fill("fr");
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("Saved");

    const saved = async () => {
      const draft = await fetch(`${url}/api/flows/order-tracking`, {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      const { flow } = (await draft.json()) as {
        flow: { nodes: { id: string; data: { whatsappTemplate?: unknown } }[] };
      };
      return flow.nodes.find((n) => n.id === "say-shipped")?.data.whatsappTemplate;
    };
    expect(await saved()).toEqual({
      name: "order_update",
      language: "en_US",
      parameters: ["{{order.number}}", "tomorrow"],
      translations: { fr: { language: "fr", parameters: ["{{order.number}}", "demain"] } },
    });

    // Unticked, the step sends its messages only; the template is gone from the draft.
    await template
      .getByLabel("Outside WhatsApp's 24-hour window, send an approved template instead")
      .uncheck();
    await expect.poll(() => template.getByLabel("Template name").count()).toBe(0);
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("Saved");
    expect(await saved()).toBeUndefined();
  });
});
