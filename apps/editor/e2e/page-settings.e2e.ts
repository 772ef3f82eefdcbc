/**
 * A marketer sets the Page's Messenger profile in the editor: the greeting, the ice breakers, and
 * who answers when another app asks for the conversation; Messenger (the Graph API emulator, a
 * real HTTP server) receives it, and a refusal is said in words, in English and French.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, type Harness, signIn, startHarness } from "./harness";

const APP_SECRET = "e2e-app-secret";
const PAGE_TOKEN = "e2e-page-token";

interface Graph {
  close(): Promise<void>;
  url: string;
  messengerProfile(): {
    greeting?: { locale: string; text: string }[];
    ice_breakers?: unknown[];
    persistent_menu?: { call_to_actions: { payload?: string }[] }[];
  };
  failNext(count: number, code: number): void;
}
interface Messenger {
  startGraphEmulator(options: { pageToken: string; appSecret: string }): Promise<Graph>;
}
const messenger = () => import("@convo/messenger" as string) as Promise<Messenger>;

let h: Harness;
let graph: Graph;

beforeAll(async () => {
  graph = await (await messenger()).startGraphEmulator({
    pageToken: PAGE_TOKEN,
    appSecret: APP_SECRET,
  });
  h = await startHarness({
    MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
    MESSENGER_APP_SECRET: APP_SECRET,
    GRAPH_API_URL: graph.url,
  });
});
afterAll(async () => {
  await h?.stop();
  await graph?.close();
});

describe("the Messenger settings page", () => {
  it("saves the greeting, an ice breaker and the hand-over rule, and Messenger receives them", async () => {
    const { page, url } = h;
    await signIn(page, url);
    await page.getByRole("link", { name: "Messenger profile" }).click();
    const greeting = page.getByRole("textbox", { name: "Greeting" });
    await greeting.fill("Hello {{user_first_name}}! Ask us about your order.");
    await expect.poll(() => page.getByText("109 characters left").isVisible()).toBe(true);

    await page.getByRole("button", { name: "Add a question" }).click();
    // An ice breaker without its payload cannot be saved, and the page says why.
    await page.getByLabel("Question 1").fill("Where is my parcel?");
    expect(
      await page.getByRole("button", { name: "Save and send to Messenger" }).isDisabled(),
    ).toBe(true);
    await expect
      .poll(() => page.getByText("Each ice breaker needs a question and a payload.").isVisible())
      .toBe(true);
    await page.getByLabel("Payload 1").fill("TRACK_ORDER");
    await page.getByRole("radio", { name: "Hand it over at once" }).check();
    await page.getByRole("button", { name: "Save and send to Messenger" }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toBe("Saved, and Messenger took it.");

    expect(graph.messengerProfile().greeting).toEqual([
      { locale: "default", text: "Hello {{user_first_name}}! Ask us about your order." },
    ]);
    expect(graph.messengerProfile().ice_breakers).toHaveLength(1);
    // The welcome example's language menu is in the persistent menu from the start.
    expect(graph.messengerProfile().persistent_menu?.[0]?.call_to_actions).toContainEqual(
      expect.objectContaining({ payload: "CHOOSE_LANGUAGE" }),
    );
    const saved = await fetch(`${url}/api/page`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(await saved.json()).toMatchObject({
      threadRequests: "pass",
      iceBreakers: [{ question: "Where is my parcel?", payload: "TRACK_ORDER" }],
    });

    // After a reload the page shows what was saved.
    await page.reload();
    await expect.poll(() => page.getByLabel("Question 1").inputValue()).toBe("Where is my parcel?");
    expect(await page.getByRole("radio", { name: "Hand it over at once" }).isChecked()).toBe(true);
  });

  it("says in French when Messenger refuses, and keeps what was typed", async () => {
    const { page } = h;
    await page.getByRole("combobox", { name: "Language" }).selectOption("fr");
    await expect
      .poll(() => page.getByRole("heading", { name: "Profil Messenger" }).isVisible())
      .toBe(true);
    graph.failNext(3, 2);
    await page.getByRole("textbox", { name: "Message d’accueil" }).fill("Bonjour !");
    await page.getByRole("button", { name: "Enregistrer et envoyer à Messenger" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toMatch(/^Enregistré, mais Messenger l’a refusé : /);
    expect(await page.getByRole("textbox", { name: "Message d’accueil" }).inputValue()).toBe(
      "Bonjour !",
    );
    await page.getByRole("combobox", { name: "Langue" }).selectOption("en");
  });
});
