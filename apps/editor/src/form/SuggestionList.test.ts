import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { type Locale, translate } from "../i18n";
import { SuggestionList } from "./SuggestionList";

function shown(locale: Locale): string {
  const html = renderToStaticMarkup(
    createElement(SuggestionList, {
      id: "f-list",
      suggestions: ["order_number", "contact.first_name"],
      active: 0,
      onPick: () => undefined,
      t: (key, params) => translate(locale, key, params),
    }),
  );
  return html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
}

describe("the variables offered after {{", () => {
  it("lists them and says how to give a fallback for an empty one, in English and French", () => {
    const en = shown("en");
    expect(en).toContain("{{order_number}}");
    expect(en).toContain("{{contact.first_name|there}} shows “there” when it is empty.");
    expect(shown("fr")).toContain("{{contact.first_name|toi}} affiche « toi » quand il est vide.");
  });
});
