import { describe, expect, it } from "vitest";
import { lintFlow } from "../lint";
import { migrateFlow } from "../migrate";
import type { FlowNode } from "../node-types";
import { parseFlow } from "../parse";
import type { Flow } from "../schema";
import { makeFlow, makeNode, testChannel } from "../testing";
import { contactLanguage, localizeNode, translationsOf, withTranslation } from ".";

const ask = makeNode("ask", "message", {
  content: [
    {
      id: "intro",
      kind: "text",
      text: "Bonjour {{contact.first_name}} !",
      translations: { en: { text: "Hello {{contact.first_name}}!" } },
      buttons: [
        {
          id: "track",
          kind: "postback",
          title: "Suivre ma commande",
          translations: { en: { title: "Track my order" } },
        },
      ],
    },
  ],
  quickReplies: [{ id: "help", title: "Aide" }],
});

function bilingual(...nodes: FlowNode[]): Flow {
  return { ...makeFlow("f", nodes), languages: ["fr", "en"] };
}

describe("translationsOf", () => {
  it("lists the texts a customer reads with stable ids, fields and translations", () => {
    expect(
      translationsOf(ask).map(({ id, field, text, translations }) => ({
        id,
        field,
        text,
        translations,
      })),
    ).toEqual([
      {
        id: "ask/intro",
        field: "text",
        text: "Bonjour {{contact.first_name}} !",
        translations: { en: "Hello {{contact.first_name}}!" },
      },
      {
        id: "ask/intro/track",
        field: "title",
        text: "Suivre ma commande",
        translations: { en: "Track my order" },
      },
      { id: "ask/help", field: "title", text: "Aide", translations: {} },
    ]);
  });

  it("localizes a node to a language, falling back to the default text, and writes translations", () => {
    const english = localizeNode(ask, "en");
    expect(english.data.content[0]).toMatchObject({
      text: "Hello {{contact.first_name}}!",
      buttons: [{ title: "Track my order" }],
    });
    expect(english.data.quickReplies?.[0]?.title).toBe("Aide");
    expect(localizeNode(ask, "fr")).toBe(ask);
    expect(ask.data.content[0]).toMatchObject({ text: "Bonjour {{contact.first_name}} !" });
    const withHelp = withTranslation(ask, "data.quickReplies[0]", "title", "en", "Help");
    expect(withHelp.data.quickReplies?.[0]).toEqual({
      id: "help",
      title: "Aide",
      translations: { en: { title: "Help" } },
    });
    expect(
      withTranslation(withHelp, "data.quickReplies[0]", "title", "en", undefined).data
        .quickReplies?.[0],
    ).toEqual({ id: "help", title: "Aide" });
  });
});

describe("contactLanguage", () => {
  const flow = { languages: ["fr", "en"] };
  it("takes the chosen language, else the locale's language, else the default", () => {
    expect(contactLanguage(flow, { locale: "en_GB" })).toBe("en");
    expect(contactLanguage(flow, { locale: "fr_BE" })).toBe("fr");
    expect(contactLanguage(flow, { locale: "de_DE" })).toBe("fr");
    expect(contactLanguage(flow, {})).toBe("fr");
    expect(contactLanguage(flow, { locale: "fr_FR", language: "en" })).toBe("en");
    expect(contactLanguage(flow, { locale: "en_US", language: "it" })).toBe("en");
  });
});

