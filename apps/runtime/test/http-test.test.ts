import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRuntime, type TestRuntime } from "./helpers";
import { invited, setUpOwner } from "./people";

/**
 * "Test request" in the HTTP step's inspector: the step as drawn, with its sample values, goes
 * through the live step's guarded fetch. The shop here echoes what it gets, headers included, as
 * many APIs do: the key it was sent must still not reach the browser.
 */

const SECRET = "sk-shop-9f8e7d6c5b4a";
let shop: Server;
let shopUrl: string;
const seen: IncomingMessage[] = [];
let open: TestRuntime;
let guarded: TestRuntime;

const step = (over: Record<string, unknown> = {}) => ({
  kind: "http",
  method: "GET",
  url: `${shopUrl}/orders/{{order_number}}?who={{contact.first_name}}`,
  headers: [{ name: "Authorization", value: "Bearer {{secrets.SHOP_TOKEN}}" }],
  samples: { order_number: "A 1042", "contact.first_name": "Léa" },
  ...over,
});

beforeAll(async () => {
  shop = createServer((req, res) => {
    seen.push(req);
    res.setHeader("content-type", "application/json");
    res.setHeader("x-shop", "demo");
    res.end(
      JSON.stringify({
        data: { items: [{ status: "shipped", url: req.url }] },
        youSent: req.headers.authorization,
      }),
    );
  });
  await new Promise<void>((resolve) => shop.listen(0, "127.0.0.1", resolve));
  shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
  open = await startRuntime({ CONVO_ALLOW_PRIVATE_HTTP: "1" });
  guarded = await startRuntime();
  for (const rt of [open, guarded]) {
    expect((await rt.api("PUT", "/api/secrets/SHOP_TOKEN", { value: SECRET })).status).toBe(200);
  }
});

afterAll(async () => {
  await open?.stop();
  await guarded?.stop();
  await new Promise((resolve) => shop?.close(resolve));
});

describe("POST /api/http-test", () => {
  it("sends the step with its samples and shows status, headers and the JSON answer, the key masked", async () => {
    seen.length = 0;
    const { owner } = await setUpOwner(open.url, open.setupLink);
    const { browser: editor } = await invited(owner, "eddie@example.com", "editor", "Eddie");
    const answer = await editor.call("POST", "/api/http-test", { step: step() });
    expect(answer.status).toBe(200);
    expect(answer.json.ok).toBe(true);
    expect(answer.json.status).toBe(200);
    expect(answer.json.headers["x-shop"]).toBe("demo");
    expect(answer.json.body.data.items[0].status).toBe("shipped");
    // The samples filled the templates, escaped inside the address as the live step does.
    expect(answer.json.body.data.items[0].url).toBe("/orders/A%201042?who=L%C3%A9a");
    // The shop got the real key; the browser sees where it went, never what it is.
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(answer.json.body.youSent).toBe("Bearer [secret SHOP_TOKEN]");
    expect(answer.json.request.url).toBe(`${shopUrl}/orders/A%201042?who=L%C3%A9a`);
    expect(answer.text).not.toContain(SECRET);
  });

  it("refuses a private address unless the runtime allows them, as the live step does", async () => {
    seen.length = 0;
    const answer = await guarded.api("POST", "/api/http-test", { step: step() });
    expect(answer.status).toBe(200);
    expect(answer.json.ok).toBe(false);
    expect(answer.json.error).toBe("127.0.0.1 is a private address.");
    expect(seen).toHaveLength(0);
  });

  it("refuses what is not http(s), and a sample named after a secret", async () => {
    const ftp = await open.api("POST", "/api/http-test", {
      step: step({ url: "ftp://127.0.0.1/orders" }),
    });
    expect(ftp.json).toMatchObject({ ok: false, error: "Only http and https URLs are allowed." });
    const sneaky = await open.api("POST", "/api/http-test", {
      step: step({ samples: { "secrets.SHOP_TOKEN": "guess" } }),
    });
    expect(sneaky.status).toBe(400);
  });

  it("says when the answer does not come in time", async () => {
    const slow = createServer(() => {
      // Never answers.
    });
    await new Promise<void>((resolve) => slow.listen(0, "127.0.0.1", resolve));
    const port = (slow.address() as AddressInfo).port;
    const answer = await open.api("POST", "/api/http-test", {
      step: step({ url: `http://127.0.0.1:${port}/`, timeoutMs: 200 }),
    });
    expect(answer.json).toMatchObject({ ok: false, error: "No answer within 200 ms." });
    slow.closeAllConnections();
    await new Promise((resolve) => slow.close(resolve));
  });
});
