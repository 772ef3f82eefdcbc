import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRuntime, type TestRuntime } from "./helpers";
import { waitFor } from "./messenger";
import { postWhatsApp, startMeta, WA_PHONE_ID, WA_SECRET, WA_TOKEN, waSent, waText } from "./meta";

let meta: Awaited<ReturnType<typeof startMeta>>;
let rt: TestRuntime;

/** "shoes" shows three cards: on WhatsApp, one message per card. */
const catalogue = (created: { flow: object }) => ({
  ...created.flow,
  nodes: [
    {
      id: "start",
      type: "trigger",
      position: { x: 0, y: 0 },
      data: { triggers: [{ kind: "keyword", match: "contains", keywords: ["shoes"] }] },
    },
    {
      id: "gallery",
      type: "message",
      position: { x: 300, y: 0 },
      data: {
        content: [
          {
            id: "g",
            kind: "cards",
            cards: [
              { id: "c1", title: "Runner", subtitle: "€89" },
              { id: "c2", title: "Trail", subtitle: "€119" },
              { id: "c3", title: "Court", subtitle: "€99" },
            ],
          },
        ],
      },
    },
  ],
  edges: [{ id: "e1", source: "start", target: "gallery" }],
});

beforeAll(async () => {
  meta = await startMeta();
  rt = await startRuntime({
    GRAPH_API_URL: meta.url,
    WHATSAPP_PHONE_NUMBER_ID: WA_PHONE_ID,
    WHATSAPP_TOKEN: WA_TOKEN,
    WHATSAPP_APP_SECRET: WA_SECRET,
  });
  const created = await rt.api("POST", "/api/flows", { name: "Catalogue", id: "catalogue" });
  const flow = catalogue(created.json);
  expect((await rt.api("PUT", "/api/flows/catalogue", { flow, revision: 1 })).status).toBe(200);
  expect((await rt.api("POST", "/api/flows/catalogue/publish", {})).status).toBe(201);
});
afterAll(async () => {
  await rt?.stop();
  await meta?.close();
});

describe("a WhatsApp gallery, one message per card", () => {
  it("sends each card exactly once, in order, when the Cloud API fails on card 2 of 3", async () => {
    const customer = "33655555555";
    meta.whatsapp.customerWrote(customer);
    // Card 1 is taken, card 2 answers 500 (131000, "Something went wrong") once.
    meta.whatsapp.failNext(1, 131000, 1);
    expect((await postWhatsApp(rt.url, [waText(customer, "Shoes please")])).status).toBe(200);
    // Settled: the gallery's row is sent (its transcript line says so).
    await waitFor(async () => {
      const t = await rt.api("GET", `/api/contacts/wa:${customer}/transcript`);
      const out = t.json.messages.filter((m: { direction: string }) => m.direction === "out");
      return out.at(-1)?.status === "sent" ? true : undefined;
    }, "the gallery sent");
    // The failed call was made (and refused), and the retry went on from card 2.
    const refused = meta.whatsapp.calls.filter((c) => c.status === 500);
    expect(refused).toHaveLength(1);
    expect(JSON.stringify(refused[0]?.body)).toContain("Trail");
    const shown = waSent(meta.whatsapp, customer).map((b) => JSON.stringify(b));
    expect(shown).toHaveLength(3);
    expect(shown[0]).toContain("Runner");
    expect(shown[1]).toContain("Trail");
    expect(shown[2]).toContain("Court");
  });
});
