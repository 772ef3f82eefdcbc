import { eventFlow, makeFlow, makeNode } from "@convo/flow/testing";
import { describe, expect, it } from "vitest";
import { Conversation } from "./runner/conversation";
import { runConversation } from "./runner/run-conversation";
import { initialSession } from "./session";
import { step } from "./step";

const context = { now: 0, seed: 1, contact: { fields: {}, tags: [] }, version: 3 };
const shipped = {
  type: "event" as const,
  name: "order.shipped",
  data: { order_id: "A12345", tracking_url: "https://t.example.com/A12345" },
};

describe("brand events", () => {
  it("starts the flow whose event trigger has the name, data under {{event.*}}, with the step's tag", () => {
    const { actions, session } = step(eventFlow(), initialSession(), shipped, context);
    const send = actions.find((a) => a.type === "send");
    expect(send).toMatchObject({
      type: "send",
      tag: "POST_PURCHASE_UPDATE",
      message: {
        kind: "text",
        text: "Your order A12345 has shipped.",
        buttons: [
          { kind: "url", title: "Track", url: "https://t.example.com/A12345" },
          { title: "All good" },
        ],
      },
    });
    expect(session.waiting).toMatchObject({ kind: "tap", nodeId: "shipped" });
  });

  it("replaces what the contact was waiting at, and forgets the data of the event before", () => {
    const c = new Conversation({ flows: [eventFlow()] });
    c.handle(shipped);
    c.handle({
      type: "event",
      name: "order.shipped",
      data: { order_id: "B2", tracking_url: "https://t.example.com/B2" },
    });
    expect(c.variable("orders.event.order_id")).toBe("B2");
    const last = c.sent.at(-1);
    expect(last?.kind === "text" && last.text).toBe("Your order B2 has shipped.");
  });

  it("ignores an event nobody listens to", () => {
    const { actions } = step(
      eventFlow(),
      initialSession(),
      { type: "event", name: "order.lost", data: {} },
      context,
    );
    expect(actions).toEqual([]);
  });

  it("links the rest of a prefixed ref as an external id, and a remember step links another", () => {
    const flow = makeFlow(
      "links",
      [
        makeNode("start", "trigger", {
          triggers: [{ kind: "ref", ref: "order-", externalId: true }],
        }),
        makeNode("act", "action", {
          steps: [{ kind: "remember", externalId: "customer-{{contact.id}}" }],
        }),
      ],
      [["start", "act"]],
    );
    const c = new Conversation({ flows: [flow], contact: { fields: { id: "42" } } });
    const actions = c.handle({ type: "referral", ref: "order-A12345" });
    expect(actions.filter((a) => a.type === "remember")).toEqual([
      { type: "remember", externalId: "A12345" },
      { type: "remember", externalId: "customer-42" },
    ]);
    expect(c.externalIds).toEqual(["A12345", "customer-42"]);
    // The bare prefix names no order: nothing matches, nothing is linked.
    expect(c.handle({ type: "referral", ref: "order-" }).some((a) => a.type === "remember")).toBe(
      false,
    );
  });

  it("plays event turns in conversation scripts, checking the tag", () => {
    const report = runConversation({
      flows: [eventFlow()],
      script: {
        turns: [
          { referral: "order-A12345" },
          { expect: { text: "when it ships", externalIds: ["A12345"], sendAs: "standard" } },
          {
            event: {
              name: "order.shipped",
              data: { order_id: "A12345", tracking_url: "https://t.example.com" },
            },
          },
          {
            expect: {
              text: "A12345 has shipped",
              buttons: ["Track", "All good"],
              sendAs: "POST_PURCHASE_UPDATE",
            },
          },
          { tap: "All good" },
          { expect: { text: "Thanks", sendAs: "standard" } },
        ],
      },
    });
    expect(report.turns.filter((t) => !t.ok)).toEqual([]);
  });
});
