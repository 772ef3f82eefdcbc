import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { renderSend } from "../send/render";
import { parseWebhook } from "../webhook/parse";
import { createGraphEmulatorApp } from "./app";

const TOKEN = "EAAGpage";
const SECRET = "s3cret";
const AUTH = `access_token=${TOKEN}&appsecret_proof=${createHmac("sha256", SECRET).update(TOKEN).digest("hex")}`;

const sendText = (
  app: ReturnType<typeof createGraphEmulatorApp>["app"],
  recipient: object,
  type = "text",
) =>
  app.request(`/v25.0/me/messages?${AUTH}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      recipient,
      messaging_type: "RESPONSE",
      message:
        type === "text"
          ? { text: "hi" }
          : { attachment: { type, payload: { url: "https://cdn.example.com/a.mp4" } } },
    }),
  });

describe("the emulator's Send API rate", () => {
  it("answers 613 beyond the Page's calls per second, as Meta does, and takes calls again a second later", async () => {
    const graph = createGraphEmulatorApp({
      pageToken: TOKEN,
      appSecret: SECRET,
      sendRate: { perSecond: 5, mediaPerSecond: 2 },
    });
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => sendText(graph.app, { id: "42" })),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 400, 400, 400]);
    const refused = (await answers[7]?.json()) as { error: { code: number } };
    expect(refused.error.code).toBe(613);
    expect(graph.rateLimitedCalls()).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 1050));
    expect((await sendText(graph.app, { id: "42" })).status).toBe(200);
    // Video has its own, lower rate.
    const videos = [];
    for (let i = 0; i < 3; i++)
      videos.push((await sendText(graph.app, { id: "42" }, "video")).status);
    expect(videos).toEqual([200, 200, 400]);
  });

  it("takes every call without a rate", async () => {
    const graph = createGraphEmulatorApp({ pageToken: TOKEN, appSecret: SECRET });
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => sendText(graph.app, { id: "42" })),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
  });
});

describe("checkbox plugin contacts", () => {
  it("renders a placeholder contact's send to { user_ref }, answered without recipient_id", async () => {
    const rendered = renderSend({ kind: "text", text: "Thanks for your order" }, "user_ref:abc", {
      lastUserMessageAt: 0,
      now: 1,
    });
    expect(rendered.ok && rendered.body.recipient).toEqual({ user_ref: "abc" });
    const graph = createGraphEmulatorApp({ pageToken: TOKEN, appSecret: SECRET });
    const answer = (await (await sendText(graph.app, { user_ref: "abc" })).json()) as Record<
      string,
      unknown
    >;
    expect(answer.message_id).toBeDefined();
    expect(answer).not.toHaveProperty("recipient_id");
  });

  it("reads prior_message of a reply to a checkbox opt-in", () => {
    const result = parseWebhook(
      {
        object: "page",
        entry: [
          {
            id: "1",
            time: 1,
            messaging: [
              {
                sender: { id: "999" },
                recipient: { id: "1" },
                timestamp: 1,
                prior_message: { source: "checkbox_plugin", identifier: "abc" },
                message: { mid: "m.1", text: "yes" },
              },
            ],
          },
        ],
      },
      { appId: "7" },
    );
    expect(result.ok && result.events[0]).toMatchObject({
      psid: "999",
      priorUserRef: "abc",
      kind: "text",
    });
  });
});
