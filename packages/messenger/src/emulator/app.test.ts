import { createHmac } from "node:crypto";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createGraphEmulatorApp } from "./app";

const TOKEN = "EAAGpage";
const SECRET = "s3cret";
const PROOF = createHmac("sha256", SECRET).update(TOKEN).digest("hex");
const AUTH = `access_token=${TOKEN}&appsecret_proof=${PROOF}`;

function emulator() {
  return createGraphEmulatorApp({ pageToken: TOKEN, appSecret: SECRET });
}

/** Anything that answers requests in-process: the emulator's app, or a host app mounting it. */
interface Requester {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

async function post(app: Requester, path: string, body: unknown, query = AUTH) {
  const response = await app.request(`${path}?${query}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const send = (message: unknown) => ({
  recipient: { id: "42" },
  messaging_type: "RESPONSE",
  message,
});

describe("Graph API emulator: Send API validation", () => {
  it("accepts documented bodies and answers message_id and recipient_id", async () => {
    const { app } = emulator();
    const bodies = [
      send({
        text: "Hello",
        quick_replies: [
          { content_type: "text", title: "Yes", payload: "Y" },
          { content_type: "user_email" },
        ],
      }),
      send({
        attachment: {
          type: "image",
          payload: { url: "https://example.com/a.png", is_reusable: true },
        },
      }),
      send({
        attachment: {
          type: "template",
          payload: {
            template_type: "button",
            text: "Pick one",
            buttons: [
              { type: "postback", title: "Track", payload: "cv1|f|1|n|h" },
              {
                type: "web_url",
                title: "Shop",
                url: "https://example.com",
                webview_height_ratio: "tall",
              },
              { type: "phone_number", title: "Call", payload: "+33123456789" },
            ],
          },
        },
      }),
      send({
        attachment: {
          type: "template",
          payload: {
            template_type: "generic",
            image_aspect_ratio: "square",
            elements: [
              {
                title: "Card",
                subtitle: "Sub",
                image_url: "https://example.com/c.jpg",
                default_action: { type: "web_url", url: "https://example.com" },
              },
            ],
          },
        },
      }),
      {
        recipient: { id: "42" },
        messaging_type: "MESSAGE_TAG",
        tag: "HUMAN_AGENT",
        message: { text: "Back to you" },
      },
    ];
    for (const body of bodies) {
      const answer = await post(app, "/v21.0/me/messages", body);
      expect(answer).toMatchObject({ status: 200, body: { recipient_id: "42" } });
      expect(answer.body.message_id).toMatch(/^m_[\w-]+$/);
    }
  });

  it("answers a private reply with the commenter's PSID as recipient_id (Private Replies)", async () => {
    const graph = emulator();
    graph.commenters.set("222_333", "6400000000000001");
    const reply = { recipient: { comment_id: "222_333" }, message: { text: "Thanks!" } };
    expect(await post(graph.app, "/v21.0/me/messages", reply)).toMatchObject({
      status: 200,
      body: { recipient_id: "6400000000000001", message_id: expect.any(String) },
    });
    // A comment not set: an id of its own, the same on every answer.
    const other = { ...reply, recipient: { comment_id: "222_334" } };
    const first = (await post(graph.app, "/v21.0/me/messages", other)).body.recipient_id;
    expect(first).toMatch(/^\d{16}$/);
    expect((await post(graph.app, "/v21.0/me/messages", other)).body.recipient_id).toBe(first);
  });

  it("answers a new message_id for every message, also across emulators", async () => {
    const first = emulator();
    const ids = new Set<unknown>();
    for (let i = 0; i < 50; i++) {
      ids.add(
        (await post(first.app, "/v21.0/me/messages", send({ text: `n${i}` }))).body.message_id,
      );
    }
    ids.add(
      (await post(emulator().app, "/v21.0/me/messages", send({ text: "a" }))).body.message_id,
    );
    expect(ids.size).toBe(51);
  });

  it.each([
    [
      "text over 2000 characters",
      send({ text: "x".repeat(2001) }),
      "Length of param message[text] must be less than or equal to 2000",
    ],
    [
      "14 quick replies",
      send({
        text: "hi",
        quick_replies: Array.from({ length: 14 }, (_, i) => ({
          content_type: "text",
          title: `Q${i}`,
          payload: "P",
        })),
      }),
      "message.quick_replies",
    ],
    [
      "a payload over 1000 bytes",
      send({
        text: "hi",
        quick_replies: [{ content_type: "text", title: "t", payload: "é".repeat(501) }],
      }),
      "payload",
    ],
    [
      "four buttons",
      send({
        attachment: {
          type: "template",
          payload: {
            template_type: "button",
            text: "t",
            buttons: Array.from({ length: 4 }, () => ({
              type: "postback",
              title: "b",
              payload: "p",
            })),
          },
        },
      }),
      "buttons",
    ],
    [
      "button text over 640",
      send({
        attachment: {
          type: "template",
          payload: {
            template_type: "button",
            text: "x".repeat(641),
            buttons: [{ type: "postback", title: "b", payload: "p" }],
          },
        },
      }),
      "text",
    ],
    [
      "eleven cards",
      send({
        attachment: {
          type: "template",
          payload: {
            template_type: "generic",
            elements: Array.from({ length: 11 }, () => ({ title: "c" })),
          },
        },
      }),
      "elements",
    ],
    [
      "a javascript: URL",
      send({ attachment: { type: "image", payload: { url: "javascript:alert(1)" } } }),
      "url",
    ],
    [
      "text and attachment together",
      send({ text: "a", attachment: { type: "image", payload: { url: "https://e.com/a.png" } } }),
      "message",
    ],
    [
      "MESSAGE_TAG without a tag",
      { recipient: { id: "42" }, messaging_type: "MESSAGE_TAG", message: { text: "a" } },
      "tag",
    ],
    [
      "message and sender_action together",
      { recipient: { id: "42" }, sender_action: "typing_on", message: { text: "a" } },
      "message or sender_action",
    ],
    ["no recipient", { message: { text: "a" } }, "recipient"],
    [
      "a misspelt key",
      send({ text: "a", quick_reply: [{ content_type: "user_email" }] }),
      "quick_reply",
    ],
  ])("refuses %s with Meta's code 100 error shape", async (_name, body, mention) => {
    const answer = await post(emulator().app, "/v21.0/me/messages", body);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: {
        message: expect.stringContaining("(#100)"),
        type: "OAuthException",
        code: 100,
        fbtrace_id: expect.any(String),
      },
    });
    expect((answer.body.error as { message: string }).message).toContain(mention);
  });
});

describe("Graph API emulator: access and faults", () => {
  it("checks the token and the appsecret_proof, and records refused calls too", async () => {
    const graph = emulator();
    expect(
      (await post(graph.app, "/v21.0/me/messages", send({ text: "a" }), "")).body,
    ).toMatchObject({ error: { code: 2500 } });
    expect(
      (
        await post(
          graph.app,
          "/v21.0/me/messages",
          send({ text: "a" }),
          `access_token=other&appsecret_proof=${PROOF}`,
        )
      ).body,
    ).toMatchObject({ error: { code: 190, type: "OAuthException" } });
    expect(
      (
        await post(
          graph.app,
          "/v21.0/me/messages",
          send({ text: "a" }),
          `access_token=${TOKEN}&appsecret_proof=00`,
        )
      ).body,
    ).toMatchObject({ error: { code: 100, message: expect.stringContaining("appsecret_proof") } });
    expect(
      (
        await post(
          graph.app,
          "/v21.0/me/messages",
          send({ text: "a" }),
          `access_token=${TOKEN}x&appsecret_proof=${PROOF}`,
        )
      ).body,
    ).toMatchObject({ error: { code: 190 } });
    graph.setBadToken(true);
    expect((await post(graph.app, "/v21.0/me/messages", send({ text: "a" }))).body).toMatchObject({
      error: { code: 190 },
    });
    expect(graph.calls.map((c) => c.status)).toEqual([400, 400, 400, 400, 400]);
    expect(graph.calls[2]).toMatchObject({
      query: { access_token: TOKEN, appsecret_proof: "00" },
      response: { error: { code: 100 } },
    });
  });

  it("answers unknown paths with Meta's unknown path error", async () => {
    const answer = await post(emulator().app, "/v21.0/me/nothing_here", {});
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 2500 } } });
  });

  it("draws the same faults for the same seed, at about the rate asked", async () => {
    async function run(seed: number) {
      const graph = emulator();
      graph.setFaults({ rate: 0.3, codes: [500, 613, 551], seed });
      const statuses: string[] = [];
      for (let i = 0; i < 60; i++) {
        const answer = await post(graph.app, "/v21.0/me/messages", send({ text: `n${i}` }));
        statuses.push(
          answer.status === 200 ? "ok" : String((answer.body.error as { code: number }).code),
        );
      }
      return statuses;
    }
    const first = await run(11);
    expect(await run(11)).toEqual(first);
    expect(await run(12)).not.toEqual(first);
    const failed = first.filter((s) => s !== "ok");
    expect(failed.length).toBeGreaterThan(5);
    expect(failed.length).toBeLessThan(35);
    expect(new Set(failed)).toEqual(new Set(["2", "613", "551"]));
  });

  it("can be mounted inside another Hono app (the runtime's sandbox mode)", async () => {
    const graph = emulator();
    const host = new Hono();
    host.route("/graph", graph.app);
    const answer = await post(host, "/graph/v21.0/me/messages", send({ text: "in-process" }));
    expect(answer.status).toBe(200);
    expect(graph.calls[0]).toMatchObject({
      path: "/graph/v21.0/me/messages",
      body: send({ text: "in-process" }),
    });
  });

  it("tells listeners about each call", async () => {
    const graph = emulator();
    const seen: string[] = [];
    const stop = graph.onCall((call) => seen.push(`${call.method} ${call.status}`));
    await post(graph.app, "/v21.0/me/messages", send({ text: "a" }));
    stop();
    await post(graph.app, "/v21.0/me/messages", send({ text: "b" }));
    expect(seen).toEqual(["POST 200"]);
  });
});

describe("Graph API emulator: Messenger Profile and thread control", () => {
  it("wants a Get Started button before a persistent menu, as Meta does", async () => {
    const graph = emulator();
    const menu = {
      persistent_menu: [
        {
          locale: "default",
          call_to_actions: [{ type: "postback", title: "Menu", payload: "MENU" }],
        },
      ],
    };
    expect((await post(graph.app, "/v21.0/me/messenger_profile", menu)).body).toMatchObject({
      error: { code: 100 },
    });
    expect(
      (
        await post(graph.app, "/v21.0/me/messenger_profile", {
          ...menu,
          get_started: { payload: "GO" },
        })
      ).body,
    ).toEqual({ result: "success" });
  });

  it("refuses a greeting over 160 characters and ice breakers over 4", async () => {
    const graph = emulator();
    expect(
      (
        await post(graph.app, "/v21.0/me/messenger_profile", {
          greeting: [{ locale: "default", text: "x".repeat(161) }],
        })
      ).status,
    ).toBe(400);
    const questions = Array.from({ length: 5 }, (_, i) => ({
      question: `Q${i}?`,
      payload: `Q${i}`,
    }));
    expect(
      (
        await post(graph.app, "/v21.0/me/messenger_profile", {
          ice_breakers: [{ call_to_actions: questions }],
        })
      ).status,
    ).toBe(400);
  });

  it("needs a target app to pass thread control", async () => {
    const graph = emulator();
    expect(
      (await post(graph.app, "/v21.0/me/pass_thread_control", { recipient: { id: "42" } })).status,
    ).toBe(400);
    expect(
      (
        await post(graph.app, "/v21.0/me/pass_thread_control", {
          recipient: { id: "42" },
          target_app_id: "263902037430900",
        })
      ).body,
    ).toEqual({ success: true });
  });
});

describe("Graph API emulator: the Page's subscribed apps", () => {
  it("answers Meta's shape, with message_echoes while echoes are on, and lets tests set the fields", async () => {
    const { startGraphEmulator } = await import("./server");
    const { createSendApiClient } = await import("../send/client");
    const graph = await startGraphEmulator({ pageToken: TOKEN, appSecret: SECRET, appId: "777" });
    try {
      const client = createSendApiClient({
        baseUrl: graph.url,
        pageToken: TOKEN,
        appSecret: SECRET,
      });
      const raw = await fetch(`${graph.url}/v21.0/me/subscribed_apps?${AUTH}`);
      expect(await raw.json()).toEqual({
        data: [
          {
            category: "Business",
            link: "https://www.facebook.com/games/?app_id=777",
            name: "Convo",
            id: "777",
            subscribed_fields: [
              "messages",
              "messaging_postbacks",
              "messaging_referrals",
              "messaging_optins",
            ],
          },
        ],
      });
      graph.setEchoes({
        webhookUrl: "http://127.0.0.1:9/webhooks",
        appSecret: SECRET,
        appId: "777",
      });
      expect((await client.getSubscribedApps())[0]?.subscribed_fields).toContain("message_echoes");
      graph.setSubscribedFields(["messages"]);
      expect(await client.getSubscribedApps("104857600000001")).toEqual([
        { id: "777", name: "Convo", subscribed_fields: ["messages"] },
      ]);
      await expect(client.getSubscribedApps("999")).rejects.toMatchObject({ code: 100 });
    } finally {
      await graph.close();
    }
  });
});
