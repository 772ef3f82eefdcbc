import { describe, expect, it } from "vitest";
import { tabAfterKey } from "./tab-keys";

describe("tabAfterKey", () => {
  it("steps with the arrows and wraps around at both ends", () => {
    expect(tabAfterKey("ArrowRight", 0, 4)).toBe(1);
    expect(tabAfterKey("ArrowRight", 3, 4)).toBe(0);
    expect(tabAfterKey("ArrowLeft", 2, 4)).toBe(1);
    expect(tabAfterKey("ArrowLeft", 0, 4)).toBe(3);
  });

  it("goes to the first and the last tab with Home and End", () => {
    expect(tabAfterKey("Home", 2, 4)).toBe(0);
    expect(tabAfterKey("End", 1, 4)).toBe(3);
  });

  it("leaves other keys (Tab, Enter, letters) to the page", () => {
    expect(tabAfterKey("Tab", 1, 4)).toBeUndefined();
    expect(tabAfterKey("Enter", 1, 4)).toBeUndefined();
    expect(tabAfterKey("r", 1, 4)).toBeUndefined();
    expect(tabAfterKey("ArrowRight", 0, 0)).toBeUndefined();
  });
});
