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

  it("changes one's password, which ends the other sessions, and signs out everywhere", async () => {
    const { page } = h;
    const origin = new URL(h.setupLink as string).origin;
    // Another device, signed in with the password as it is.
    const signIn = await fetch(`${h.url}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "olivia@example.com", password: "a long enough password" }),
    });
    const otherDevice = String(signIn.headers.get("set-cookie")).split(";")[0] as string;
    const me = async (cookie: string) =>
      (
        (await (await fetch(`${h.url}/api/auth/me`, { headers: { cookie } })).json()) as {
          person?: { name: string } | null;
        }
      ).person ?? null;
    expect(await me(otherDevice)).toMatchObject({ name: "Olivia" });

    await page.getByLabel("Langue").first().selectOption("en");
    await page.getByRole("link", { name: "My account" }).click();
    await page.getByLabel("Current password").fill("not the password");
    await page.getByLabel("New password").fill("an even longer password");
    await page.getByRole("button", { name: "Change the password" }).click();
    await page.getByRole("alert").getByText("The current password is not right.").waitFor();
    await page.getByLabel("Current password").fill("a long enough password");
    await page.getByRole("button", { name: "Change the password" }).click();
    await page.getByText("Password changed. Your other sessions are signed out.").waitFor();
    expect(await me(otherDevice)).toBeNull();

    // This session stayed; now it ends too, with every other, and the new password signs in.
    await page.reload();
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await page.getByRole("button", { name: "Sign in with e-mail" }).waitFor();
    await page.goto(origin);
    await page.getByLabel("E-mail address").fill("olivia@example.com");
    await page.getByLabel("Password").fill("an even longer password");
    await page.getByRole("button", { name: "Sign in with e-mail" }).click();
    await page.getByRole("heading", { name: "Flows" }).waitFor();
  });
});
