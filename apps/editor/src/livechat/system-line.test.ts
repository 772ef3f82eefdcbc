import { SYSTEM_LINES } from "@convo/runtime/system-lines";
import { beforeAll, describe, expect, it } from "vitest";
import type { TranscriptEntry } from "../api/test-api";
import { type Locale, loadCatalogue, loadTeamWords, translate } from "../i18n";
import { systemLineText } from "./system-line";

const line = (
  payload: Record<string, unknown>,
  text = "The runtime's English",
): TranscriptEntry => ({
  id: 1,
  at: "2026-05-03T10:00:00.000Z",
  direction: "out",
  author: "system",
  kind: "event",
  text,
  payload,
});
const say = (locale: Locale, entry: TranscriptEntry) =>
  systemLineText(entry, (key, params) => translate(locale, key, params));

// Live chat loads the team catalogue with its screen; the words of its newer lines are there.
beforeAll(async () => {
  await loadTeamWords();
  await Promise.all([loadCatalogue("en"), loadCatalogue("fr")]);
});

describe("the live chat's system lines", () => {
  it("are in French when the editor is, from the runtime's code", () => {
    expect(say("fr", line({ line: "returned", appId: "263902037430900" }))).toBe(
      "L’application 263902037430900 a rendu la conversation au bot",
    );
    expect(say("fr", line({ line: "handed_to_person" }, "Handed over to a person"))).toBe(
      "Confiée à une personne",
    );
    expect(say("fr", line({ line: "flow_error", error: "unknown_node", nodeId: "ask" }))).toBe(
      "Le scénario s’est arrêté à l’étape ask : il renvoie vers une étape qui n’existe pas.",
    );
    expect(say("fr", line({ line: "bot_resumed" }, "The bot answers again"))).toBe(
      "Le bot répond de nouveau",
    );
    expect(say("en", line({ line: "taken", appId: null }))).toBe(
      "Another app took the conversation",
    );
  });

  it("has words in English and French for every line the runtime writes", () => {
    for (const code of SYSTEM_LINES) {
      const entry = line({ line: code, appId: "42", error: "step_limit", nodeId: "n1" });
      const en = say("en", entry);
      const fr = say("fr", entry);
      expect(en, code).not.toBe("The runtime's English");
      expect(fr, code).not.toBe(en);
      expect(`${en} ${fr}`, code).not.toMatch(/livechat\.|\{/);
    }
  });

  it("keeps the runtime's text for a line without a known code", () => {
    expect(say("fr", line({}, "Something older"))).toBe("Something older");
  });
});
