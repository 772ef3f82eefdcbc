import { describe, expect, it } from "vitest";
import { fitTitle } from "./detail";

describe("a simple box's title", () => {
  it("is kept whole when its line holds it", () => {
    expect(fitTitle("Order status")).toBe("Order status");
    expect(fitTitle("Suivi de colis!")).toBe("Suivi de colis!");
  });

  it("is shortened with an ellipsis, never past its line, emoji counted once", () => {
    expect(fitTitle("Where is my parcel today")).toBe("Where is my pa…");
    expect([...fitTitle("Ask for the e-mail address")].length).toBeLessThanOrEqual(15);
    expect(fitTitle("📦📦📦📦📦📦📦📦📦📦📦📦📦📦📦📦📦")).toBe("📦📦📦📦📦📦📦📦📦📦📦📦📦📦…");
  });
});
