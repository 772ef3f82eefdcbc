/**
 * The owner sets a secret for the HTTP steps in the editor: typed once, never shown again, listed
 * with who set it and when, in English and French. A real runtime serving the build, Chromium.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Harness, signIn, startHarness } from "./harness";

const VALUE = "sk_live_e2e_9d8c7b6a5f4e";
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe("the secrets page", () => {
  it("saves a secret write-only, lists who set it, replaces and removes it", async () => {
    const { page, url } = h;
    await signIn(page, url);
    await page.getByRole("link", { name: "Settings" }).click();
    await page
      .getByRole("navigation", { name: "Settings" })
      .getByRole("link", { name: "Secrets" })
      .click();
    await expect.poll(() => page.getByText("No secret yet.").isVisible()).toBe(true);

    // A name is made upper-case as typed; a bad one cannot be saved.
    await page.getByLabel("Name").fill("shop token");
    await expect.poll(() => page.getByLabel("Name").inputValue()).toBe("SHOP_TOKEN");
    await page.getByLabel("Value").fill(VALUE);
    await page.getByLabel("Value").press("Enter");
    await expect.poll(() => page.getByRole("status").textContent()).toBe("SHOP_TOKEN saved.");
    const row = page.getByRole("list", { name: "Secrets" }).getByRole("listitem");
    await expect.poll(() => row.textContent()).toMatch(/SHOP_TOKEN.*Set on .* by admin/);
    expect(await page.getByLabel("Value").inputValue()).toBe("");

    // Never read back: not on the page after a reload, not in the API, not in the database file.
    await page.reload();
    await expect.poll(() => row.count()).toBe(1);
    expect(await page.content()).not.toContain(VALUE);
    const listed = await fetch(`${url}/api/secrets`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(await listed.text()).not.toContain(VALUE);
    expect(readFileSync(join(h.dir, "convo.db")).toString("latin1")).not.toContain(VALUE);

    // In French.
    await page.getByRole("combobox", { name: "Language" }).selectOption("fr");
    await expect.poll(() => row.textContent()).toMatch(/Défini le .* par admin/);
    await page.getByRole("combobox", { name: "Langue" }).selectOption("en");

    // Replacing keeps one secret of that name, with the new value behind it.
    await row.getByRole("button", { name: "Replace" }).click();
    expect(await page.getByLabel("Name").inputValue()).toBe("SHOP_TOKEN");
    await page.getByLabel("Value").fill(`${VALUE}-2`);
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toBe("SHOP_TOKEN saved.");
    expect(await row.count()).toBe(1);

    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByRole("button", { name: "Remove" }).click();
    await expect.poll(() => page.getByText("No secret yet.").isVisible()).toBe(true);
  });
});
