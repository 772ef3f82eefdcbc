import { describe, expect, it } from "vitest";
import { checkEventData } from "../events";
import type { Flow } from "../schema";
import { testChannel } from "../testing";
import { eventFlow } from "../testing/flows";
import { lintFlow } from ".";

const lint = (flow: Flow) => lintFlow(flow, { channel: testChannel });
const codes = (flow: Flow) => lint(flow).map((p) => `${p.code}@${p.nodeId ?? ""}`);
const shipped = (flow: Flow) => {
  const node = flow.nodes.find((n) => n.id === "shipped");
  if (node?.type !== "message") throw new Error("no shipped step");
  return node;
};
const shippedText = (flow: Flow) => {
  const block = shipped(flow).data.content[0];
  if (block?.kind !== "text") throw new Error("expected text");
  return block;
};

describe("lint of brand-initiated updates", () => {
  it("accepts the event flow: declared fields, a tagged first step, an untagged step after a tap", () => {
    expect(lint(eventFlow())).toEqual([]);
  });

  it("warns on {{event.x}} that no event trigger declares", () => {
    const flow = eventFlow();
    shippedText(flow).text = "Your parcel {{event.parcel}} is on its way";
    const problem = lint(flow).find((p) => p.code === "event-field-unknown");
    expect(problem).toMatchObject({ nodeId: "shipped", path: "nodes[3].data.content[0].text" });
    expect(problem?.message).toContain('declares the field "parcel"');
  });

  it("warns that a step an event reaches without a tag is skipped outside the window", () => {
    const flow = eventFlow();
    delete shipped(flow).data.sendAs;
    const problem = lint(flow).find((p) => p.code === "event-step-untagged");
    expect(problem?.nodeId).toBe("shipped");
    expect(problem?.message).toContain("outside the 24-hour window");
    // "thanks" comes after the contact's tap: inside the window, no warning.
    expect(codes(flow)).not.toContain("event-step-untagged@thanks");
  });

  it("quotes Meta's rule when a tagged step reads as promotion (text or a 'shop now' button)", () => {
    const flow = eventFlow();
    shippedText(flow).text = "Shipped! Get 20% off your next order";
    const problem = lint(flow).find((p) => p.code === "tag-promotional");
    expect(problem?.message).toContain("Message tags can not be used to send promotional content");

    const other = eventFlow();
    const block = shippedText(other);
    block.buttons = [
      { id: "shop", kind: "url", title: "Shop now", url: "https://shop.example.com" },
    ];
    expect(codes(other)).toContain("tag-promotional@shipped");
  });

  it("checks the sample payload against the declared fields", () => {
    const flow = eventFlow();
    const trigger = flow.nodes[0];
    if (trigger?.type !== "trigger" || trigger.data.triggers[0]?.kind !== "event")
      throw new Error();
    trigger.data.triggers[0].sample = { order_id: "A1", tracking_url: "not a url" };
    const problem = lint(flow).find((p) => p.code === "event-sample-invalid");
    expect(problem?.path).toBe("nodes[0].data.triggers[0].sample.tracking_url");
  });
});

describe("checkEventData", () => {
  const fields = [
    { name: "order_id", type: "text" as const, required: true },
    { name: "eta", type: "date" as const },
    { name: "count", type: "number" as const },
    { name: "gift", type: "boolean" as const },
  ];
  it("names each wrong field by its JSON path", () => {
    expect(
      checkEventData(
        fields,
        { eta: "tomorrow", count: "3", gift: 1, extra: "x" },
        "events[2].data",
      ),
    ).toEqual([
      { path: "events[2].data.extra", message: "is not a declared field of this event" },
      { path: "events[2].data.order_id", message: "is required" },
      { path: "events[2].data.eta", message: expect.stringContaining("must be a date") },
      { path: "events[2].data.count", message: "must be a number" },
      { path: "events[2].data.gift", message: "must be true or false" },
    ]);
  });
  it("accepts data that fits, and refuses what is not an object", () => {
    expect(
      checkEventData(fields, { order_id: "A1", eta: "2026-05-01", count: 2, gift: true }),
    ).toEqual([]);
    expect(checkEventData(fields, [1, 2])).toEqual([
      { path: "data", message: "must be a JSON object" },
    ]);
  });
});
