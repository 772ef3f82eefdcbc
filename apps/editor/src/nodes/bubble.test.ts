import { describe, expect, it } from "vitest";
import { bubbleClass } from "./bubble";

describe("bubbleClass", () => {
  it("leaves a short text uncut", () => {
    expect(bubbleClass("Message 1: thanks for writing! Pick one of the options below.")).toBe("");
    expect(bubbleClass(undefined)).toBe("");
  });
  it("cuts a text that may be taller than the bubble's cap", () => {
    expect(bubbleClass("x".repeat(200))).toBe(" m-bubble-long");
    expect(bubbleClass("a\nb\nc\nd\ne\nf\ng")).toBe(" m-bubble-long");
    expect(bubbleClass("a", 6)).toBe(" m-bubble-long");
  });
});
