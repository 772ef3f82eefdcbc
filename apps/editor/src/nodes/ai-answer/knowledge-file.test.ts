import { knowledgePassages } from "@convo/flow";
import { describe, expect, it } from "vitest";
import { importKnowledge, isKnowledgeFile, tooLargeToRead } from "./knowledge-file";

describe("importing a knowledge base file", () => {
  it("adds a Markdown or text file after the text, a paragraph apart, or in its place", () => {
    const file = { name: "Returns.MD", text: "\uFEFF# Returns\r\n\r\nYou have 30 days.\n" };
    const added = importKnowledge("We deliver in France.", file, "append", 1_000);
    expect(added).toEqual({
      ok: true,
      text: "We deliver in France.\n\n# Returns\n\nYou have 30 days.",
    });
    // Cut into passages as pasted text is.
    const text = added.ok ? added.text : "";
    expect(knowledgePassages({ entries: [], text })).toEqual([
      "We deliver in France.",
      "Returns\nYou have 30 days.",
    ]);
    expect(importKnowledge("Old.", { name: "a.txt", text: "New." }, "replace", 1_000)).toEqual({
      ok: true,
      text: "New.",
    });
    expect(importKnowledge(undefined, { name: "a.txt", text: "New." }, "append", 1_000)).toEqual({
      ok: true,
      text: "New.",
    });
  });

  it("refuses other files, and a text that would pass the limit", () => {
    expect(isKnowledgeFile("faq.markdown")).toBe(true);
    expect(importKnowledge("", { name: "faq.pdf", text: "x" }, "append", 10)).toEqual({
      ok: false,
      reason: "type",
    });
    expect(importKnowledge("12345", { name: "a.txt", text: "6789" }, "append", 10)).toEqual({
      ok: false,
      reason: "size",
      chars: 11,
    });
    expect(importKnowledge("12345", { name: "a.txt", text: "6789" }, "replace", 10).ok).toBe(true);
    expect(tooLargeToRead(41, 10)).toBe(true);
    expect(tooLargeToRead(40, 10)).toBe(false);
  });
});
