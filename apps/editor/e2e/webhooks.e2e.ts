/**
 * The owner manages the endpoints of events out in the settings, in Chromium against a real
 * runtime: none yet, a refused address, one added with its events (its signing secret shown once,
 * copied), listed after a reload without the secret, in French, and removed once confirmed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Harness, signIn, startHarness } from "./harness";

/** A public address (no name to resolve); nothing is delivered to it in this test. */
const URL = "https://93.184.215.14/convo";
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const listed = async () => {
  const response = await fetch(`${h.url}/api/webhooks/endpoints`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  return {
    text: await response.clone().text(),
    json: (await response.json()) as { endpoints: { url: string; events: string[] }[] },
  };
};

describe("the events out settings", () => {
  it("adds an endpoint with its events and secret shown once, lists it, and removes it", async () => {
    const { page, url } = h;
    await h.context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: new globalThis.URL(url).origin,
    });
    await signIn(page, url);
    await page.getByRole("link", { name: "Settings" }).click();
    await page
      .getByRole("navigation", { name: "Settings" })
      .getByRole("link", { name: "Events out" })
      .click();
    await page.getByText("No endpoint yet.").waitFor();
    const form = page.getByRole("form", { name: "A new endpoint" });
    const add = form.getByRole("button", { name: "Add the endpoint" });
    // Nothing to add without an address and at least one event.
    expect(await add.isDisabled()).toBe(true);

    // A private address is refused, in words.
    await form.getByLabel("Address (https)").fill("https://10.0.0.7/hook");
    await form.getByLabel(/contact\.tagged/).check();
    await add.click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("This is not a web address the runtime can call");
    expect((await listed()).json.endpoints).toEqual([]);

    // Added: the secret is shown once, to copy.
    await form.getByLabel("Address (https)").fill(URL);
    await form.getByLabel(/handover\.ended/).check();
    await add.click();
    await expect
      .poll(() => page.getByTestId("shown-once").textContent())
      .toContain(`The signing secret of ${URL}: copy it now`);
    const secret = await page.getByLabel("The signing secret").inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole("button", { name: "Copy" }).click();
    await page.getByText("Copied.").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    const endpoints = page.getByRole("list", { name: "Endpoints" });
    await expect.poll(() => endpoints.textContent()).toContain(URL);
    expect(await endpoints.textContent()).toMatch(/contact\.tagged, handover\.ended.*Added /);
    const api = await listed();
    expect(api.json.endpoints).toEqual([
      expect.objectContaining({ url: URL, events: ["contact.tagged", "handover.ended"] }),
    ]);
    expect(api.text).not.toContain(secret);

    // After a reload the secret is gone; "every event" takes the place of the checklist.
    await page.reload();
    await expect.poll(() => endpoints.textContent()).toContain(URL);
    expect(await page.content()).not.toContain(secret);
    await form.getByLabel(/Every event/).check();
    expect(await form.getByLabel(/message\.failed/).isChecked()).toBe(true);
    expect(await form.getByLabel(/message\.failed/).isDisabled()).toBe(true);

    // In French.
    await page.getByRole("combobox", { name: "Language" }).selectOption("fr");
    await page.getByRole("heading", { name: "Événements sortants" }).waitFor();
    await expect
      .poll(() => page.getByRole("list", { name: "Points d’accès" }).textContent())
      .toMatch(/Ajouté le /);
    await page.getByRole("combobox", { name: "Langue" }).selectOption("en");

    // Removed once confirmed: dismissing the question keeps it.
    page.once("dialog", (dialog) => void dialog.dismiss());
    await endpoints.getByRole("button", { name: "Remove" }).click();
    expect((await listed()).json.endpoints).toHaveLength(1);
    page.once("dialog", (dialog) => {
      expect(dialog.message()).toContain(`Remove ${URL}?`);
      void dialog.accept();
    });
    await endpoints.getByRole("button", { name: "Remove" }).click();
    await page.getByText(`${URL} removed.`).waitFor();
    await page.getByText("No endpoint yet.").waitFor();
    expect((await listed()).json.endpoints).toEqual([]);
  });
});
