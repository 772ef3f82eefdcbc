import { canPublish, type Flow } from "@convo/flow";
import { makeFlow, makeNode } from "@convo/flow/testing";
import { describe, expect, it } from "vitest";
import { lintForChannels } from "./lint";

const buttons = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `b${i}`,
    kind: "postback" as const,
    title: `Size ${i + 1}`,
  }));

const flowWith = (content: object[], extra: Partial<Flow> = {}, data: object = {}): Flow => ({
  ...makeFlow(
    "f",
    [
      makeNode("start", "trigger", { triggers: [{ kind: "default" }] }),
      makeNode("ask", "message", { content, ...data } as never),
    ],
    [["start", "ask"]],
  ),
  ...extra,
});

/** What the channels say; dangling outputs (every channel's) aside. */
const channelProblems = (flow: Flow, options = {}) =>
  lintForChannels(flow, options).filter((p) => p.code !== "output-leads-nowhere");
const messages = (flow: Flow) => channelProblems(flow).map((p) => `${p.severity}: ${p.message}`);

describe("lintForChannels: one flow, each channel's limits", () => {
  it("names the channel of what differs: 4 buttons are an error on Messenger and Instagram, a list on WhatsApp", () => {
    const flow = flowWith([{ id: "t", kind: "text", text: "Which size?", buttons: buttons(4) }]);
    expect(messages(flow)).toEqual([
      "error: Messenger shows at most 3 buttons here; this has 4.",
      "error: Instagram shows at most 3 buttons here; this has 4.",
      "warning: WhatsApp: 4 buttons — sent as a list (rows of 24 characters).",
    ]);
    const problems = channelProblems(flow);
    expect(problems.map((p) => p.channel)).toEqual(["messenger", "instagram", "whatsapp"]);
    expect(problems[2]).toMatchObject({
      code: "whatsapp-choices-as-list",
      nodeId: "ask",
      path: "nodes[1].data.content[0].buttons",
    });
  });

  it("checks only the channels the flow is published to", () => {
    const flow = flowWith([{ id: "t", kind: "text", text: "Which size?", buttons: buttons(4) }], {
      channels: ["whatsapp"],
    });
    const problems = channelProblems(flow);
    expect(problems.map((p) => p.code)).toEqual(["whatsapp-choices-as-list"]);
    expect(canPublish(lintForChannels(flow))).toBe(true);
    expect(channelProblems(flow, { channels: ["messenger"] }).map((p) => p.code)).toEqual([
      "too-many-buttons",
    ]);
  });

  it("lists once, without a channel, what every channel says", () => {
    const problems = lintForChannels(flowWith([{ id: "t", kind: "text", text: " " }]));
    expect(problems).toEqual([
      expect.objectContaining({ code: "text-empty", message: "This text bubble is empty." }),
    ]);
    expect(problems[0]?.channel).toBeUndefined();
  });

  it("says what WhatsApp cannot show: 10 buttons and a quick reply, a gallery, quick replies under media", () => {
    const only = { channels: ["whatsapp" as const] };
    const more = { quickReplies: [{ id: "q", title: "More" }] };
    const crowded = flowWith(
      [{ id: "t", kind: "text", text: "Pick", buttons: buttons(10) }],
      only,
      more,
    );
    expect(channelProblems(crowded).map((p) => p.message)).toEqual([
      "11 choices with the quick replies: WhatsApp lists at most 10.",
    ]);
    const gallery = flowWith(
      [
        { id: "c", kind: "cards", cards: [{ id: "k", title: "Hat" }] },
        { id: "i", kind: "image", url: "https://example.com/a.png" },
      ],
      only,
      more,
    );
    expect(channelProblems(gallery).map((p) => p.code)).toEqual([
      "whatsapp-cards-as-sequence",
      "whatsapp-quick-replies-need-text",
    ]);
  });

  it("says what Instagram cannot show: call buttons, files", () => {
    const flow = flowWith(
      [
        {
          id: "t",
          kind: "text",
          text: "Call?",
          buttons: [{ id: "c", kind: "call", title: "Call", phone: "+33612345678" }],
        },
        { id: "f", kind: "file", url: "https://example.com/a.pdf" },
      ],
      { channels: ["instagram"] },
    );
    expect(messages(flow)).toEqual([
      'error: Instagram has no call buttons ("Call").',
      "warning: Instagram: a file is sent as its link.",
    ]);
  });
});
