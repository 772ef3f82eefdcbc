import { eventFlow } from "@convo/flow/testing";
import { describe, expect, it } from "vitest";
import {
  completeReference,
  openReference,
  referenceNames,
  referenceSuggestions,
} from "./suggestions";

describe("{{ autocomplete", () => {
  it("sees an open reference before the caret, not a closed one", () => {
    expect(openReference("Hi {{con", 8)).toEqual({ start: 5, partial: "con" });
    expect(openReference("Hi {{name}} ", 12)).toBeNull();
    expect(openReference("no braces", 9)).toBeNull();
  });

  it("offers flow variables, then contact fields, by prefix", () => {
    expect(referenceSuggestions(["order_number", "city"], "")).toContain("order_number");
    expect(referenceSuggestions(["order_number"], "contact.f")).toEqual(["contact.first_name"]);
    expect(referenceSuggestions(["city"], "ci")).toEqual(["city"]);
  });

  it("offers the fields an event trigger of the flow declares, as event.<field>", () => {
    const flow = eventFlow();
    flow.variables = [{ name: "city", type: "text" }];
    expect(referenceNames(flow)).toEqual(["city", "event.order_id", "event.tracking_url"]);
    expect(referenceSuggestions(referenceNames(flow), "ev")).toEqual([
      "event.order_id",
      "event.tracking_url",
    ]);
    expect(referenceSuggestions(referenceNames(flow), "event.t")).toEqual(["event.tracking_url"]);
    // A flow no event starts offers none.
    const keyword = { ...flow, nodes: flow.nodes.filter((n) => n.id !== "start") };
    expect(referenceNames(keyword).filter((n) => n.startsWith("event."))).toEqual([]);
  });

  it("completes the reference and closes it", () => {
    expect(completeReference("Hi {{con", 8, "contact.first_name")).toEqual({
      text: "Hi {{contact.first_name}}",
      caret: 25,
    });
    expect(completeReference("Hi {{c}}!", 6, "city")?.text).toBe("Hi {{city}}!");
  });
});
