import { describe, expect, it } from "vitest";
import { completeReference, openReference, referenceSuggestions } from "./suggestions";

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

  it("completes the reference and closes it", () => {
    expect(completeReference("Hi {{con", 8, "contact.first_name")).toEqual({
      text: "Hi {{contact.first_name}}",
      caret: 25,
    });
    expect(completeReference("Hi {{c}}!", 6, "city")?.text).toBe("Hi {{city}}!");
  });
});
