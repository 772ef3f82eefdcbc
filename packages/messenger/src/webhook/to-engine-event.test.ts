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

  it("turns Get Started from an m.me link into the link's referral, so ref triggers match", () => {
    expect(engineEvents("postback")).toEqual([
      { type: "referral", ref: "summer_sale", source: "SHORTLINK" },
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
