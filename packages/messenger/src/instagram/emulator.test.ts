import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createSendApiClient } from "../send/client";
import { GraphError } from "../send/graph-error";
import type { SendBody } from "../send/schemas";
import { parseWebhook } from "../webhook/parse";
import { verifySignature } from "../webhook/verify";
import { createInstagramEmulator } from "./emulator";
import { INSTAGRAM_PROFILE_FIELDS, readInstagramProfile } from "./profile";

const TOKEN = "IGQWtoken";
const SECRET = "s3cret";
const ACCOUNT = "17841400000000009";

/** The emulator and the real Send API client over it, in-process. */
function instagram() {
  const emulator = createInstagramEmulator({
    pageToken: TOKEN,
    appSecret: SECRET,
    accountId: ACCOUNT,
  });
  const client = createSendApiClient({
    baseUrl: "http://instagram.test",
    pageToken: TOKEN,
    appSecret: SECRET,
    retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    rateLimit: { baseDelayMs: 1, maxDelayMs: 1 },
    fetch: async (url, { timeoutMs: _t, ...init }) => emulator.app.fetch(new Request(url, init)),
  });
  return { emulator, client };
}

describe("Instagram emulator: the User Profile API of an IGSID", () => {
  it("answers name, username and profile_pic, as Convo asks them", async () => {
    const { emulator, client } = instagram();
    emulator.profiles.set("5001", {
      name: "Peter Chang",
      username: "peter_chang_live",
      profile_pic: "https://cdn.example.com/p.jpg",
      follower_count: 1234,
    });
    const answer = await client.getProfile("5001", INSTAGRAM_PROFILE_FIELDS);
    expect(answer).toEqual({
      id: "5001",
      name: "Peter Chang",
      username: "peter_chang_live",
      profile_pic: "https://cdn.example.com/p.jpg",
    });
    expect(readInstagramProfile(answer)).toEqual({
      firstName: "Peter",
      lastName: "Chang",
      username: "peter_chang_live",
      profilePic: "https://cdn.example.com/p.jpg",
    });
  });

  it("refuses Messenger's fields, and anyone who has not messaged the account (230)", async () => {
    const { emulator, client } = instagram();
    emulator.profiles.set("5002", { name: "Ana" });
    await expect(client.getProfile("5002", ["first_name"])).rejects.toMatchObject({
      code: 100,
      message: "(#100) Tried accessing nonexisting field (first_name)",
    });
    const refused = await client.getProfile("5003", INSTAGRAM_PROFILE_FIELDS).catch((e) => e);
    expect(refused).toBeInstanceOf(GraphError);
    expect(refused).toMatchObject({
      code: 230,
      category: "bad_request",
      message: "User consent is required to access user profile.",
    });
  });
});

const to = (message: NonNullable<SendBody["message"]>): SendBody => ({
  recipient: { id: "5001" },
  messaging_type: "RESPONSE",
  message,
});

