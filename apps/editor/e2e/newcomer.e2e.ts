/**
 * A newcomer's first minutes, in a French browser against a fresh runtime: the owner's account
 * from the set-up link, a flow of their own drawn on the canvas that answers "colis", published,
 * then the sandbox, where their flow answers them. Everything in French, as the browser is.
 */
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Harness, mouseDrag, startHarness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({}, { locale: "fr-FR" });
});
afterAll(async () => {
  await h?.stop();
});

const inspector = (page: Page) => page.locator(".inspector");

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error("not on screen");
  return found;
}

describe("a newcomer's first flow", () => {
  it("signs up, draws a “colis” flow, publishes it and talks to it in the sandbox, in French", async () => {
    const { page } = h;
    page.setDefaultTimeout(15_000);
    await page.goto(h.setupLink as string);
    await page.getByLabel("Votre nom").fill("Camille");
    await page.getByLabel("Adresse e-mail").fill("camille@example.fr");
    await page.getByLabel("Mot de passe").fill("un mot de passe assez long");
    await page.getByRole("button", { name: "Créer le compte du propriétaire" }).click();
    await page.getByRole("heading", { name: "Scénarios" }).waitFor();

    // Their own flow: a start step that answers "colis", then a message.
    await page.getByPlaceholder("Nom du nouveau scénario").fill("Mes colis");
    await page.getByRole("button", { name: "Créer", exact: true }).click();
    await page.getByRole("heading", { name: "Mes colis" }).waitFor();
    // Made in French, the flow's language is French.
    const made = await fetch(`${h.url}/api/flows/mes-colis`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(((await made.json()) as { flow: { languages: string[] } }).flow.languages).toEqual([
      "fr",
    ]);
    const start = page.locator(".react-flow__node").first();
    await start.click();
    await inspector(page).getByRole("button", { name: "+ Mots-clés" }).click();
    const keyword = inspector(page).getByLabel("Mot-clé", { exact: true });
    await keyword.fill("colis");
    await keyword.press("Enter");
    const node = await box(start);
    const out = await box(start.locator(".handle-out").first());
    await mouseDrag(
      page,
      { x: out.x + out.width / 2, y: out.y + out.height / 2 },
      { x: node.x + node.width + 80, y: node.y },
    );
    await page
      .getByRole("menu", { name: "Ajouter une étape" })
      .getByRole("menuitem", { name: "Message", exact: true })
      .click();
    await inspector(page).getByLabel("Texte", { exact: true }).fill("Votre colis arrive demain !");
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("Enregistré");

    // Published: the seeded order tracking, which also knows "colis", is paused, so no clash.
    await page.getByRole("button", { name: "Publier", exact: true }).click();
    await page.getByRole("button", { name: "Publier maintenant" }).click();
    await page
      .getByRole("status")
      .getByText(/publié/i)
      .first()
      .waitFor();

    // The sandbox talks to the published flows, as a customer would.
    await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
    await page.keyboard.press("r");
    await page.getByRole("tab", { name: "Bac à sable (publié)" }).click();
    const phone = page.getByTestId("sandbox-phone");
    await phone.getByLabel("Message", { exact: true }).fill("Où est mon colis ?");
    await phone.getByRole("button", { name: "Envoyer", exact: true }).click();
    await phone.locator(".bubble.bot", { hasText: "Votre colis arrive demain !" }).waitFor();
  });
});
