import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Harness, startHarness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe("people sign in with e-mail and password", () => {
  it("the owner's first run from the setup link, then signing out and in again", async () => {
    const { page } = h;
    expect(h.setupLink).toMatch(/\/setup#token=/);
    await page.goto(h.setupLink as string);
    await page.getByLabel("Your name").fill("Olivia");
    await page.getByLabel("E-mail address").fill("olivia@example.com");
    await page.getByLabel("Password").fill("a long enough password");
    await page.getByRole("button", { name: "Create the owner's account" }).click();
    await page.getByRole("heading", { name: "Flows" }).waitFor();
    expect(page.url()).not.toContain("token");

    // The session is a cookie: a reload stays signed in, and a change carries the CSRF token.
    await page.reload();
    await page.getByRole("heading", { name: "Flows" }).waitFor();
    await page.getByPlaceholder("Name of a new flow").fill("Made by Olivia");
    await page.getByRole("button", { name: "Create flow" }).click();
    const audit = async () => {
      const answer = await fetch(`${h.url}/api/audit?action=flow.create`, {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      return ((await answer.json()) as { entries: { actor: { name: string } }[] }).entries;
    };
    await expect.poll(async () => (await audit())[0]?.actor.name).toBe("Olivia");

    // The setup link's origin (localhost): the cookie is that origin's.
    await page.goto(new URL(h.setupLink as string).origin);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("Language").first().selectOption("fr");
    await page.getByRole("button", { name: "Se connecter par e-mail" }).waitFor();
    await page.getByLabel("Adresse e-mail").fill("olivia@example.com");
    await page.getByLabel("Mot de passe").fill("not the password");
    await page.getByRole("button", { name: "Se connecter par e-mail" }).click();
    await page.getByText("Adresse e-mail ou mot de passe incorrect.").waitFor();
    await page.getByLabel("Mot de passe").fill("a long enough password");
    await page.getByRole("button", { name: "Se connecter par e-mail" }).click();
    await page.getByRole("heading", { name: "Scénarios" }).waitFor();
  });
});
