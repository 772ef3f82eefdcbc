import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Json, startRuntime, type TestRuntime } from "./helpers";
import {
  APP_SECRET,
  PAGE_ID,
  PAGE_TOKEN,
  postWebhook,
  sentMessages,
  textItem,
  waitFor,
  webhookBody,
} from "./messenger";
import { IG_ACCOUNT, IG_TOKEN, startMeta } from "./meta";

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
      data: {
        triggers: [
          {
            kind: "comment",
            keywords: ["price"],
            publicReply: "Sent you a DM, {{contact.first_name|friend}}!",
          },
        ],
      },
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

/** A size survey: a comment with "size" is asked privately; the size typed in Messenger is kept. */
const sizeFlow = (created: Json) => ({
  ...created.flow,
  variables: [{ name: "size", type: "text" }],
  nodes: [
    {
      id: "start",
      type: "trigger",
      position: { x: 0, y: 0 },
      data: { triggers: [{ kind: "comment", keywords: ["size"] }] },
    },
    {
      id: "ask",
      type: "input",
      position: { x: 300, y: 0 },
      data: { question: "Which size do you wear?", variable: "size", validation: { kind: "text" } },
    },
    {
      id: "noted",
      type: "message",
      position: { x: 600, y: 0 },
      data: {
        content: [{ id: "t", kind: "text", text: "Size {{size}} noted, {{contact.first_name}}!" }],
      },
    },
  ],
  edges: [
    { id: "e1", source: "start", target: "ask" },
    { id: "e2", source: "ask", target: "noted" },
  ],
});

