import { describe, expect, it } from "vitest";
import { diffWords } from "./words";

const side = (parts: ReturnType<typeof diffWords>, keep: "added" | "removed") =>
  parts
    .filter((p) => p.op === "same" || p.op === keep)
    .map((p) => p.text)
    .join("");

describe("the words changed in a text", () => {
  it("marks the words replaced and keeps the rest", () => {
    expect(diffWords("Track my order", "Track your order")).toEqual([
      { op: "same", text: "Track " },
      { op: "removed", text: "my" },
      { op: "added", text: "your" },
      { op: "same", text: " order" },
    ]);
  });

  it("rebuilds each side exactly, accents and punctuation included", () => {
    const before = "Où est mon colis ? Numéro : 42.";
    const after = "Où est votre colis, s'il vous plaît ? Numéro : 43.";
    const parts = diffWords(before, after);
    expect(side(parts, "removed")).toBe(before);
    expect(side(parts, "added")).toBe(after);
    expect(parts).toContainEqual({ op: "removed", text: "mon" });
    expect(parts.filter((p) => p.op === "same").map((p) => p.text)).toContain(" colis");
  });

  it("says a text written from nothing is all new, and one emptied all gone", () => {
    expect(diffWords("", "Hello there")).toEqual([{ op: "added", text: "Hello there" }]);
    expect(diffWords("Bye", "")).toEqual([{ op: "removed", text: "Bye" }]);
    expect(diffWords("Same", "Same")).toEqual([{ op: "same", text: "Same" }]);
  });

  it("shows a very long text as replaced rather than comparing word by word", () => {
    const before = "word ".repeat(600);
    const after = "other ".repeat(600);
    expect(diffWords(before, after)).toEqual([
      { op: "removed", text: before },
      { op: "added", text: after },
    ]);
  });
});
