import { type FlowRef, matchTrigger } from "@convo/engine";
import type { FlowNode, Trigger } from "@convo/flow";
import { describe, expect, it } from "vitest";
import { fixture } from "./fixtures";
import { parseWebhook } from "./parse";
import { toEngineEvent } from "./to-engine-event";

function engineEvents(name: string) {
  const result = parseWebhook(fixture(name));
  if (!result.ok) throw new Error(result.error);
  return result.events.map(toEngineEvent);
}

describe("toEngineEvent", () => {
  it("turns what a contact does into engine events", () => {
    expect(engineEvents("text")).toEqual([
      { type: "message", text: "Bonjour ! Où est ma commande n° 4512 ? 📦" },
    ]);
    expect(engineEvents("quick_reply")).toEqual([
      { type: "quick_reply", payload: "cv1|order-tracking|3|ask|track", text: "Track my order" },
    ]);
    expect(engineEvents("batched")[3]).toEqual({
      type: "postback",
      payload: "cv1|welcome|1|menu|shop",
      title: "Shop",
    });
    expect(engineEvents("referral")).toEqual([
      { type: "referral", ref: "summer_sale", source: "SHORTLINK" },
      { type: "referral", ref: "ad_campaign_7", source: "ADS" },
    ]);
    expect(engineEvents("attachments")[2]).toEqual({
      type: "message",
      attachments: [
        {
          kind: "location",
          url: "https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.bing.com%2Fmaps",
          coordinates: { lat: 48.8566, long: 2.3522 },
        },
      ],
    });
  });

  it("keeps Get Started from an m.me link a Get Started postback, with the link's ref", () => {
    expect(engineEvents("postback")).toEqual([
      { type: "postback", payload: "GET_STARTED", title: "Get Started", ref: "summer_sale" },
    ]);
  });

  it("starts the Get Started flow when the link's ref names no flow, and the ref's flow when one does", () => {
    const trigger = (id: string, triggers: Trigger[]): FlowNode => ({
      id,
      type: "trigger",
      position: { x: 0, y: 0 },
      data: { triggers },
    });
    const flow = (id: string, triggers: Trigger[]): FlowRef => ({
      version: 1,
      flow: {
        schemaVersion: 2,
        languages: ["en"],
        id,
        name: id,
        variables: [],
        nodes: [trigger("start", triggers)],
        edges: [],
      },
    });
    const welcome = flow("welcome", [{ kind: "get_started" }, { kind: "default" }]);
    const sale = flow("sale", [{ kind: "ref", ref: "summer_sale" }]);
    const [event] = engineEvents("postback");
    if (!event) throw new Error("no event");
    expect(matchTrigger([welcome], event)?.trigger).toBe("get_started");
    expect(matchTrigger([welcome, sale], event)?.flowId).toBe("sale");
  });

  it("starts the flow a Send to Messenger plugin's data-ref names, but not on other opt-ins", () => {
    expect(engineEvents("optin")).toEqual([
      { type: "referral", ref: "send_to_messenger_footer", source: "SEND_TO_MESSENGER" },
      undefined,
      undefined,
    ]);
  });

  it("gives the bot nothing for standby items, echoes, receipts and handover notices", () => {
    for (const name of [
      "standby",
      "echo",
      "delivery",
      "read",
      "reaction",
      "handover",
      "policy_enforcement",
    ]) {
      expect(engineEvents(name).every((event) => event === undefined)).toBe(true);
    }
  });
});
