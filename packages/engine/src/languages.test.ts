import type { EngineAction, Flow } from "@convo/flow";
import { describe, expect, it } from "vitest";
import { makeContext, makeFlow, makeNode, sentTexts, talk } from "./testing";

const bilingual: Flow = {
  ...makeFlow(
    "hello",
    [
      makeNode("start", "trigger", {
        triggers: [
          {
            kind: "keyword",
            match: "contains",
            keywords: ["bonjour"],
            translations: { en: { keywords: ["hello"] } },
          },
        ],
      }),
      makeNode("ask", "message", {
        content: [
          {
            id: "t",
            kind: "text",
            text: "Bonjour {{contact.first_name|à vous}} ! Votre commande ?",
            translations: { en: { text: "Hello {{contact.first_name|there}}! Your order?" } },
          },
        ],
        quickReplies: [
          { id: "english", title: "English", translations: { en: { title: "English" } } },
          { id: "ok", title: "D'accord", translations: { en: { title: "OK" } } },
        ],
      }),
      makeNode("to-english", "action", { steps: [{ kind: "set_language", language: "en" }] }),
      makeNode("noted", "message", {
        content: [
          { id: "t", kind: "text", text: "C'est noté.", translations: { en: { text: "Noted." } } },
        ],
      }),
    ],
    [
      ["start", "ask"],
      ["ask", "english", "to-english"],
      ["ask", "ok", "noted"],
      ["to-english", "noted"],
    ],
  ),
  languages: ["fr", "en"],
};

const withFields = (fields: Record<string, string>) =>
  makeContext({ contact: { fields, tags: [] } });
const greet = (fields: Record<string, string>) =>
  sentTexts(
    talk(bilingual, [{ type: "message", text: "hello" }], withFields(fields))[0]?.actions ?? [],
  );
const quickReplies = (actions: readonly EngineAction[]) =>
  actions.flatMap((a) =>
    a.type === "send" && a.message.kind === "text"
      ? (a.message.quickReplies ?? []).map((r) => (r.kind === "text" ? r.title : r.kind))
      : [],
  );

describe("the contact's language", () => {
  it("gives a French contact French and an English one English, templating inside each", () => {
    expect(greet({ first_name: "Zoé", locale: "fr_FR" })).toEqual([
      "Bonjour Zoé ! Votre commande ?",
    ]);
    expect(greet({ first_name: "Ada", locale: "en_GB" })).toEqual(["Hello Ada! Your order?"]);
    expect(greet({ locale: "en_US" })).toEqual(["Hello there! Your order?"]);
  });

  it("reads fr_BE as French and gives a language the flow does not speak the default", () => {
    expect(greet({ locale: "fr_BE" })).toEqual(["Bonjour à vous ! Votre commande ?"]);
    expect(greet({ locale: "de_DE" })).toEqual(["Bonjour à vous ! Votre commande ?"]);
    expect(greet({})).toEqual(["Bonjour à vous ! Votre commande ?"]);
  });

  it("translates quick replies and starts on any language's keywords", () => {
    const [french] = talk(
      bilingual,
      [{ type: "message", text: "Bonjour !" }],
      withFields({ locale: "fr_CA" }),
    );
    expect(quickReplies(french?.actions ?? [])).toEqual(["English", "D'accord"]);
    const [english] = talk(
      bilingual,
      [{ type: "message", text: "Bonjour !" }],
      withFields({ locale: "en_GB" }),
    );
    expect(quickReplies(english?.actions ?? [])).toEqual(["English", "OK"]);
  });

  it("speaks the language the contact chose from then on, over their locale", () => {
    const context = withFields({ locale: "fr_FR" });
    const [, chose] = talk(
      bilingual,
      [
        { type: "message", text: "bonjour" },
        { type: "quick_reply", payload: "cv1|hello|1|ask|english", text: "English" },
      ],
      context,
    );
    const actions = chose?.actions ?? [];
    expect(actions).toContainEqual({ type: "set_field", field: "language", value: "en" });
    // The same step already speaks it…
    expect(sentTexts(actions)).toEqual(["Noted."]);
    // …and so does every later one, the field kept on the contact.
    expect(greet({ locale: "fr_FR", language: "en" })).toEqual(["Hello there! Your order?"]);
  });

  it("answers a typed quick-reply title in the contact's language", () => {
    const context = withFields({ locale: "en_GB" });
    const [, typed] = talk(
      bilingual,
      [
        { type: "message", text: "hello" },
        { type: "quick_reply", payload: "cv1|hello|1|ask|ok", text: "OK" },
      ],
      context,
    );
    expect(sentTexts(typed?.actions ?? [])).toEqual(["Noted."]);
  });
});
