import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type RunningGraphEmulator, startGraphEmulator } from "@convo/messenger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLANTED, plantedFlow } from "../../../packages/flow/test/planted-credentials";
import { type Json, startRuntime, type TestRuntime } from "./helpers";
import {
  APP_SECRET,
  messageText,
  PAGE_TOKEN,
  postWebhook,
  sentMessages,
  textItem,
  waitFor,
  webhookBody,
} from "./messenger";

/**
 * A customer cannot make the bot fill in a server secret: templating is one pass over the
 * author's text, and `{{secrets.NAME}}` is filled only where the author wrote it. The shop here
 * echoes what it gets, as many APIs do, and the bot shows that echo to the customer.
 */

const SECRET = "s3cr3t-shop-token";
let graph: RunningGraphEmulator;
let rt: TestRuntime;
let shop: Server;
let shopUrl: string;
type Seen = { url: string; authorization?: string; order?: string; body: string };
const seen: Seen[] = [];
const planted: Seen[] = [];

const node = (id: string, type: string, data: unknown, x: number) => ({
  id,
  type,
  position: { x, y: 0 },
  data,
});
const say = (id: string, text: string, x: number) =>
  node(id, "message", { content: [{ id: "t", kind: "text", text }] }, x);
const ask = (id: string, question: string, variable: string, x: number) =>
  node(id, "input", { question, variable, validation: { kind: "text" } }, x);

const shopFlow = () => ({
  schemaVersion: 1,
  id: "shop",
  name: "Shop",
  variables: [
    { name: "order", type: "text" },
    { name: "shop_said", type: "text" },
    { name: "callback", type: "text" },
  ],
  nodes: [
    node(
      "start",
      "trigger",
      { triggers: [{ kind: "keyword", match: "contains", keywords: ["zebrashop"] }] },
      0,
    ),
    ask("ask-order", "Your order number?", "order", 200),
    node(
      "lookup",
      "action",
      {
        steps: [
          {
            kind: "http",
            method: "POST",
            url: `${shopUrl}/orders?o={{order}}`,
            headers: [
              { name: "Authorization", value: "Bearer {{secrets.SHOP_TOKEN}}" },
              { name: "X-Order", value: "{{order}}" },
              { name: "Content-Type", value: "application/json" },
            ],
            body: '{"order":"{{order}}"}',
            responseMapping: [{ path: "echo", variable: "shop_said" }],
          },
        ],
      },
      400,
    ),
    say("tell", "The shop says: {{shop_said}}", 600),
    ask("ask-callback", "Where should we write back?", "callback", 800),
    // The whole address from a value: at the very start of a URL a value is not escaped.
    node(
      "notify",
      "action",
      { steps: [{ kind: "http", method: "GET", url: "{{callback}}" }] },
      1000,
    ),
    say("done", "Done.", 1200),
  ],
  edges: [
    { id: "e1", source: "start", target: "ask-order" },
    { id: "e2", source: "ask-order", target: "lookup" },
    { id: "e3", source: "lookup", target: "tell" },
    { id: "e4", source: "lookup", sourceHandle: "error", target: "tell" },
    { id: "e5", source: "tell", target: "ask-callback" },
    { id: "e6", source: "ask-callback", target: "notify" },
    { id: "e7", source: "notify", target: "done" },
    { id: "e8", source: "notify", sourceHandle: "error", target: "done" },
  ],
});

beforeAll(async () => {
  shop = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on("end", () => {
      const got = {
        url: req.url ?? "",
        body,
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        ...(typeof req.headers["x-order"] === "string" ? { order: req.headers["x-order"] } : {}),
      };
      res.setHeader("content-type", "application/json");
      if (got.url.startsWith("/planted")) {
        planted.push(got);
        res.end('{"ok":true}');
        return;
      }
      seen.push(got);
      // Echoes the request back, headers the API does not use included.
      res.end(JSON.stringify({ echo: `${got.url} ${got.order ?? ""} ${body}` }));
    });
  });
  await new Promise<void>((resolve) => shop.listen(0, "127.0.0.1", resolve));
  shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
  graph = await startGraphEmulator({ appSecret: APP_SECRET, pageToken: PAGE_TOKEN });
  rt = await startRuntime({
    MESSENGER_APP_SECRET: APP_SECRET,
    MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
    GRAPH_API_URL: graph.url,
    CONVO_ALLOW_PRIVATE_HTTP: "1",
  });
  expect((await rt.api("PUT", "/api/secrets/SHOP_TOKEN", { value: SECRET })).status).toBe(200);
  expect((await rt.api("POST", "/api/flows/import?overwrite=1", shopFlow())).status).toBe(201);
  expect((await rt.api("POST", "/api/flows/shop/publish", {})).status).toBe(201);
});
afterAll(async () => {
  await rt?.stop();
  await graph?.close();
  await new Promise((resolve) => shop?.close(resolve));
});

