import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config";
import { createRuntime, type Runtime } from "../src/runtime";
import { type Json, TOKEN } from "./helpers";
import { waitFor } from "./messenger";
import { postWhatsApp, startMeta, WA_PHONE_ID, WA_SECRET, WA_TOKEN, waSent, waText } from "./meta";

const HOUR = 3_600_000;
let clock = Date.now();
let meta: Awaited<ReturnType<typeof startMeta>>;
let runtime: Runtime;
let url: string;
const dir = mkdtempSync(join(tmpdir(), "convo-wa-window-"));

async function api(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Json }> {
  const response = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: await response.json() };
}

/** A flow that answers `keyword`, waits 25 hours, then sends `later` (with `template`, if any). */
async function publish(id: string, keyword: string, template?: object) {
  const created = await api("POST", "/api/flows", { name: id, id });
  const node = (nid: string, type: string, data: object, x: number) => ({
    id: nid,
    type,
    position: { x, y: 0 },
    data,
  });
  const flow = {
    ...created.json.flow,
    nodes: [
      node(
        "start",
        "trigger",
        { triggers: [{ kind: "keyword", match: "contains", keywords: [keyword] }] },
        0,
      ),
      node("ack", "message", { content: [{ id: "t", kind: "text", text: "Noted." }] }, 300),
      node("wait", "delay", { amount: 25, unit: "hours" }, 600),
      node(
        "later",
        "message",
        {
          content: [{ id: "t", kind: "text", text: "Your parcel left, {{contact.first_name}}." }],
          ...(template ? { whatsappTemplate: template } : {}),
        },
        900,
      ),
    ],
    edges: [
      { id: "e1", source: "start", target: "ack" },
      { id: "e2", source: "ack", target: "wait" },
      { id: "e3", source: "wait", target: "later" },
    ],
  };
  expect((await api("PUT", `/api/flows/${id}`, { flow, revision: 1 })).status).toBe(200);
  expect((await api("POST", `/api/flows/${id}/publish`, { note: "test" })).status).toBe(201);
}

beforeAll(async () => {
  meta = await startMeta([{ name: "parcel_left", language: "en_US", bodyParameters: 1 }]);
  const config = loadConfig(
    {
      CONVO_DB: join(dir, "convo.db"),
      PORT: "0",
      HOST: "127.0.0.1",
      CONVO_ADMIN_TOKEN: TOKEN,
      CONVO_LOG_LEVEL: "silent",
      GRAPH_API_URL: meta.url,
      WHATSAPP_PHONE_NUMBER_ID: WA_PHONE_ID,
      WHATSAPP_TOKEN: WA_TOKEN,
      WHATSAPP_APP_SECRET: WA_SECRET,
    },
    join(dir, ".env"),
  );
  // The runtime's clock is the test's: 25 hours pass in a line.
  runtime = await createRuntime({ config, retryBaseMs: 20, now: () => clock });
  url = (await runtime.start()).url;
  await publish("parcel-template", "zebracode", {
    name: "parcel_left",
    language: "en_US",
    parameters: ["{{contact.first_name}}"],
  });
  await publish("parcel-plain", "yakcode");
});
afterAll(async () => {
  await runtime?.stop();
  await meta?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("WhatsApp's 24-hour customer service window", () => {
  it("sends the step's template 25 hours after the customer's last message; skips a step without one, saying why", async () => {
    meta.whatsapp.customerWrote("33677777777");
    meta.whatsapp.customerWrote("33688888888");
    await postWhatsApp(rt(), [waText("33677777777", "zebracode")], { name: "Ana Lima" });
    await postWhatsApp(rt(), [waText("33688888888", "yakcode")], { name: "Léo" });
    await waitFor(
      () => (waSent(meta.whatsapp, "33677777777").length === 1 ? true : undefined),
      "the first answer",
    );
    await waitFor(
      () => (waSent(meta.whatsapp, "33688888888").length === 1 ? true : undefined),
      "the other answer",
    );

    clock += 25 * HOUR + 60_000;
    // The timer loop sleeps until the due time it knew: tell it the clock moved.
    runtime.deps.wake.timers();
    const [, late] = await waitFor(() => {
      const sent = waSent(meta.whatsapp, "33677777777");
      return sent.length === 2 ? sent : undefined;
    }, "the template");
    expect(late).toMatchObject({
      type: "template",
      template: {
        name: "parcel_left",
        language: { code: "en_US" },
        components: [{ type: "body", parameters: [{ type: "text", text: "Ana" }] }],
      },
    });

    const parked = await waitFor(async () => {
      const rows = (await api("GET", "/api/outbox/parked")).json.parked as Json[];
      return rows.find((r: Json) => r.contactId === "wa:33688888888");
    }, "the skipped message");
    expect(parked.reason).toContain(
      "outside WhatsApp's 24-hour window a message needs an approved template",
    );
    expect(waSent(meta.whatsapp, "33688888888")).toHaveLength(1);
  });
});

function rt() {
  return url;
}