describe("flow format version 2", () => {
  it("migrates a version-1 document to one language, every text where it was", () => {
    // Version 1 had no translations: one text per field.
    const plain = makeNode("ask", "message", {
      content: [
        {
          id: "intro",
          kind: "text",
          text: "Hello!",
          buttons: [{ id: "go", kind: "postback", title: "Go" }],
        },
      ],
    });
    const v2 = makeFlow("f", [plain]);
    const { languages: _, ...rest } = v2;
    const v1 = { ...rest, schemaVersion: 1 };
    const migrated = migrateFlow(v1);
    expect(migrated).toEqual({
      ok: true,
      from: 1,
      document: { ...v1, schemaVersion: 2, languages: ["en"] },
    });
    const parsed = parseFlow(v1);
    expect(parsed.ok && parsed.flow.nodes).toEqual(v2.nodes);
    expect(parsed.ok && parsed.migratedFrom).toBe(1);
  });

  it("refuses a translation in a language the flow does not declare, with its JSON path", () => {
    const result = parseFlow({ ...makeFlow("f", [ask]), languages: ["fr"] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path).sort()).toEqual([
      "nodes[0].data.content[0].buttons[0].translations.en",
      "nodes[0].data.content[0].translations.en",
    ]);
    expect(result.errors[0]?.message).toMatch(/does not speak "en"/);
  });

  it("refuses a bad language code and a language named twice", () => {
    expect(parseFlow({ ...makeFlow("f", []), languages: ["French"] }).ok).toBe(false);
    expect(parseFlow({ ...makeFlow("f", []), languages: ["fr", "fr"] }).ok).toBe(false);
    expect(parseFlow({ ...makeFlow("f", []), languages: [] }).ok).toBe(false);
    expect(parseFlow(bilingual(ask)).ok).toBe(true);
  });
});

describe("lint of translations", () => {
  it("warns of a missing translation, naming the step, the field and the language", () => {
    const problems = lintFlow(bilingual(ask), { channel: testChannel }).filter(
      (p) => p.code === "translation-missing",
    );
    expect(problems).toEqual([
      expect.objectContaining({
        severity: "warning",
        nodeId: "ask",
        path: "nodes[0].data.quickReplies[0].title",
        params: { language: "en", field: "title" },
      }),
    ]);
    expect(problems[0]?.message).toMatch(/"ask".*"en".*title/);
    // One language: nothing to translate.
    expect(
      lintFlow(makeFlow("f", [localizeNode(ask, "fr")]), { channel: testChannel }).some(
        (p) => p.code === "translation-missing",
      ),
    ).toBe(false);
  });

  it("asks which approved WhatsApp template each language gets", () => {
    const tell = makeNode("tell", "message", {
      content: [
        { id: "a", kind: "text", text: "Shipped", translations: { en: { text: "Shipped" } } },
      ],
      whatsappTemplate: { name: "order_update", language: "fr" },
    });
    const missing = lintFlow(bilingual(tell), { channel: testChannel }).filter(
      (p) => p.code === "translation-missing",
    );
    expect(missing).toEqual([
      expect.objectContaining({
        path: "nodes[0].data.whatsappTemplate.language",
        params: { language: "en", field: "language" },
      }),
    ]);
    const given = makeNode("tell", "message", {
      ...tell.data,
      whatsappTemplate: {
        name: "order_update",
        language: "fr",
        translations: { en: { language: "en_US" } },
      },
    });
    expect(localizeNode(given, "en").data.whatsappTemplate?.language).toBe("en_US");
    expect(
      lintFlow(bilingual(given), { channel: testChannel }).some(
        (p) => p.code === "translation-missing",
      ),
    ).toBe(false);
  });

  it("holds every translation to the channel's limits, at the translation's path", () => {
    const long = withTranslation(
      ask,
      "data.content[0].buttons[0]",
      "title",
      "en",
      "Track my order right now please",
    );
    const problems = lintFlow(bilingual(long), { channel: testChannel }).filter(
      (p) => p.code === "button-title-too-long",
    );
    expect(problems).toEqual([
      expect.objectContaining({
        severity: "error",
        path: "nodes[0].data.content[0].buttons[0].translations.en.title",
        params: expect.objectContaining({ language: "en", max: 20 }),
      }),
    ]);
    const question = makeNode("q", "input", {
      question: "Votre e-mail ?",
      variable: "email",
      validation: { kind: "email" },
      translations: { en: { question: "x".repeat(2001) } },
    });
    const onQuestion = lintFlow(bilingual(question), { channel: testChannel }).filter(
      (p) => p.code === "text-too-long",
    );
    expect(onQuestion.map((p) => p.path)).toEqual(["nodes[0].data.translations.en.question"]);
  });

  it("refuses a set-language step to a language the flow does not speak", () => {
    const choose = makeNode("choose", "action", {
      steps: [{ kind: "set_language", language: "de" }],
    });
    const problems = lintFlow(bilingual(choose), { channel: testChannel });
    expect(problems.find((p) => p.code === "language-unknown")).toMatchObject({
      path: "nodes[0].data.steps[0].language",
    });
  });
});
