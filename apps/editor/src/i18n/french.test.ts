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
