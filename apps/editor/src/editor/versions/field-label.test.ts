import { describe, expect, it } from "vitest";
import { fieldLabel } from "./field-label";

describe("naming the field a changed text is in", () => {
  it("names buttons, quick replies and cards by their place, counted from 1", () => {
    expect(fieldLabel("data.content[0].buttons[1].title")).toEqual({
      key: "diff.field.button",
      params: { n: 2 },
    });
    expect(fieldLabel("data.quickReplies[0].title")?.key).toBe("diff.field.quickReply");
    expect(fieldLabel("data.content[2].cards[0].buttons[2].title")).toEqual({
      key: "diff.field.cardButton",
      params: { n: 1, m: 3 },
    });
  });

  it("names a step's own name, a question and a bubble's text, and nothing it does not know", () => {
    expect(fieldLabel("data.label")?.key).toBe("diff.field.name");
    expect(fieldLabel("data.question")?.key).toBe("diff.field.question");
    expect(fieldLabel("data.content[0].text")?.key).toBe("diff.field.text");
    expect(fieldLabel("data.headers[0].value")).toBeNull();
  });
});