beforeAll(async () => {
  meta = await startMeta();
  rt = await startRuntime({
    MESSENGER_APP_SECRET: APP_SECRET,
    MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
    GRAPH_API_URL: meta.url,
    INSTAGRAM_ACCOUNT_ID: IG_ACCOUNT,
    INSTAGRAM_TOKEN: IG_TOKEN,
  });
  const created = await rt.api("POST", "/api/flows", { name: "Giveaway", id: "giveaway" });
  expect(
    (await rt.api("PUT", "/api/flows/giveaway", { flow: flow(created.json), revision: 1 })).status,
  ).toBe(200);
  expect((await rt.api("POST", "/api/flows/giveaway/publish", {})).status).toBe(201);
  const sizes = await rt.api("POST", "/api/flows", { name: "Sizes", id: "sizes" });
  expect(
    (await rt.api("PUT", "/api/flows/sizes", { flow: sizeFlow(sizes.json), revision: 1 })).status,
  ).toBe(200);
  expect((await rt.api("POST", "/api/flows/sizes/publish", {})).status).toBe(201);
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

/** The Send API bodies accepted, Instagram's (sent with its token) or the Page's. */
const sends = (on: "instagram" | "page" = "instagram") =>
  (on === "instagram" ? meta.instagram : meta.graph).calls
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
    // The public reply under the comment: Instagram's `replies` edge, the commenter unnamed yet.
    await waitFor(
      () => (meta.instagram.commentReplies.length > 0 ? true : undefined),
      "the public reply",
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Delivered three times: answered once, privately and publicly.
    expect(sends().filter((b) => b.recipient?.comment_id === "17865799348089039")).toHaveLength(1);
    expect(meta.instagram.commentReplies).toEqual([
      expect.objectContaining({
        commentId: "17865799348089039",
        message: "Sent you a DM, friend!",
      }),
    ]);
    const replyCall = meta.instagram.calls.find((c) => c.path.endsWith("/replies"));
    expect(replyCall?.path).toMatch(/^\/v\d+\.\d+\/17865799348089039\/replies$/);
    const commenter = await rt.api("GET", "/api/contacts/ig:17841455555555555");
    expect(commenter.json.fields).toMatchObject({ username: "ana.lima" });
    const transcript = await rt.api("GET", "/api/contacts/ig:17841455555555555/transcript");
    expect(transcript.json.messages).toContainEqual(
      expect.objectContaining({
        direction: "out",
        text: "Sent you a DM, friend!",
        payload: { publicReply: { commentId: "17865799348089039" } },
      }),
    );

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
      const found = sends("page").filter((b) => b.recipient?.comment_id === "222_333");
      return found.length > 0 ? found : undefined;
    }, "the Page's private reply");
    expect(reply?.message?.text).toBe("Thanks for your comment! Want the price list?");
    // The commenter is the feed's from.id, named by from.name; the public reply is the comment's
    // `comments` edge.
    const [publicReply] = await waitFor(
      () => (meta.graph.commentReplies.length > 0 ? meta.graph.commentReplies : undefined),
      "the Page's public reply",
    );
    expect(publicReply).toMatchObject({ commentId: "222_333", message: "Sent you a DM, Ana!" });
    expect(meta.graph.calls.find((c) => c.path.endsWith("/222_333/comments"))?.status).toBe(200);
    const commenter = await rt.api("GET", "/api/contacts/6485999999999999");
    expect(commenter.json).toMatchObject({ firstName: "Ana", lastName: "Lima" });
  });

  it("keeps a comment no trigger takes, unanswered", async () => {
    expect(
      (await postWebhook(rt.url, igComment("17865799348089040", "17841455555555556", "love it")))
        .status,
    ).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(sends().filter((b) => b.recipient?.comment_id === "17865799348089040")).toEqual([]);
    expect(meta.instagram.commentReplies.map((r) => r.commentId)).not.toContain(
      "17865799348089040",
    );
  });

  it("goes on in Messenger when a Page commenter types their answer: the private reply named their PSID", async () => {
    // The feed names the commenter by an id of its own; the private reply's answer, by the PSID
    // their Messenger messages carry.
    const commenter = "6485000000000077";
    const psid = "7012345678901234";
    meta.graph.commenters.set("444_555", psid);
    const comment = JSON.stringify({
      object: "page",
      entry: [
        {
          id: PAGE_ID,
          time: Date.now(),
          changes: [
            {
              field: "feed",
              value: {
                from: { id: commenter, name: "Léa Martin" },
                message: "which size is it?",
                post_id: `${PAGE_ID}_444`,
                comment_id: "444_555",
                created_time: Math.floor(Date.now() / 1000),
                item: "comment",
                parent_id: `${PAGE_ID}_444`,
                verb: "add",
              },
            },
          ],
        },
      ],
    });
    expect((await postWebhook(rt.url, comment)).status).toBe(200);
    const [reply] = await waitFor(() => {
      const found = sends("page").filter((b) => b.recipient?.comment_id === "444_555");
      return found.length > 0 ? found : undefined;
    }, "the private reply");
    expect(reply?.message?.text).toBe("Which size do you wear?");
    const answered = meta.graph.calls.find(
      (c) => (c.body as Json | undefined)?.recipient?.comment_id === "444_555",
    );
    expect(answered?.response).toMatchObject({ recipient_id: psid });
    // The conversation is the PSID's now: the comment and the private reply in its transcript.
    const transcript = await waitFor(async () => {
      const t = await rt.api("GET", `/api/contacts/${psid}/transcript`);
      return t.status === 200 && t.json.messages.length >= 2 ? t.json.messages : undefined;
    }, "the conversation under the PSID");
    expect(transcript.map((m: Json) => m.text)).toEqual([
      "which size is it?",
      "Which size do you wear?",
    ]);

    // Léa answers in Messenger, typing: the flow goes on from the question.
    expect((await postWebhook(rt.url, webhookBody([textItem(psid, "M")]))).status).toBe(200);
    const [answer] = await waitFor(() => {
      const found = sentMessages(meta.graph.calls, psid);
      return found.length > 0 ? found : undefined;
    }, "the answer in Messenger");
    expect(answer?.text).toBe("Size M noted, Léa!");
    const contact = await rt.api("GET", `/api/contacts/${psid}`);
    expect(contact.json).toMatchObject({ firstName: "Léa", lastName: "Martin" });
  });
});
