import { describe, expect, it } from "vitest";
import { allTexts } from "./catalogues";
import { translate } from "./index";

describe("texts by number", () => {
  it("say 1 entré, 2 entrés in French, as Intl.PluralRules picks (0 is singular there)", () => {
    expect(translate("fr", "analytics.entered", { count: 1 })).toBe("1 entré");
    expect(translate("fr", "analytics.entered", { count: 2 })).toBe("2 entrés");
    expect(translate("fr", "analytics.entered", { count: 0 })).toBe("0 entré");
    expect(translate("fr", "unit.days", { count: 1 })).toBe("1 jour");
    expect(translate("fr", "unit.days", { count: 3 })).toBe("3 jours");
    expect(translate("fr", "livechat.queue.unread", { count: 2 })).toBe("2 non lus");
  });

  it("say 1 day, 0 days in English", () => {
    expect(translate("en", "unit.days", { count: 1 })).toBe("1 day");
    expect(translate("en", "unit.days", { count: 0 })).toBe("0 days");
    expect(translate("en", "publish.refused", { count: 1 })).toBe(
      "Cannot publish: fix the error in Problems first.",
    );
    expect(translate("en", "publish.refused", { count: 4 })).toBe(
      "Cannot publish: fix the 4 errors in Problems first.",
    );
  });

  it("builds a sentence of two counts from its parts, each in its own number", () => {
    const changed = translate("en", "translations.changed", { count: 1, language: "fr" });
    const unknown = translate("en", "translations.notApplied", { count: 2 });
    expect(translate("en", "translations.imported", { changed, unknown })).toBe(
      "1 fr text changed; 2 rows not applied (no longer in the flow).",
    );
  });

  it("never writes “(s)” for a plural in any catalogue", () => {
    const hedged = allTexts().filter(({ text }) => /\w\((?:e?s|e)\)/.test(text));
    expect(hedged.map((t) => `${t.locale} ${t.key}: ${t.text}`)).toEqual([]);
  });
});
