import { readFileSync } from "node:fs";
import { join } from "node:path";
import { examplePath, exampleText } from "@convo/flow/testing/examples";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN_TOKEN,
  type Harness,
  mouseDrag,
  screenshotsDir,
  signIn,
  startHarness,
} from "./harness";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("element is not visible");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const steps = (page: Page) => page.locator(".react-flow__node");
const stepOfType = (page: Page, type: string) =>
  page.locator(`.react-flow__node:has(article.step-${type})`);

/** Drops a new connection from a step's output on empty canvas and picks a type in the add menu. */
async function addConnectedStep(
  page: Page,
  from: Locator,
  type: string,
  offset: { x: number; y: number },
) {
  const handle = from.locator(".handle-out").first();
  const start = await centre(handle);
  await mouseDrag(page, start, { x: start.x + offset.x, y: start.y + offset.y });
  await page
    .getByRole("menu", { name: "Add a step" })
    .getByRole("menuitem", { name: type })
    .click();
}

describe("the editor against the real runtime", () => {
  it("builds a three-step flow with the mouse, undoes, lints, publishes and keeps it all", async () => {
    const { page, url } = h;
    await signIn(page, url);
    await page.getByPlaceholder("Name of a new flow").fill("Onboarding");
    await page.getByRole("button", { name: "Create flow" }).click();
    await page.getByRole("heading", { name: "Onboarding" }).waitFor();
    await expect.poll(() => steps(page).count()).toBe(1);

    // Start from an empty canvas: the runtime's blank start step goes away.
    await steps(page).first().click();
    await page.keyboard.press("Delete");
    await expect.poll(() => steps(page).count()).toBe(0);

    // 1. Palette drag.
    const pane = await page.locator(".react-flow__pane").boundingBox();
    if (!pane) throw new Error("no canvas");
    await page.getByTestId("palette-trigger").dragTo(page.locator(".react-flow__pane"), {
      targetPosition: { x: 80, y: 120 },
    });
    await expect.poll(() => steps(page).count()).toBe(1);

    // 2. Connection dropped on empty canvas → add menu → a message already connected.
    await addConnectedStep(page, stepOfType(page, "trigger"), "Message", { x: 90, y: 40 });
    await expect.poll(() => steps(page).count()).toBe(2);
    await expect.poll(() => page.locator(".react-flow__edge").count()).toBe(1);
    // Its text is empty: lint marks the step with an error…
    await expect.poll(() => page.locator("article.step-message.has-error").count()).toBe(1);
    // …which goes away once the inspector gets a text.
    await page.getByTestId("field-text").fill("Welcome! I'm the shop's assistant.");
    await expect.poll(() => page.locator("article.step-message.has-error").count()).toBe(0);
    await expect.poll(() => stepOfType(page, "message").textContent()).toContain("Welcome!");

    // 3. A question after the message.
    await addConnectedStep(page, stepOfType(page, "message"), "Question", { x: 90, y: 60 });
    await expect.poll(() => steps(page).count()).toBe(3);
    await page
      .locator(".inspector")
      .getByLabel("Question", { exact: true })
      .fill("What's your first name?");
    await page.locator(".inspector").getByLabel("Variable", { exact: true }).fill("first_name");
    await expect
      .poll(() => stepOfType(page, "input").textContent())
      .toContain("What's your first name?");
    await page.screenshot({ path: join(screenshotsDir, "inspector.png") });

    // Undo and redo from the keyboard (focus on the canvas, not a field).
    await page.locator(".react-flow__pane").click({ position: { x: pane.width / 2, y: 16 } });
    await page.keyboard.press("Control+z");
    await expect.poll(() => stepOfType(page, "input").textContent()).toContain("{{answer}}");
    await page.keyboard.press("Control+z");
    await expect
      .poll(() => stepOfType(page, "input").textContent())
      .not.toContain("What's your first name?");
    await page.keyboard.press("Control+Shift+z");
    await page.keyboard.press("Control+y");
    await expect
      .poll(() => stepOfType(page, "input").textContent())
      .toContain("What's your first name?");
    await expect.poll(() => stepOfType(page, "input").textContent()).toContain("{{first_name}}");

    // Publish with a note once everything is saved.
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("Saved");
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await page.getByLabel("What changed? (optional)").fill("First version");
    await page.getByRole("button", { name: "Publish now" }).click();
    await page.getByText("Published as version 1.").waitFor();

    // Reload: the flow is there as it was drawn, and the version with its note.
    await page.reload();
    await expect.poll(() => steps(page).count()).toBe(3);
    await expect.poll(() => page.locator(".react-flow__edge").count()).toBe(2);
    expect(await stepOfType(page, "message").textContent()).toContain(
      "Welcome! I'm the shop's assistant.",
    );
    expect(await stepOfType(page, "input").textContent()).toContain("What's your first name?");
    await page.getByRole("tab", { name: "Versions" }).click();
    await page.getByText("First version").waitFor();

    // History: look at version 1 read-only, compare it with a changed draft, restore it, undo that.
    await page.getByRole("button", { name: "View", exact: true }).click();
    await page.getByText("You are looking at version 1 (read-only).").waitFor();
    expect(await page.getByTestId("palette-message").isDisabled()).toBe(true);
    await page.getByRole("button", { name: "Back to the draft" }).click();
    await stepOfType(page, "input").click();
    await page.keyboard.press("Delete");
    await expect.poll(() => steps(page).count()).toBe(2);
    await page.getByRole("button", { name: "Compare" }).click();
    await page.getByText("Added: 0 · Removed: 1 · Changed: 0").waitFor();
    await page.getByRole("button", { name: "Leave compare" }).first().click();
    await expect.poll(() => steps(page).count()).toBe(2);
    await page.getByRole("button", { name: "Restore as draft" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Restore", exact: true }).click();
    await expect.poll(() => steps(page).count()).toBe(3);
    await page.locator(".react-flow__pane").click({ position: { x: pane.width / 2, y: 16 } });
    await page.keyboard.press("Control+z");
    await expect.poll(() => steps(page).count()).toBe(2);
    await page.keyboard.press("Control+Shift+z");
    await expect.poll(() => steps(page).count()).toBe(3);
    await page.goto(`${url}/#/`);
    await page
      .locator("tr", { has: page.getByRole("link", { name: "Onboarding" }) })
      .getByText(/v1/)
      .waitFor();
  });

  it("refuses to publish while errors remain and says why", async () => {
    const { page, url } = h;
    await page.goto(`${url}/#/`);
    await page.getByPlaceholder("Name of a new flow").fill("Broken");
    await page.getByRole("button", { name: "Create flow" }).click();
    await expect.poll(() => steps(page).count()).toBe(1);
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await page.getByText(/Cannot publish: fix the (error|\d+ errors) in Problems first/).waitFor();
    expect(await page.getByRole("tab", { name: /Problems/ }).getAttribute("aria-selected")).toBe(
      "true",
    );
    await page.getByText("This start step has no trigger.").click();
    expect(await page.locator(".react-flow__node.selected").count()).toBe(1);
  });

  it("imports an example file and exports it back byte for byte", async () => {
    const { page, url } = h;
    page.on("dialog", (dialog) => void dialog.accept());
    await page.goto(`${url}/#/`);
    await page.getByRole("link", { name: "Order tracking" }).waitFor();
    // The README's picture without the earlier tests' notices: an error leaves with Escape.
    await page.keyboard.press("Escape");
    await page.locator(".notices").waitFor({ state: "detached" });
    await page.screenshot({ path: join(screenshotsDir, "flows-list.png") });

    for (const [name, file] of [
      ["Order tracking", "order-tracking.json"],
      ["Lead capture", "lead-capture.json"],
    ] as const) {
      // The fresh runtime seeded the examples; delete one, then import it again.
      const row = page.locator("tr", { has: page.getByRole("link", { name }) });
      await row.getByRole("button", { name: "Delete" }).click();
      await page.getByRole("link", { name }).waitFor({ state: "detached" });
      const path = examplePath(file);
      if (file === "order-tracking.json") {
        await page.getByTestId("import-file").setInputFiles(path);
      } else {
        // Dropped on the list, as a marketer would from the file manager.
        const text = readFileSync(path, "utf8");
        await page.evaluate(
          ({ text, file }) => {
            const data = new DataTransfer();
            data.items.add(new File([text], file, { type: "application/json" }));
            const target = document.querySelector(".flows-page");
            target?.dispatchEvent(
              new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }),
            );
            target?.dispatchEvent(
              new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }),
            );
          },
          { text, file },
        );
      }
      await page.getByText(`Imported “${name}”.`).waitFor();
      const exported = page.waitForEvent("download");
      await page
        .locator("tr", { has: page.getByRole("link", { name }) })
        .getByRole("button", { name: "Export" })
        .click();
      const download = await exported;
      const saved = await download.path();
      expect(download.suggestedFilename()).toBe(file);
      expect(readFileSync(saved, "utf8")).toBe(readFileSync(path, "utf8"));
    }

    // Canvas screenshot of a real flow.
    await page.getByRole("link", { name: "Order tracking" }).click();
    await expect.poll(() => steps(page).count()).toBeGreaterThan(5);
    await page.getByRole("button", { name: "Tidy up" }).click();
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(screenshotsDir, "canvas.png") });
  });

  it("keeps edits made offline and sends them when back; reports another tab's save", async () => {
    const { page, url, context } = h;
    const api = async (path: string, init: RequestInit = {}) => {
      const response = await fetch(`${url}/api${path}`, {
        ...init,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
      });
      return (await response.json()) as {
        revision: number;
        flow: { nodes: { data: { label?: string } }[] };
      };
    };
    await page.goto(`${url}/#/`);
    await page.getByPlaceholder("Name of a new flow").fill("Saving");
    await page.getByRole("button", { name: "Create flow" }).click();
    await expect.poll(() => steps(page).count()).toBe(1);
    const flowId = decodeURIComponent(new URL(page.url()).hash.replace("#/flows/", ""));
    await steps(page).first().click();
    const label = page.locator(".inspector").getByLabel("Name on the canvas");

    await context.setOffline(true);
    await label.fill("Written offline");
    await page.getByText("You are offline.").waitFor();
    expect(
      await page.evaluate((id) => localStorage.getItem(`convo.draft.${id}`), flowId),
    ).toContain("Written offline");
    await context.setOffline(false);
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("Saved");
    expect((await api(`/flows/${flowId}`)).flow.nodes[0]?.data.label).toBe("Written offline");

    // Another tab saves first: this tab's next save is refused, and the user chooses.
    const theirs = await api(`/flows/${flowId}`);
    const changed = structuredClone(theirs.flow);
    if (changed.nodes[0]) changed.nodes[0].data.label = "Theirs";
    await api(`/flows/${flowId}`, {
      method: "PUT",
      body: JSON.stringify({ flow: changed, revision: theirs.revision }),
    });
    await label.fill("Mine");
    await page.getByText("Someone saved this flow from another tab").waitFor();
    await page.getByRole("button", { name: "Keep mine (overwrite)" }).click();
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("Saved");
    expect((await api(`/flows/${flowId}`)).flow.nodes[0]?.data.label).toBe("Mine");
  });

  it("imports a flow file dropped on the canvas and shows why a bad one is refused", async () => {
    const { page, url } = h;
    await signIn(page, url);
    await page.goto(`${url}/#/flows/welcome`);
    await expect.poll(() => steps(page).count()).toBeGreaterThan(3);
    const drop = (text: string, name: string) =>
      page.evaluate(
        ({ text, name }) => {
          const data = new DataTransfer();
          data.items.add(new File([text], name, { type: "application/json" }));
          const target = document.querySelector(".canvas");
          target?.dispatchEvent(
            new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }),
          );
          target?.dispatchEvent(
            new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }),
          );
        },
        { text, name },
      );
    await drop(
      JSON.stringify({
        schemaVersion: 1,
        id: "bad",
        name: "Bad",
        variables: [],
        nodes: [{}],
        edges: [],
      }),
      "bad.json",
    );
    await page.getByRole("alert").filter({ hasText: "nodes[0]" }).waitFor();
    const support = exampleText("support").replace('"id": "support"', '"id": "support-copy"');
    await drop(support, "support.json");
    await page.waitForURL(/#\/flows\/support-copy$/);
    await expect.poll(() => steps(page).count()).toBeGreaterThan(3);
  });
  it("adds Notify the team from the palette and fills its form, with the kind's limits", async () => {
    const { page, url } = h;
    await signIn(page, url);
    await page.goto(`${url}/#/`);
    await page.getByPlaceholder("Name of a new flow").fill("Team alerts");
    await page.getByRole("button", { name: "Create flow" }).click();
    await expect.poll(() => steps(page).count()).toBe(1);
    const flowId = decodeURIComponent(new URL(page.url()).hash.replace("#/flows/", ""));
    await page.getByTestId("palette-notify").click();
    await expect.poll(() => stepOfType(page, "notify").count()).toBe(1);
    await page.locator(".inspector").getByRole("heading", { name: "Notify the team" }).waitFor();
    // A new one needs its address: lint marks it until an https one is typed.
    await expect.poll(() => page.locator("article.step-notify.has-error").count()).toBe(1);
    await page.getByTestId("notify-url").fill("http://hooks.example.com/team");
    await page.getByTestId("notify-text").fill("{{contact.first_name}} wants the team");
    await expect.poll(() => page.locator("article.step-notify.has-error").count()).toBe(1);
    await page.getByTestId("notify-url").fill("{{secrets.TEAM_HOOK}}");
    await expect.poll(() => page.locator("article.step-notify.has-error").count()).toBe(0);
    await expect.poll(() => stepOfType(page, "notify").textContent()).toContain("wants the team");
    // The flow's variables can go with the message.
    await page.getByRole("tab", { name: "Variables" }).click();
    await page.getByRole("button", { name: "Add a variable" }).click();
    await page.locator(".variables").getByLabel("Name").fill("topic");
    await page.getByRole("tab", { name: "Step" }).click();
    await page.locator(".inspector").getByLabel("topic").check();
    const timeout = page.locator(".inspector").getByLabel("Time-out (ms)");
    expect(await timeout.getAttribute("max")).toBe("30000");
    await timeout.fill("5000");
    await expect.poll(() => page.getByTestId("save-status").textContent()).toBe("Saved");
    const response = await fetch(`${url}/api/flows/${flowId}`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    const saved = (await response.json()) as { flow: { nodes: { type: string; data: unknown }[] } };
    expect(saved.flow.nodes.find((n) => n.type === "notify")?.data).toEqual({
      url: "{{secrets.TEAM_HOOK}}",
      text: "{{contact.first_name}} wants the team",
      variables: ["topic"],
      timeoutMs: 5000,
    });
  });
});
