/**
 * The owner sets the AI provider in the editor's settings: URL and model shown, the key typed
 * once and never shown again, in English and French; the runtime then asks that provider (an AI
 * emulator standing in for the brand's). A real runtime serving the build, Chromium.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Harness, signIn, startHarness } from "./harness";

interface AiEmulator {
  baseUrl: string;
  apiKey: string;
  calls: readonly { task: string; question: string }[];
  close(): Promise<void>;
}

let h: Harness;
let ai: AiEmulator;

beforeAll(async () => {
  // By name, as the harness loads the runtime: its Node sources are not type-checked here.
  const name = "@convo/runtime";
  const runtime = (await import(name)) as { startAiEmulator(): Promise<AiEmulator> };
  ai = await runtime.startAiEmulator();
  // The emulator listens on 127.0.0.1, as a model hosted on the brand's own network would.
  h = await startHarness({ CONVO_ALLOW_PRIVATE_HTTP: "1" });
});
afterAll(async () => {
  await h?.stop();
  await ai?.close();
});

describe("the AI provider page", () => {
  it("saves the provider with a write-only key, and AI steps ask it", async () => {
    const { page, url } = h;
    await signIn(page, url);
    await page.getByRole("link", { name: "Settings" }).click();
    await page
      .getByRole("navigation", { name: "Settings" })
      .getByRole("link", { name: "AI provider" })
      .click();
    await page.getByText("No key saved", { exact: false }).waitFor();
    expect(await page.getByLabel("Model").inputValue()).toBe("gpt-4o-mini");

    await page.getByLabel("Endpoint URL").fill(ai.baseUrl);
    await page.getByLabel("Model").fill("brand-model");
    await page.getByLabel("API key").fill(ai.apiKey);
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toBe("AI provider saved.");
    await page.getByText(/A key is saved \(the provider last changed on .* by admin\)/).waitFor();
    expect(await page.getByLabel("API key").inputValue()).toBe("");

    // Never read back: not on the page after a reload, not in the API, not in the database file.
    await page.reload();
    await expect.poll(() => page.getByLabel("Model").inputValue()).toBe("brand-model");
    expect(await page.content()).not.toContain(ai.apiKey);
    const headers = { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" };
    const info = await fetch(`${url}/api/ai/provider`, { headers });
    expect(await info.text()).not.toContain(ai.apiKey);
    expect(readFileSync(join(h.dir, "convo.db")).toString("latin1")).not.toContain(ai.apiKey);

    // The runtime asks the provider saved here, not its built-in emulator.
    const calls = ai.calls.length;
    const asked = await fetch(`${url}/api/simulator/ai`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        task: "answer",
        question: "When are you open?",
        passages: ["When are you open?\nMonday to Saturday."],
        maxChars: 2000,
        timeoutMs: 5000,
      }),
    });
    expect(asked.status).toBe(200);
    expect(ai.calls.slice(calls).map((c) => c.question)).toEqual(["When are you open?"]);

    // In French.
    await page.getByRole("combobox", { name: "Language" }).selectOption("fr");
    await page
      .getByText(/Une clé est enregistrée \(fournisseur modifié le .* par admin\)/)
      .waitFor();
    await page.getByRole("combobox", { name: "Langue" }).selectOption("en");

    // Forgotten: none saved, and the runtime is back to its own emulator.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Forget the key" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toBe("Key forgotten.");
    await page.getByText("No key saved", { exact: false }).waitFor();
  });
});
