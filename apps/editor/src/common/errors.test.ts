import { ERROR_CODES } from "@convo/runtime/error-codes";
import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client";
import { type Locale, translate } from "../i18n";
import { describeError } from "./errors";

const RUNTIME_WORDS = "The runtime's own sentence.";
/** What comes with a code as the runtime sends it (a clash names the other flow's problem). */
const BODIES: Partial<Record<string, Record<string, unknown>>> = {
  flow_clash: { problems: [{ code: "clash-keyword", params: { key: "colis", other: "Welcome" } }] },
};
const say = (locale: Locale, error: unknown) =>
  describeError((key, params) => translate(locale, key, params), error);

describe("the runtime's errors, in the reader's language", () => {
  it("words every code the runtime can answer with, in English and in French", () => {
    for (const code of ERROR_CODES) {
      const error = new ApiError(400, code, RUNTIME_WORDS, BODIES[code] ?? {});
      const en = say("en", error);
      const fr = say("fr", error);
      for (const text of [en, fr]) {
        expect(text, code).not.toContain(RUNTIME_WORDS);
        expect(text, `${code} shows a key`).not.toMatch(/^(serverError|error)\./);
      }
      expect(fr, `${code} is the same in French`).not.toBe(en);
    }
  });

  it("gives each issue's JSON path as the detail", () => {
    const error = new ApiError(400, "invalid_name", "The name is not valid.", {
      issues: [{ path: "name", message: "must match ^[A-Z][A-Z0-9_]{0,63}$" }],
    });
    expect(say("fr", error)).toBe(
      [
        "Le nom d’un secret s’écrit en majuscules, chiffres et _, en commençant par une lettre (comme SHOP_TOKEN).",
        "• must match ^[A-Z][A-Z0-9_]{0,63}$ (à name)",
      ].join("\n"),
    );
  });

  it("keeps the runtime's words for a code this editor does not know (a newer runtime)", () => {
    const error = new ApiError(409, "some_new_code", RUNTIME_WORDS, {});
    expect(say("fr", error)).toContain(RUNTIME_WORDS);
  });
});