const messagesTo = (psid: string, count: number) =>
  waitFor(() => {
    const found = sentMessages(graph.calls, psid);
    return found.length >= count ? found.map(messageText) : undefined;
  }, `${count} message(s) to ${psid}`);

async function tell(psid: string, text: string) {
  expect((await postWebhook(rt.url, webhookBody([textItem(psid, text)]))).status).toBe(200);
}

describe("secrets only where the author wrote them", () => {
  it("sends a customer's {{secrets.…}} as typed, in the body, a header, the query and a whole URL", async () => {
    const typed = "{{secrets.SHOP_TOKEN}}";
    await tell("mallory", "zebrashop please");
    await messagesTo("mallory", 1);
    await tell("mallory", typed);
    const [, told] = await messagesTo("mallory", 3);
    // The author's header got the secret; everything the customer typed went as typed.
    expect(seen[0]).toEqual({
      url: `/orders?o=${encodeURIComponent(typed)}`,
      authorization: `Bearer ${SECRET}`,
      order: typed,
      body: `{"order":"${typed}"}`,
    });
    // So the API's echo, shown to the customer, holds no secret.
    expect(told).toContain("The shop says:");
    expect(told).not.toContain(SECRET);

    // The customer gives a whole address with a secret reference in it.
    await tell("mallory", `${shopUrl}/steal?k=${typed}`);
    await messagesTo("mallory", 4);
    expect(seen[1]?.url).toBe(`/steal?k=${typed}`);
    expect(JSON.stringify(seen)).not.toContain(`k=${SECRET}`);
    expect(seen.filter((s) => JSON.stringify(s).includes(SECRET))).toHaveLength(1);

    // What is stored of the calls (and so exported) is the request with the secret unfilled.
    const exported = await rt.api("GET", "/api/contacts/mallory/export");
    expect(exported.status).toBe(200);
    expect(JSON.stringify(exported.json)).not.toContain(SECRET);
    expect(JSON.stringify(exported.json)).toContain("Bearer {{secrets.SHOP_TOKEN}}");
  });
});

/** The security review's planted credentials, in a flow the runtime runs against the shop. */
function plantedShopFlow() {
  const flow = plantedFlow() as Json;
  flow.id = "planted";
  flow.name = "Planted";
  flow.nodes[0].data.triggers = [
    { kind: "keyword", match: "contains", keywords: ["plantedcreds"] },
  ];
  const call = flow.nodes.at(-1);
  const [, lookup, form] = call.data.steps;
  lookup.url = lookup.url.replace(
    /^https:\/\/(admin:[^@]*)@shop\.test\/orders/,
    (_m: string, user: string) => `http://${user}@${shopUrl.slice("http://".length)}/planted`,
  );
  form.url = `${shopUrl}/planted/form`;
  // The greeting goes straight to the calls.
  flow.edges = [{ id: "planted-e1", source: flow.nodes[0].id, target: call.id }];
  return flow;
}

describe("credentials typed into a flow do not leave the runtime", () => {
  it("are used as written, and neither the flow's export nor the contact's export holds one", async () => {
    const flow = plantedShopFlow();
    expect((await rt.api("POST", "/api/flows/import?overwrite=1", flow)).status).toBe(201);
    const published = await rt.api("POST", "/api/flows/planted/publish", {});
    expect(published.status, JSON.stringify(published.json)).toBe(201);
    await tell("trudy", "plantedcreds");
    await waitFor(() => (planted.length >= 2 ? true : undefined), "both calls at the shop");
    // The calls carried what the author typed (the flow works as drawn).
    expect(JSON.stringify(planted)).toContain(PLANTED[0]);
    expect(planted[0]?.authorization).toBe(`Bearer ${PLANTED[0]}`);

    const exported = await rt.api("GET", "/api/flows/planted/export");
    expect(exported.status).toBe(200);
    const contact = await rt.api("GET", "/api/contacts/trudy/export");
    expect(contact.status).toBe(200);
    const contactText = JSON.stringify(contact.json);
    // The stored calls are there, with what was not a credential.
    expect(contactText).toContain("/planted/form");
    expect(contactText).toContain("application/json");
    for (const secret of PLANTED) {
      expect(String(exported.json), `flow export: ${secret}`).not.toContain(secret);
      expect(contactText, `contact export: ${secret}`).not.toContain(secret);
    }
  });
});
