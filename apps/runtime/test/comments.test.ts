import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Json, startRuntime, type TestRuntime } from "./helpers";
import { APP_SECRET, PAGE_ID, PAGE_TOKEN, postWebhook, waitFor } from "./messenger";
import { IG_ACCOUNT, startMeta } from "./meta";

let meta: Awaited<ReturnType<typeof startMeta>>;
let rt: TestRuntime;

/** A giveaway: a comment with "price" gets the list offer privately; "Yes" in the DM gets the list. */
const flow = (created: Json) => ({
  ...created.flow,
  nodes: [
    {
      id: "start",
      type: "trigger",
      position: { x: 0, y: 0 },
      data: { triggers: [{ kind: "comment", keywords: ["price"] }] },
    },
    {
      id: "offer",
      type: "message",
      position: { x: 300, y: 0 },
      data: {
        content: [{ id: "t", kind: "text", text: "Thanks for your comment! Want the price list?" }],
        quickReplies: [{ id: "yes", title: "Yes please" }],
      },
    },
    {
      id: "list",
      type: "message",
      position: { x: 600, y: 0 },
      data: {
        content: [{ id: "t", kind: "text", text: "Here it is: https://shop.example.com/prices" }],
      },
    },
  ],
  edges: [
    { id: "e1", source: "start", target: "offer" },
    { id: "e2", source: "offer", sourceHandle: "yes", target: "list" },
  ],
});

beforeAll(async () => {
  meta = await startMeta();
  rt = await startRuntime({
    MESSENGER_APP_SECRET: APP_SECRET,
    MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
    GRAPH_API_URL: meta.url,
    INSTAGRAM_ACCOUNT_ID: IG_ACCOUNT,
  });
  const created = await rt.api("POST", "/api/flows", { name: "Giveaway", id: "giveaway" });
  expect(
    (await rt.api("PUT", "/api/flows/giveaway", { flow: flow(created.json), revision: 1 })).status,
  ).toBe(200);
  expect((await rt.api("POST", "/api/flows/giveaway/publish", {})).status).toBe(201);
});
afterAll(async () => {
  await rt?.stop();
  await meta?.close();
});

const igComment = (commentId: string, from: string, text: string) =>
  JSON.stringify({
    object: "instagram",
    entry: [
      {
        id: IG_ACCOUNT,
        time: Date.now(),
        changes: [
          {
            field: "comments",
            value: {
              from: { id: from, username: "ana.lima" },
              media: { id: "18000000000000001", media_product_type: "REELS" },
              id: commentId,
              text,
            },
          },
        ],
      },
    ],
  });

const sends = () =>
  meta.graph.calls
    .filter((c) => c.path.endsWith("/me/messages") && c.status === 200)
    .map((c) => c.body as Json);

describe("a comment opens a conversation (Instagram)", () => {
  it("answers a matching comment once, privately, then goes on when the person answers in the DM", async () => {
    for (let i = 0; i < 3; i++) {
      expect(
        (await postWebhook(rt.url, igComment("17865799348089039", "17841455555555555", "PRICE?")))
          .status,
      ).toBe(200);
    }
    const [reply] = await waitFor(() => {
      const found = sends().filter((b) => b.recipient?.comment_id === "17865799348089039");
      return found.length > 0 ? found : undefined;
    }, "the private reply");
    expect(reply).toMatchObject({
      recipient: { comment_id: "17865799348089039" },
      messaging_type: "RESPONSE",
      message: {
        text: "Thanks for your comment! Want the price list?",
        quick_replies: [{ content_type: "text", title: "Yes please" }],
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Delivered three times: answered once.
    expect(sends().filter((b) => b.recipient?.comment_id === "17865799348089039")).toHaveLength(1);

    // The person taps the quick reply in the DM the private reply opened (same IGSID).
    const payload = reply.message.quick_replies[0].payload as string;
    const dm = JSON.stringify({
      object: "instagram",
      entry: [
        {
          id: IG_ACCOUNT,
          time: Date.now(),
          messaging: [
            {
              sender: { id: "17841455555555555" },
              recipient: { id: IG_ACCOUNT },
              timestamp: Date.now(),
              message: { mid: "ig_dm_1", text: "Yes please", quick_reply: { payload } },
            },
          ],
        },
      ],
    });
    expect((await postWebhook(rt.url, dm)).status).toBe(200);
    const [list] = await waitFor(() => {
      const found = sends().filter((b) => b.recipient?.id === "17841455555555555");
      return found.length > 0 ? found : undefined;
    }, "the answer in the DM");
    expect(list?.message?.text).toBe("Here it is: https://shop.example.com/prices");
  });

  it("answers a Page post's comment privately too (feed, item comment, verb add)", async () => {
    const body = JSON.stringify({
      object: "page",
      entry: [
        {
          id: PAGE_ID,
          time: Date.now(),
          changes: [
            {
              field: "feed",
              value: {
                from: { id: "6485999999999999", name: "Ana Lima" },
                message: "what's the price",
                post_id: `${PAGE_ID}_222`,
                comment_id: "222_333",
                created_time: Math.floor(Date.now() / 1000),
                item: "comment",
                parent_id: `${PAGE_ID}_222`,
                verb: "add",
              },
            },
          ],
        },
      ],
    });
    expect((await postWebhook(rt.url, body)).status).toBe(200);
    const [reply] = await waitFor(() => {
      const found = sends().filter((b) => b.recipient?.comment_id === "222_333");
      return found.length > 0 ? found : undefined;
    }, "the Page's private reply");
    expect(reply?.message?.text).toBe("Thanks for your comment! Want the price list?");
  });

  it("keeps a comment no trigger takes, unanswered", async () => {
    expect(
      (await postWebhook(rt.url, igComment("17865799348089040", "17841455555555556", "love it")))
        .status,
    ).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(sends().filter((b) => b.recipient?.comment_id === "17865799348089040")).toEqual([]);
  });
});
