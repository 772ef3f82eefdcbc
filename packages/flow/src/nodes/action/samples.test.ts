import { describe, expect, it } from "vitest";
import type { HttpStep } from "../../types";
import { keptSamples, pickMapping, sampleNames } from "./samples";

const step: HttpStep = {
  kind: "http",
  method: "POST",
  url: "https://shop.test/orders/{{order_number}}?lang={{contact.locale|fr}}",
  headers: [{ name: "Authorization", value: "Bearer {{secrets.SHOP_TOKEN}}" }],
  body: '{"order":"{{order_number}}","note":"{{event.note}}"}',
};

describe("HTTP step samples", () => {
  it("asks for each value the request uses, never for a secret", () => {
    expect(sampleNames(step)).toEqual(["order_number", "contact.locale", "event.note"]);
    expect(sampleNames({ ...step, method: "GET" })).toEqual(["order_number", "contact.locale"]);
  });

  it("keeps only the samples still used, and none when all are empty", () => {
    expect(keptSamples(step, { order_number: "A-1", gone: "x", "event.note": "" })).toEqual({
      order_number: "A-1",
    });
    expect(keptSamples(step, { order_number: "" })).toBeUndefined();
  });

  it("maps a picked value into the empty mapping, or a new one named after its key", () => {
    expect(pickMapping([{ path: "", variable: "state" }], "data.items[0].status")).toEqual([
      { path: "data.items[0].status", variable: "state" },
    ]);
    const picked = pickMapping([{ path: "a.status", variable: "status" }], "data.items[0].status");
    expect(picked[1]).toEqual({ path: "data.items[0].status", variable: "status_2" });
    expect(pickMapping([], "[0]")).toEqual([{ path: "[0]", variable: "result" }]);
    expect(pickMapping([], 'data["order id"]')[0]?.variable).toBe("order_id");
    expect(pickMapping([], "data.items[2]")[0]?.variable).toBe("items");
  });
});
