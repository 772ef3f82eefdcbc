import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type RunningGraphEmulator, startGraphEmulator } from "@convo/messenger";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { verifyWebhook } from "../src/pipeline/webhook-signature";
import { type Json, startRuntime, type TestRuntime } from "./helpers";
import { APP_SECRET, PAGE_TOKEN, postWebhook, textItem, waitFor, webhookBody } from "./messenger";
import { createTestDatabase } from "./postgres";

let graph: RunningGraphEmulator;
let receiver: Server;
let receiverUrl: string;
let secret = "";
let requests = 0;
/** Event ids the receiver accepted (answered 2xx), in order; and bad signatures seen. */
const accepted: string[] = [];
let badSignatures = 0;

beforeAll(async () => {
  graph = await startGraphEmulator({ appSecret: APP_SECRET, pageToken: PAGE_TOKEN });
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const header = req.headers["x-convo-signature"] as string | undefined;
      if (!verifyWebhook(secret, body, header, Math.floor(Date.now() / 1000))) {
        badSignatures++;
        res.writeHead(400).end();
        return;
      }
      // Three deliveries in ten fail, whatever they carry.
      if (++requests % 10 < 3) {
        res.writeHead(503).end();
        return;
      }
      const event = JSON.parse(body) as { id: string };
      expect(req.headers["x-convo-event-id"]).toBe(event.id);
      if (!accepted.includes(event.id)) accepted.push(event.id);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/convo`;
});
afterAll(async () => {
  await graph?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe("events out to the brand's endpoints", () => {
  /** The test's runtime and database, stopped and dropped after it. */
  let running: TestRuntime | undefined;
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  afterEach(async () => {
    await running?.stop();
    await database?.drop();
    running = undefined;
    database = undefined;
  });

  it.each(["SQLite", "PostgreSQL"])(
    "gets every event to a receiver that fails three deliveries in ten, each once by id, signed (%s)",
    async (kind) => {
      accepted.length = 0;
      badSignatures = 0;
      database = kind === "PostgreSQL" ? await createTestDatabase("events_out") : undefined;
      const rt = await startRuntime(
        {
          MESSENGER_APP_SECRET: APP_SECRET,
          MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
          GRAPH_API_URL: graph.url,
          CONVO_ALLOW_PRIVATE_HTTP: "1",
          ...(database ? { CONVO_DATABASE_URL: database.url } : {}),
        },
        undefined,
        5,
      );
      running = rt;
      const created = await rt.api("POST", "/api/webhooks/endpoints", {
        url: receiverUrl,
        events: ["*"],
      });
      expect(created.status).toBe(201);
      secret = created.json.secret;
      expect(secret).toMatch(/^whsec_/);
      // The secret is shown once: never listed again.
      const listed = await rt.api("GET", "/api/webhooks/endpoints");
      expect(listed.json.endpoints).toEqual([
        expect.not.objectContaining({ secret: expect.anything() }),
      ]);

      const contacts = Array.from({ length: 20 }, (_, i) => `out-${i}`);
      await postWebhook(rt.url, webhookBody(contacts.map((psid) => textItem(psid, "hello"))));
      const deliveries = await waitFor(
        async () => {
          const { json } = await rt.api("GET", "/api/webhooks/deliveries?limit=500");
          const rows = json.deliveries as Json[];
          const created = rows.filter((d) => d.type === "contact.created");
          return created.length === 20 && rows.every((d) => d.status === "delivered")
            ? rows
            : undefined;
        },
        "every delivery delivered",
        30_000,
      );
      expect(new Set(accepted)).toEqual(new Set(deliveries.map((d: Json) => d.eventId)));
      expect(accepted.length).toBe(deliveries.length);
      expect(deliveries.some((d: Json) => d.attempts > 1)).toBe(true);
      expect(badSignatures).toBe(0);
    },
  );

  it("refuses an endpoint that is not https or points at a private address", async () => {
    const strict = await startRuntime({
      MESSENGER_APP_SECRET: APP_SECRET,
      MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
      GRAPH_API_URL: graph.url,
    });
    try {
      for (const url of [
        "http://crm.example.com/hook",
        "https://127.0.0.1/hook",
        "https://[::1]/hook",
        "https://10.0.0.7/hook",
        "https://localhost/hook",
        "ftp://crm.example.com",
      ]) {
        const answer = await strict.api("POST", "/api/webhooks/endpoints", {
          url,
          events: ["contact.created"],
        });
        expect(answer.status, url).toBe(400);
        expect(answer.json.error.code).toBe("invalid_url");
      }
      const noAuth = await fetch(`${strict.url}/api/webhooks/endpoints`);
      expect(noAuth.status).toBe(401);
    } finally {
      await strict.stop();
    }
  });
});
