import { describe, expect, it } from "vitest";
import { makeContext, makeFlow, makeNode, talk } from "../testing";
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

describe("message: a WhatsApp template in the contact's language", () => {
  const bilingual = {
    ...flow,
    languages: ["en", "fr"],
    nodes: flow.nodes.map((node) =>
      node.type === "message"
        ? {
            ...node,
            data: {
              ...node.data,
              whatsappTemplate: {
                ...node.data.whatsappTemplate,
                name: "order_update",
                language: "en_US",
                parameters: ["tomorrow"],
                translations: { fr: { language: "fr", parameters: ["demain"] } },
              },
            },
          }
        : node,
    ),
  } as typeof flow;
  const templateFor = (locale: string) => {
    const context = makeContext({ contact: { fields: { first_name: "Zoé", locale }, tags: [] } });
    const [turn] = talk(bilingual, [{ type: "message", text: "order?" }], context);
    const send = turn?.actions.find((a) => a.type === "send");
    return send?.type === "send" ? send.template : undefined;
  };

  it("sends the approved translation of the contact's language and its parameters, the default one otherwise", () => {
    expect(templateFor("fr_FR")).toEqual({
      name: "order_update",
      language: "fr",
      parameters: ["demain"],
    });
    expect(templateFor("en_GB")).toEqual({
      name: "order_update",
      language: "en_US",
      parameters: ["tomorrow"],
    });
    expect(templateFor("de_DE")).toMatchObject({ language: "en_US" });
  });
});
