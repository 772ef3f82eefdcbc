/**
 * The sandbox on any channel and the channel in live chat, in Chromium against the real runtime
 * in sandbox mode: the tester picks Instagram, then WhatsApp, talks to the published welcome flow
 * through each channel's webhook and emulator, and live chat shows each contact's channel, on the
 * contact, in the conversation's head and above its transcript.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, signIn, startHarness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe("the sandbox on any channel, and the channel in live chat", () => {
  it("talks on Instagram and WhatsApp, and live chat badges each contact's channel", async () => {
    const { page, url } = h;
    page.setDefaultTimeout(15_000);
    await signIn(page, url);
    await page.goto(`${url}/#/flows/welcome`);
    await page.getByRole("heading", { name: "Welcome" }).waitFor();
    await page.locator(".react-flow__pane").click({ position: { x: 20, y: 20 } });
    await page.keyboard.press("r");
    await page.getByRole("tab", { name: "Sandbox (published)" }).click();
    const phone = page.getByTestId("sandbox-phone");

    // Instagram: the welcome menu as Instagram shows it, greeting by Instagram's profile name.
    await page.getByTestId("sandbox-channel").selectOption("instagram");
    await expect.poll(() => phone.getAttribute("data-channel")).toBe("instagram");
    await phone.getByLabel("Message", { exact: true }).fill("hello");
    await phone.getByRole("button", { name: "Send", exact: true }).click();
    await phone.locator(".bubble.bot", { hasText: "Hi Sam!" }).waitFor();

    // WhatsApp: the same flow through WhatsApp's webhook, its reply buttons on the phone.
    await page.getByTestId("sandbox-channel").selectOption("whatsapp");
    await expect.poll(() => phone.getAttribute("data-channel")).toBe("whatsapp");
    await phone.getByLabel("Message", { exact: true }).fill("hi");
    await phone.getByRole("button", { name: "Send", exact: true }).click();
    await phone.locator(".bubble.bot", { hasText: "Hi Sam!" }).waitFor();

    // Live chat: every contact with its channel's badge.
    await page.goto(`${url}/#/contacts`);
    await page.getByRole("button", { name: "All contacts" }).click();
    const list = page.getByRole("navigation", { name: "Contacts" });
    const instagram = list.getByRole("link").filter({
      has: page.locator('[data-testid="channel-badge"][data-channel="instagram"]'),
    });
    const whatsapp = list.getByRole("link").filter({
      has: page.locator('[data-testid="channel-badge"][data-channel="whatsapp"]'),
    });
    await instagram.first().waitFor();
    await whatsapp.first().waitFor();
    expect(await instagram.first().getByTestId("channel-badge").textContent()).toBe("Instagram");

    // The Instagram conversation: the badge in its head and above its transcript.
    await instagram.first().click();
    const head = page.locator(".contact-head");
    await head.getByTestId("channel-badge").getByText("Instagram").waitFor();
    const log = page.getByRole("log");
    await log.getByTestId("transcript-channel").getByText("Instagram").waitFor();
    await log.getByText("hello", { exact: true }).waitFor();

    // In French.
    await page.getByLabel("Language").selectOption("fr");
    await log.getByTestId("transcript-channel").getByText("Conversation sur").waitFor();
  });
});
