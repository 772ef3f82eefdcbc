import type { Flow } from "@convo/flow";
import { describe, expect, it } from "vitest";
import { makeContext, makeFlow, makeNode, talk } from "../testing";
import type { EngineAction } from "../types";

const giveaway = makeFlow(
  "giveaway",
  [
    makeNode("start", "trigger", {
      triggers: [{ kind: "comment", keywords: ["price", "prix"], posts: ["post_1"] }],
    }),
    makeNode("dm", "message", {
      content: [{ id: "t", kind: "text", text: "Here is our price list!" }],
    }),
  ],
  [["start", "dm"]],
);
const anyComment = makeFlow(
  "thanks",
  [
    makeNode("start", "trigger", { triggers: [{ kind: "comment", keywords: [] }] }),
    makeNode("dm", "message", {
      content: [{ id: "t", kind: "text", text: "Thanks for your comment" }],
    }),
  ],
  [["start", "dm"]],
);
const welcome = makeFlow(
  "welcome",
  [
    makeNode("start", "trigger", { triggers: [{ kind: "default" }] }),
    makeNode("hi", "message", { content: [{ id: "t", kind: "text", text: "Welcome" }] }),
  ],
  [["start", "hi"]],
);

/** The first flow is the one in hand; all of them are published. */
const among = (flows: Flow[], events: Parameters<typeof talk>[1]) =>
  talk(
    flows[0] as Flow,
    events,
    makeContext({ flows: flows.map((flow) => ({ flow, version: 1 })) }),
  );

const texts = (actions: EngineAction[] | undefined) =>
  (actions ?? []).flatMap((a) =>
    a.type === "send" && a.message.kind === "text" ? [a.message.text] : [],
  );
const comment = (text: string, postId = "post_1") => ({
  type: "comment" as const,
  text,
  postId,
  commentId: "c1",
});

describe("comment triggers", () => {
  it("start the flow whose keywords the comment has, on its posts", () => {
    const [turn] = among([giveaway, anyComment, welcome], [comment("What's the PRICE?")]);
    expect(texts(turn?.actions)).toEqual(["Here is our price list!"]);
  });

  it("fall to a trigger without keywords for another post or other words", () => {
    const [other] = among([giveaway, anyComment, welcome], [comment("price?", "post_2")]);
    expect(texts(other?.actions)).toEqual(["Thanks for your comment"]);
    const [words] = among([giveaway, anyComment, welcome], [comment("love it")]);
    expect(texts(words?.actions)).toEqual(["Thanks for your comment"]);
  });

  it("never start a message trigger or the default reply, nor answer a message", () => {
    const [onlyWelcome] = among([giveaway, welcome], [comment("love it")]);
    expect(texts(onlyWelcome?.actions)).toEqual([]);
    const [message] = among([giveaway, welcome], [{ type: "message", text: "price" }]);
    expect(texts(message?.actions)).toEqual(["Welcome"]);
  });

  it("answer in public under the comment when the trigger has a public reply, templated", () => {
    const replying = makeFlow(
      "replying",
      [
        makeNode("start", "trigger", {
          triggers: [
            {
              kind: "comment",
              keywords: [],
              publicReply: "Sent you a DM, {{contact.first_name|friend}}!",
            },
          ],
        }),
        makeNode("dm", "message", { content: [{ id: "t", kind: "text", text: "Hi!" }] }),
      ],
      [["start", "dm"]],
    );
    const [turn] = among([replying], [comment("love it")]);
    expect(turn?.actions.filter((a) => a.type === "comment_reply")).toEqual([
      { type: "comment_reply", commentId: "c1", text: "Sent you a DM, Ada!" },
    ]);
    expect(texts(turn?.actions)).toEqual(["Hi!"]);
    const [silent] = among([giveaway], [comment("price")]);
    expect(silent?.actions.some((a) => a.type === "comment_reply")).toBe(false);
  });
});
