import { makeFlow, makeNode } from "@convo/flow/testing";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Simulator } from "../simulator/simulator";
import { frenchTexts } from "./catalogues";

describe("the French words", () => {
  it("say Défaire for Undo and keep Annuler for Cancel", () => {
    const texts = frenchTexts();
    for (const { key, fr, en } of texts) {
      if (/\bundo\b/i.test(en)) expect(fr, key).toMatch(/défaire/i);
      if (/annul/i.test(fr)) expect(en, `${key}: “${fr}” is not a Cancel`).toMatch(/cancel/i);
    }
    expect(texts.find((t) => t.key === "editor.undo")?.fr).toBe("Défaire");
    expect(texts.find((t) => t.key === "editor.redo")?.fr).toBe("Rétablir");
  });
});

/**
 * French puts a space before : ; ! ? (a plain one, as every catalogue here does: a no-break one
 * here and there would be the odd one out). What is not prose is left out first: addresses,
 * `{{…}}` and `{…}` placeholders, and times (10:30) or code (`a:b`, `event.name:value`), where the
 * mark sits between two characters. A line the English text has word for word is an English
 * example ("Where is my order?"), not French.
 */
function missingSpaces(text: string, english = ""): string[] {
  const englishLines = new Set(english.split("\n"));
  return text
    .split("\n")
    .filter((line) => !englishLines.has(line))
    .flatMap(lineMissingSpaces);
}

function lineMissingSpaces(text: string): string[] {
  const prose = text
    .replace(/\b[a-z]+:\/\/\S+/gi, " ")
    .replace(/\{\{[^}]*\}\}/g, " ")
    .replace(/\{\w+\}/g, "x");
  return [...prose.matchAll(/([^ ])([:;!?]+)(?=\s|$|[»”)])/g)].map((m) =>
    prose.slice(Math.max(0, (m.index ?? 0) - 12), (m.index ?? 0) + 3),
  );
}

describe("French typography", () => {
  it("finds a mark without its space, and leaves addresses, placeholders and code alone", () => {
    expect(missingSpaces("Erreur: réessayez")).toHaveLength(1);
    expect(missingSpaces("Où livrez-vous?")).toHaveLength(1);
    expect(missingSpaces("Bonjour !")).toEqual([]);
    expect(missingSpaces("Voir https://example.com/a?b=1 ou {{contact.first_name|ami}}")).toEqual(
      [],
    );
    expect(missingSpaces("À 10:30, event.name:value")).toEqual([]);
    expect(missingSpaces("Étape 2: fin")).toHaveLength(1);
    expect(missingSpaces("Fin\u00a0!")).toHaveLength(1);
    expect(missingSpaces("Où ?\nWhere?", "Where?")).toEqual([]);
  });

  it("has a space before every : ; ! ? of every French text", () => {
    const wrong = frenchTexts().flatMap(({ key, fr, en }) =>
      missingSpaces(fr, en).map((at) => `${key}: …${at}…`),
    );
    expect(wrong).toEqual([]);
  });
});

/** What a screen shows of some markup: its text, a line per element. */
function shownText(element: ReactElement): string {
  return renderToStaticMarkup(element)
    .replace(/<[^>]*>/g, "\n")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "’")
    .replace(/&amp;/g, "&");
}

/**
 * The screens' modules loaded afresh for a reader who chose French: rendered on the server, a
 * component reads the language the store started with.
 */
async function frenchScreens() {
  vi.resetModules();
  vi.stubGlobal("localStorage", { getItem: () => "fr", setItem: () => {} });
  const i18n = await import("./index");
  await i18n.loadPanelWords();
  return {
    t: ((key, params) => i18n.translate("fr", key, params)) as import("./index").Translate,
    ...(await import("./problem-text")),
    ...(await import("../nodes/trigger/Body")),
    ...(await import("../nodes/action/Body")),
    ...(await import("../simulator/TestEventButtons")),
    ...(await import("../editor/panels/ConnectDialog")),
    ...(await import("../store/editor-store")),
    ...(await import("../store/context")),
  };
}

describe("French typography of texts put together in code", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("puts the space in the labels of triggers, steps, test events and channel problems", async () => {
    const screens = await frenchScreens();
    const start = makeNode("start", "trigger", {
      triggers: [
        { kind: "keyword", match: "contains", keywords: ["colis"], translations: {} },
        { kind: "postback", payload: "MENU_ORDERS" },
        { kind: "comment", keywords: [] },
        { kind: "event", event: "order.shipped", fields: [] },
        { kind: "intent", name: "Horaires", examples: [] },
      ],
    });
    const language = makeNode("lang", "action", {
      steps: [{ kind: "set_language", language: "fr" }],
    });
    const shown = [
      shownText(createElement(screens.TriggerBody, { node: start })),
      shownText(createElement(screens.ActionBody, { node: language })),
      shownText(
        createElement(
          screens.EditorContext.Provider,
          { value: screens.createEditor(makeFlow("typography", [start])) },
          createElement(screens.TestEventButtons, { simulator: {} as Simulator }),
        ),
      ),
      screens.stepName(
        screens.t,
        makeNode("ask", "message", { label: "N° de commande", content: [] }),
      ),
      screens.problemText("fr", {
        code: "whatsapp-choices-as-list",
        severity: "warning",
        message: "WhatsApp: 4 buttons — sent as a list.",
        path: "nodes[1]",
        params: { count: 4, channels: "WhatsApp" },
      }),
    ].join("\n");
    // Every label is there, and in French: a missing one cannot pass for a well-spaced one.
    for (const words of ["contient", "Payload de menu", "Intention", "langue", "événement test"])
      expect(shown).toContain(words);
    expect(shown).toContain("N° de commande");
    expect(shown).toContain("WhatsApp : 4 boutons");
    expect(missingSpaces(shown)).toEqual([]);
  });
});
