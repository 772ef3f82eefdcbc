import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, signIn, startHarness } from "./harness";

const APP_SECRET = "e2e-app-secret";

const PAGE_TOKEN = "e2e-page-token";

/** The part of @convo/messenger this file uses, loaded by name like the runtime (Node sources). */
interface Messenger {
  EMULATOR_PAGE_ID: string;
  signBody(body: string, secret: string): string;
  startGraphEmulator(options: {
    pageToken: string;
    appSecret: string;
  }): Promise<{ close(): Promise<void>; url: string }>;
}
const messenger = () => import("@convo/messenger" as string) as Promise<Messenger>;

let h: Harness;
let graph: { close(): Promise<void>; url: string };

beforeAll(async () => {
  // A real Page as far as the runtime can tell: the emulator answers which Page the token is for.
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

/** Meta's policy_enforcement webhook (the older, hyphenated key), signed. */
async function postPolicy(action: string, reason?: string) {
  const { EMULATOR_PAGE_ID, signBody } = await messenger();
  const body = JSON.stringify({
    object: "page",
    entry: [
      {
        id: EMULATOR_PAGE_ID,
        time: Date.now(),
        messaging: [
          {
            recipient: { id: EMULATOR_PAGE_ID },
            timestamp: Date.now(),
            "policy-enforcement": { action, ...(reason ? { reason } : {}) },
          },
        ],
      },
    ],
  });
  const answer = await fetch(`${h.url}/webhooks/messenger`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-hub-signature-256": signBody(body, APP_SECRET),
    },
    body,
  });
  expect(answer.status).toBe(200);
}

describe("the owner is told when Meta blocks the Page", () => {
  it("shows a banner on the flows page with Meta's reason, in English and in French", async () => {
    const { page, url } = h;
    await postPolicy("block", "Repeated policy violations");
    await signIn(page, url);
    const banner = page.getByTestId("page-blocked");
    await expect.poll(() => banner.isVisible()).toBe(true);
    expect(await banner.textContent()).toContain("Meta has blocked your Page");
    expect(await banner.textContent()).toContain("Repeated policy violations");
    await page.getByLabel("Language").selectOption("fr");
    await expect.poll(() => banner.textContent()).toContain("Meta a bloqué");
  });

  it("shows nothing once Meta unblocks it", async () => {
    const { page } = h;
    await postPolicy("unblock");
    // The editor's own read of the policy, after the reload: its answer decides the banner.
    const read = page.waitForResponse((r) => r.url().endsWith("/api/inbox/policy"));
    await page.reload();
    const answer = await read;
    expect(((await answer.json()) as { latest: { action: string } }).latest.action).toBe("unblock");
    await page.waitForLoadState("networkidle");
    expect(await page.getByTestId("page-blocked").count()).toBe(0);
  });
});
