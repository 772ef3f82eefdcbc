import { describe, expect, it } from "vitest";
import { parseWebhook } from "./parse";
import type { InboundEvent } from "./types";
import { unknownKind } from "./unknown-kind";

const PAGE = "104857600000001";
const USER = "6543210987654321";
const OUR_APP = "1517776481860111";

function one(item: Record<string, unknown>, page = PAGE): InboundEvent {
  const result = parseWebhook(
    { object: "page", entry: [{ id: page, time: 1, messaging: [item] }] },
    { appId: OUR_APP, accounts: { page: PAGE } },
  );
  if (!result.ok) throw new Error(result.error);
  const [event] = result.events;
  if (!event) throw new Error("no event");
  return event;
}

const fromPage = (message: Record<string, unknown>) => ({
  sender: { id: PAGE },
  recipient: { id: USER },
  timestamp: 2,
  message: { mid: "m_1", text: "Hello from the Page", ...message },
});

describe("a body the Page itself sent is never a customer's", () => {
  it.each([
    ["no is_echo", {}],
    ["is_echo false", { is_echo: false }],
    ["is_echo as a string", { is_echo: "true" }],
    ["is_echo as a number", { is_echo: 1 }],
    ["is_echo null", { is_echo: null }],
  ])("reads a message from the Page with %s as an echo to the contact", (_name, flag) => {
    expect(one(fromPage(flag))).toMatchObject({
      kind: "echo",
      psid: USER,
      text: "Hello from the Page",
      fromPageInbox: true,
    });
  });

  it("still knows Convo's own echo by its app id", () => {
    expect(one(fromPage({ app_id: OUR_APP }))).toMatchObject({
      kind: "echo",
      fromPageInbox: false,
    });
  });

  it("keeps a postback from the Page as unknown", () => {
    const event = one({
      sender: { id: PAGE },
      recipient: { id: USER },
      postback: { payload: "GET_STARTED", title: "Get Started" },
    });
    expect(event).toMatchObject({ kind: "unknown", reason: "postback sent by the Page itself" });
    if (event.kind === "unknown") expect(unknownKind(event)).toBe("from_page");
  });
});

describe("policy enforcement and unknown kinds", () => {
  it("reads the older hyphenated policy-enforcement key as the same event", () => {
    expect(
      one({ recipient: { id: PAGE }, timestamp: 3, "policy-enforcement": { action: "block" } }),
    ).toMatchObject({ kind: "policy_enforcement", action: "block", psid: null });
  });

  it.each([
    [{ sender: { id: USER }, message_edit: { mid: "m", text: "x" } }, PAGE, "message_edit"],
    [{ sender: { id: USER }, "game-play": { score: 1 } }, PAGE, "game_play"],
    [{ sender: { id: USER }, postback: { title: 5 } }, PAGE, "malformed_postback"],
    [{ sender: { id: USER }, message: { mid: "m", text: "x" } }, "999", "other_account"],
    [{ sender: { id: USER }, "<script>": 1 }, PAGE, "other"],
    [{ sender: { id: USER }, ["a".repeat(60)]: 1 }, PAGE, "other"],
  ])("names an unknown event for its metric: %j", (item, page, kind) => {
    const event = one(item, page);
    expect(event.kind).toBe("unknown");
    if (event.kind === "unknown") expect(unknownKind(event)).toBe(kind);
  });
});
