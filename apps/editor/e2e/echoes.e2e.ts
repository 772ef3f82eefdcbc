import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, signIn, startHarness } from "./harness";

/** The part of @convo/messenger's Graph API emulator this file drives. */
interface GraphEmulator {
  url: string;
  setSubscribedFields(fields: readonly string[] | undefined): void;
  close(): Promise<void>;
}

/** Loaded by name, like the runtime: its Node sources are not type-checked under the DOM types. */
async function startGraph(options: { pageToken: string; appSecret: string }) {
  const name = "@convo/messenger";
  const messenger = (await import(name)) as {
    startGraphEmulator(options: { pageToken: string; appSecret: string }): Promise<GraphEmulator>;
  };
  return messenger.startGraphEmulator(options);
}

let graph: GraphEmulator;
let h: Harness;

beforeAll(async () => {
  // A real Page (as far as the runtime can tell) whose app does not get message_echoes.
  graph = await startGraph({ pageToken: "e2e-page-token", appSecret: "e2e-app-secret" });
  h = await startHarness({
    MESSENGER_PAGE_TOKEN: "e2e-page-token",
    MESSENGER_APP_SECRET: "e2e-app-secret",
    GRAPH_API_URL: graph.url,
  });
});
afterAll(async () => {
  await h?.stop();
  await graph?.close();
});

describe("the owner is told when the Page sends no message echoes", () => {
  it("shows a banner on the flows page, in English and in French", async () => {
    const { page, url } = h;
    await signIn(page, url);
    const banner = page.getByTestId("echoes-missing");
    await expect.poll(() => banner.isVisible()).toBe(true);
    expect(await banner.textContent()).toContain("subscribe the app to message_echoes");
    await page.getByLabel("Language").selectOption("fr");
    await expect
      .poll(() => banner.textContent())
      .toContain("abonnez l’application à message_echoes");
  });
});
