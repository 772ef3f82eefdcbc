import { describe, expect, it } from "vitest";
import { type Locale, translate } from "../../i18n";
import { shortcutList } from "./HelpOverlay";

const keys = (locale: Locale) =>
  shortcutList((key, params) => translate(locale, key, params)).map((s) => s.keys);

describe("the keyboard help", () => {
  it("names the keys as a French keyboard does when the editor is in French", () => {
    const fr = keys("fr").join(" | ");
    expect(fr).toContain("Maj + F");
    expect(fr).toContain("Ctrl/⌘ + Maj + Z");
    expect(fr).toContain("Suppr, Retour arrière");
    expect(fr).toContain("Maj + glisser");
    expect(fr).toContain("Échap");
    expect(fr).not.toMatch(/Shift|Delete|Backspace|Esc\b|drag|\{/);
  });

  it("names them in English otherwise", () => {
    expect(keys("en")).toContain("Shift + F");
    expect(keys("en")).toContain("Delete, Backspace");
    expect(keys("en")).toContain("Esc");
  });
});
