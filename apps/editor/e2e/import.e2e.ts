/**
 * Importing a flow file as a marketer does it: a file whose flow is already here offers "import
 * as a copy" and "replace"; a file the runtime refuses is explained in the reader's language,
 * with where in the file as the detail. A real runtime serving the build, Chromium.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Harness, screenshotsDir, signIn, startHarness } from "./harness";

let h: Harness;

const flowFile = (name: string, label: unknown = "Say hello") => ({
  schemaVersion: 1,
  id: "order-status",
  name,
  variables: [],
  nodes: [
    {
      id: "start",
      type: "trigger",
      position: { x: 0, y: 0 },
      data: { triggers: [{ kind: "keyword", match: "contains", keywords: ["commande"] }] },
    },
    {
      id: "hello",
      type: "message",
      position: { x: 320, y: 0 },
      data: { label, content: [{ id: "t", kind: "text", text: "Hello!" }] },
    },
  ],
  edges: [{ id: "e1", source: "start", target: "hello" }],
});

async function importFile(page: Page, document: unknown) {
  await page.getByTestId("import-file").setInputFiles({
    name: "order-status.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(document)),
  });
}

const flowNamed = async (id: string) => {
  const answer = await fetch(`${h.url}/api/flows/${id}`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  return answer.status === 200 ? ((await answer.json()) as { name: string }).name : null;
};

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe("importing a flow file", () => {
  it("offers a copy or a replacement when the flow is here, and explains a refusal in French", async () => {
    const { page, url } = h;
    await signIn(page, url);
    await importFile(page, flowFile("Order status"));
    await page
      .getByRole("status")
      .getByText(/^Imported “Order status” \(migrated/)
      .waitFor();

    // The same file again: as a copy, beside the first.
    await importFile(page, flowFile("Order status"));
    const dialog = page.getByRole("alertdialog", { name: "“Order status” is already here" });
    await dialog.getByText("same id (order-status)").waitFor();
    await dialog.getByRole("button", { name: "Import as a copy" }).click();
    await page.getByRole("status").getByText("Imported “Order status (copy)”.").waitFor();
    await page.getByRole("link", { name: "Order status (copy)" }).waitFor();
    expect(await flowNamed("order-status-2")).toBe("Order status (copy)");
    expect(await flowNamed("order-status")).toBe("Order status");

    // A newer file of the same flow: it replaces the one here.
    await importFile(page, flowFile("Order status v2"));
    await dialog.or(page.getByRole("alertdialog")).first().waitFor();
    await page.getByRole("button", { name: "Replace the existing flow" }).click();
    await page.getByRole("status").getByText("Replaced “Order status v2” with the file.").waitFor();
    expect(await flowNamed("order-status")).toBe("Order status v2");

    // A broken file, in French: the words from the error's code, the place as the detail.
    await page.getByRole("combobox", { name: "Language" }).selectOption("fr");
    await page.getByRole("heading", { name: "Scénarios" }).waitFor();
    await importFile(page, flowFile("Order status v3", 12));
    const alert = page.getByRole("alert");
    await expect
      .poll(() => alert.textContent())
      .toBe(
        "Ce fichier n’est pas un scénario que Convo peut ouvrir :\n• « label » devrait être du texte, pas un nombre. (à nodes[1].data.label)",
      );
    expect(await flowNamed("order-status")).toBe("Order status v2");
  });

  it("finds a flow by name as it is typed, and says when none has it", async () => {
    const { page } = h;
    await page.getByRole("combobox", { name: "Langue" }).selectOption("en");
    const search = page.getByRole("searchbox", { name: "Search flows by name" });
    const names = () => page.getByRole("table").getByRole("link").allTextContents();
    const all = (await names()).length;
    expect(all).toBeGreaterThan(4);
    await search.fill("ORDER ");
    await expect
      .poll(names)
      .toEqual(expect.arrayContaining(["Order status v2", "Order status (copy)"]));
    expect((await names()).every((name) => name.toLowerCase().includes("order"))).toBe(true);
    await search.fill("zzz");
    await expect.poll(names).toEqual([]);
    await page.getByRole("status").getByText("No flow has “zzz” in its name.").waitFor();
    await search.fill("");
    await expect.poll(async () => (await names()).length).toBe(all);
  });

  it("starts a flow from a template of the gallery, in the reader's language, with the name typed", async () => {
    const { page, url } = h;
    await page.goto(url);
    await page.getByRole("heading", { name: "Flows" }).waitFor();
    await page.getByPlaceholder("Name of a new flow").fill("Colis de Noël");
    await page.getByRole("button", { name: "From a template…" }).click();
    const gallery = page.getByRole("dialog", { name: "Start a new flow" });
    const cards = gallery.getByRole("list", { name: "Templates" }).getByRole("button");
    // Blank, then the examples, welcome first; each with its picture.
    await expect.poll(() => cards.count()).toBe(8);
    expect(await cards.first().textContent()).toContain("Blank");
    expect(await cards.nth(1).textContent()).toContain("Welcome");
    expect(await gallery.locator("svg.template-picture rect").count()).toBeGreaterThan(40);
    expect(await gallery.getByLabel("Name of the new flow").inputValue()).toBe("Colis de Noël");
    await page.screenshot({ path: join(screenshotsDir, "template-gallery.png") });

    // In French, the templates say what they do in French.
    await gallery.press("Escape");
    await page.getByRole("combobox", { name: "Language" }).selectOption("fr");
    await page.getByRole("button", { name: "Depuis un modèle…" }).click();
    const galerie = page.getByRole("dialog", { name: "Commencer un nouveau scénario" });
    const suivi = galerie.getByRole("button", { name: /Suivi de commande/ });
    expect(await suivi.textContent()).toContain("dit où en est le colis");
    await suivi.click();

    // The new flow opens: the example's steps and languages, under the name typed.
    await page.getByRole("heading", { name: "Colis de Noël" }).waitFor();
    await expect.poll(() => page.locator(".react-flow__node").count()).toBe(12);
    const id = decodeURIComponent(page.url().split("#/flows/")[1] ?? "");
    expect(id).not.toBe("order-tracking");
    const answer = await fetch(`${url}/api/flows/${id}`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    const { name, flow } = (await answer.json()) as {
      name: string;
      flow: { languages?: string[]; nodes: unknown[] };
    };
    expect(name).toBe("Colis de Noël");
    expect(flow.languages).toEqual(["en", "fr"]);
    expect(flow.nodes).toHaveLength(12);
    await page.getByRole("combobox", { name: "Langue" }).selectOption("en");
  });
});
