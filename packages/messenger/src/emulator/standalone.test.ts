import { createServer, type Server } from "node:http";
import { MessengerClient } from "messaging-api-messenger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifySignature } from "../webhook/verify";
import { EMULATOR_PAGE_ID } from "./identity";
import { type RunningStandaloneEmulator, startStandaloneEmulator } from "./standalone";

/**
 * The emulator as a brand's developer runs it (`convo emulator`): their own Messenger client
 * (here the maintained `messaging-api-messenger`, nobody here wrote it) sends through it, their
 * webhook receives the echoes and the customer's words signed as Meta signs them, and a test
 * script reads the calls and asks for faults over HTTP.
 */
const TOKEN = "EAAGstandalone";
const SECRET = "standalone-secret";
const PSID = "7001";

interface Delivery {
  signed: boolean;
  body: { entry: { messaging: Record<string, unknown>[] }[] };
}
const delivered: Delivery[] = [];
let webhook: Server;
let running: RunningStandaloneEmulator;
let client: MessengerClient;

beforeAll(async () => {
  webhook = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const signature = req.headers["x-hub-signature-256"] as string | undefined;
      delivered.push({
        signed: verifySignature(raw, signature, SECRET),
        body: JSON.parse(raw.toString("utf8")),
      });
      res.end("EVENT_RECEIVED");
    });
  });
  await new Promise<void>((resolve) => webhook.listen(0, "127.0.0.1", resolve));
  const port = (webhook.address() as { port: number }).port;
  running = await startStandaloneEmulator({
    pageToken: TOKEN,
    appSecret: SECRET,
    webhookUrl: `http://127.0.0.1:${port}/webhooks/messenger`,
  });
  client = new MessengerClient({
    accessToken: TOKEN,
    appSecret: SECRET,
    version: "21.0",
    origin: running.url,
  });
});
afterAll(async () => {
  await running?.close();
  await new Promise((resolve) => webhook?.close(resolve));
});

const json = async (path: string, init?: RequestInit) => {
  const response = await fetch(`${running.url}${path}`, init);
  // biome-ignore lint/suspicious/noExplicitAny: the control routes' JSON, read field by field below
  const body: any = response.status === 204 ? null : await response.json();
  return { status: response.status, body };
};
const post = (path: string, body: unknown) =>
  json(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("convo emulator: the Graph API on its own", () => {
  it("accepts the developer's client, echoes the message to their webhook signed, and lists the call without its secrets", async () => {
    const sent = await client.sendText(PSID, "Your parcel has shipped");
    expect(sent).toMatchObject({ recipientId: PSID, messageId: expect.any(String) });
    await running.emulator.flushEchoes();
    const echo = delivered.at(-1);
    expect(echo?.signed).toBe(true);
    expect(echo?.body.entry[0]?.messaging[0]).toMatchObject({
      sender: { id: EMULATOR_PAGE_ID },
      recipient: { id: PSID },
      message: { is_echo: true, mid: sent.messageId, text: "Your parcel has shipped" },
    });

    const { body } = await json("/_calls");
    const call = body.data.find((c: { path: string }) => c.path === "/v21.0/me/messages");
    expect(call).toMatchObject({
      method: "POST",
      status: 200,
      body: { message: { text: "Your parcel has shipped" } },
    });
    expect(call.query.access_token).toBe("[redacted]");
    expect(call.query.appsecret_proof).toBe("[redacted]");
    expect(JSON.stringify(body)).not.toContain(TOKEN);
  });

  it("plays the customer: a message and a button tap reach the webhook as Meta sends them, signed", async () => {
    delivered.length = 0;
    expect((await post("/_say", { psid: PSID, text: "où est mon colis ?" })).status).toBe(200);
    expect((await post("/_say", { psid: PSID, payload: "TRACK", title: "Suivre" })).status).toBe(
      200,
    );
    expect(delivered.map((d) => d.signed)).toEqual([true, true]);
    const [said, tapped] = delivered.map((d) => d.body.entry[0]?.messaging[0]);
    expect(said).toMatchObject({
      sender: { id: PSID },
      recipient: { id: EMULATOR_PAGE_ID },
      message: { mid: expect.any(String), text: "où est mon colis ?" },
    });
    expect(tapped).toMatchObject({ postback: { payload: "TRACK", title: "Suivre" } });
    expect((await post("/_say", { psid: PSID })).status).toBe(400);
  });

  it("fails the next calls with Meta's error when asked, then behaves again", async () => {
    expect((await post("/_faults", { next: 1, code: 613 })).status).toBe(204);
    const error = (await client.sendText(PSID, "hello").catch((e: unknown) => e)) as {
      response?: { status: number; data: { error: Record<string, unknown> } };
    };
    expect(error.response?.status).toBe(400);
    expect(error.response?.data.error).toMatchObject({ code: 613, type: "OAuthException" });
    await expect(client.sendText(PSID, "hello again")).resolves.toMatchObject({
      recipientId: PSID,
    });
    expect((await post("/_faults", { next: 1, code: 42 })).status).toBe(400);
  });

  it("answers a profile a script set, and refuses a wrong token as Meta does", async () => {
    expect(
      (
        await json(`/_profiles/${PSID}`, {
          method: "PUT",
          body: JSON.stringify({ first_name: "Zoé", last_name: "Martin" }),
        })
      ).status,
    ).toBe(204);
    expect(await client.getUserProfile(PSID)).toMatchObject({
      firstName: "Zoé",
      lastName: "Martin",
    });
    const stranger = new MessengerClient({
      accessToken: "EAAGother",
      version: "21.0",
      origin: running.url,
    });
    const error = (await stranger.sendText(PSID, "hi").catch((e: unknown) => e)) as {
      response?: { data: { error: Record<string, unknown> } };
    };
    expect(error.response?.data.error).toMatchObject({ code: 190, type: "OAuthException" });
  });
});