describe("Instagram emulator: sends as Instagram takes them", () => {
  it("accepts a text, quick replies, generic and button templates", async () => {
    const { client } = instagram();
    const button = { type: "postback" as const, title: "Yes", payload: "y" };
    for (const message of [
      {
        text: "é".repeat(500),
        quick_replies: [{ content_type: "text" as const, title: "Hi", payload: "h" }],
      },
      { attachment: { type: "image" as const, payload: { url: "https://example.com/a.png" } } },
      {
        attachment: {
          type: "template" as const,
          payload: {
            template_type: "generic" as const,
            elements: [{ title: "Hat", buttons: [button] }],
          },
        },
      },
      {
        attachment: {
          type: "template" as const,
          payload: { template_type: "button" as const, text: "Sure?", buttons: [button] },
        },
      },
    ]) {
      await expect(client.sendMessage(to(message))).resolves.toMatchObject({ recipientId: "5001" });
    }
  });

  it("refuses what Instagram has not, with Meta's error body", async () => {
    const { emulator, client } = instagram();
    const refusals: [NonNullable<SendBody["message"]>, string][] = [
      [{ text: "é".repeat(501) }, "must be less than or equal to 1000 bytes"],
      [
        { text: "Mail?", quick_replies: [{ content_type: "user_email" }] },
        "Quick reply content_type user_email is not supported on Instagram",
      ],
      [
        { attachment: { type: "file", payload: { url: "https://example.com/a.pdf" } } },
        "Attachment type file is not supported on Instagram",
      ],
      [
        {
          attachment: {
            type: "template",
            payload: {
              template_type: "media",
              elements: [{ media_type: "image", url: "https://www.facebook.com/photo/1" }],
            },
          },
        },
        "Template type media is not supported on Instagram",
      ],
      [
        {
          attachment: {
            type: "template",
            payload: {
              template_type: "button",
              text: "Call us",
              buttons: [{ type: "phone_number", title: "Call", payload: "+33612345678" }],
            },
          },
        },
        "Button type phone_number is not supported on Instagram",
      ],
    ];
    for (const [message, words] of refusals) {
      const error = await client.sendMessage(to(message)).catch((e) => e);
      expect(error).toBeInstanceOf(GraphError);
      expect(error).toMatchObject({ status: 400, code: 100, category: "bad_request" });
      expect(error.message).toContain(words);
    }
    const last = emulator.calls.at(-1);
    expect(last?.response).toEqual({
      error: {
        message: "(#100) Button type phone_number is not supported on Instagram",
        type: "OAuthException",
        code: 100,
        fbtrace_id: expect.any(String),
      },
    });
  });

  it("fails on demand as the Messenger emulator does (the same fault plan)", async () => {
    const { emulator, client } = instagram();
    emulator.failNext(1, 613);
    await expect(client.sendMessage(to({ text: "Hi" }))).rejects.toMatchObject({
      code: 613,
      category: "rate_limited",
    });
    await expect(client.sendMessage(to({ text: "Hi" }))).resolves.toBeDefined();
    emulator.setFaults({ rate: 1, codes: [1200], seed: 3 });
    await expect(client.sendMessage(to({ text: "Hi" }))).rejects.toMatchObject({
      code: 1200,
      category: "transient",
    });
    emulator.reset();
    await expect(client.sendMessage(to({ text: "Hi" }))).resolves.toBeDefined();
  });
});

describe("Instagram emulator: echoes", () => {
  it("echoes a sent message from the account, object instagram, is_echo, signed", async () => {
    const posts: { body: string; signature: string | undefined }[] = [];
    const server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => {
        body += chunk;
      });
      request.on("end", () => {
        posts.push({ body, signature: request.headers["x-hub-signature-256"] as string });
        response.end("ok");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const { emulator, client } = instagram();
    emulator.setEchoes({
      webhookUrl: `http://127.0.0.1:${port}/webhooks/messenger`,
      appSecret: SECRET,
      appId: "1517776481860111",
    });
    const sent = await client.sendMessage(to({ text: "Hi Ana", metadata: "convo|1" }));
    await emulator.flushEchoes();
    await emulator.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));

    expect(posts).toHaveLength(1);
    const [post] = posts;
    if (!post) throw new Error("no echo");
    expect(verifySignature(Buffer.from(post.body), post.signature, SECRET)).toBe(true);
    const body = JSON.parse(post.body);
    expect(body).toMatchObject({
      object: "instagram",
      entry: [
        {
          id: ACCOUNT,
          messaging: [
            {
              sender: { id: ACCOUNT },
              recipient: { id: "5001" },
              message: { is_echo: true, mid: sent.messageId, text: "Hi Ana", metadata: "convo|1" },
            },
          ],
        },
      ],
    });
    const parsed = parseWebhook(body, { accounts: { instagram: ACCOUNT } });
    expect(parsed.ok && parsed.events[0]).toMatchObject({ platform: "instagram", kind: "echo" });
  });
});
