import { describe, expect, it } from "vitest";
import { makeFlow, makeNode, talk } from "../testing";
import type { EngineAction } from "../types";

const flow = makeFlow(
  "update",
  [
    makeNode("start", "trigger", {
      triggers: [{ kind: "keyword", match: "contains", keywords: ["order"] }],
    }),
    makeNode("tell", "message", {
      content: [
        { id: "a", kind: "text", text: "Your order ships today, {{contact.first_name|friend}}." },
        { id: "b", kind: "text", text: "Track it in the app." },
      ],
      whatsappTemplate: {
        name: "order_update",
        language: "en_US",
        parameters: ["{{contact.first_name|friend}}"],
      },
    }),
  ],
  [["start", "tell"]],
);

describe("message: a WhatsApp template for a closed window", () => {
  it("goes with the step's first message only, its parameters rendered", () => {
    const [turn] = talk(flow, [{ type: "message", text: "order?" }]);
    const sends = (turn?.actions ?? []).filter(
      (a): a is Extract<EngineAction, { type: "send" }> => a.type === "send",
    );
    expect(sends).toHaveLength(2);
    expect(sends[0]?.template).toEqual({
      name: "order_update",
      language: "en_US",
      parameters: ["Ada"],
    });
    expect(sends[1]?.template).toBeUndefined();
  });
});
