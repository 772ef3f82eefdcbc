import { describe, expect, it } from "vitest";
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
