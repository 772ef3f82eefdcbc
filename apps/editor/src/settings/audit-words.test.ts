import { AUDIT_ACTIONS } from "@convo/runtime/audit-actions";
import { beforeAll, describe, expect, it } from "vitest";
import { type Locale, loadCatalogue, loadTeamWords, translate } from "../i18n";
import { actionWords } from "./AuditPanel";

// The settings' words load with their screens, in the reader's language and those switched to.
beforeAll(async () => {
  await loadTeamWords();
  await loadCatalogue("fr");
});
const say = (locale: Locale, action: string) =>
  actionWords(action, (key, params) => translate(locale, key, params));

describe("the audit log's actions", () => {
  it("read in French when the editor is", () => {
    expect(say("fr", "flow.publish")).toBe("Scénario publié");
    expect(say("en", "flow.publish")).toBe("Published a flow");
  });

  it("have words in English and French for every action the runtime records", () => {
    for (const action of AUDIT_ACTIONS) {
      const en = say("en", action);
      const fr = say("fr", action);
      expect(en, action).not.toBeNull();
      expect(fr, action).not.toBeNull();
      expect(fr, action).not.toBe(en);
    }
  });

  it("show only the code of an action this editor does not know", () => {
    expect(say("fr", "flow.teleport")).toBeNull();
  });
});
