/**
 * The list of a brand with many flows: it draws the latest 50 at once and says how many there
 * are, "Show more" draws the next ones, and the search looks through every flow, drawn or not.
 * A real runtime serving the build, Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Harness, signIn, startHarness } from "./harness";

const MADE = 70;
let h: Harness;
let total = 0;

beforeAll(async () => {
  h = await startHarness();
  const headers = { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" };
  for (let i = 1; i <= MADE; i++) {
    const answer = await fetch(`${h.url}/api/flows`, {
      method: "POST",
      headers,
      body: JSON.stringify({ name: `Campagne ${String(i).padStart(3, "0")}` }),
    });
    if (answer.status !== 201) throw new Error(`creating flow ${i}: ${answer.status}`);
  }
  const listed = await fetch(`${h.url}/api/flows`, { headers });
  total = ((await listed.json()) as { flows: unknown[] }).flows.length;
}, 120_000);
afterAll(async () => {
  await h?.stop();
});

describe("the list of many flows", () => {
  it("draws the latest 50, finds an older one by name, and shows the rest on request", async () => {
    const { page, url } = h;
    await signIn(page, url);
    const rows = page.locator(".flows-table tbody tr");
    await expect.poll(() => rows.count()).toBe(50);
    // Newest first (flows made in the same millisecond tie): the last ones made are drawn, the
    // first one made is not yet.
    await page.getByRole("link", { name: "Campagne 070" }).waitFor();
    await page.getByText(`The 50 latest of ${total} flows.`).waitFor();
    expect(await page.getByRole("link", { name: "Campagne 001" }).count()).toBe(0);

    await page.getByPlaceholder("Search flows by name").fill("campagne 001");
    await page.getByRole("link", { name: "Campagne 001" }).waitFor();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await page.getByRole("button", { name: /^Show \d+ more$/ }).count()).toBe(0);

    // Fewer than 100 in all (the examples and the 70 made here): one "Show more" draws the rest.
    expect(total).toBeGreaterThan(MADE);
    expect(total).toBeLessThanOrEqual(100);
    await page.getByPlaceholder("Search flows by name").fill("");
    await expect.poll(() => rows.count()).toBe(50);
    await page.getByRole("button", { name: `Show ${total - 50} more` }).click();
    await expect.poll(() => rows.count()).toBe(total);
    await page.getByRole("link", { name: "Campagne 001" }).waitFor();
    expect(await page.getByText(/ latest of /).count()).toBe(0);
  });
});
