import { OUT_EVENT_TYPES } from "@convo/runtime/out-event-types";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalogue, loadTeamWords, translate } from "../i18n";
import { OUT_EVENTS } from "./WebhooksPanel";

beforeAll(async () => {
  await loadTeamWords();
  await loadCatalogue("fr");
});

describe("the events out settings", () => {
  it("offer every event type the runtime sends, with words in English and French", () => {
    expect([...OUT_EVENTS]).toEqual([...OUT_EVENT_TYPES]);
    for (const type of OUT_EVENTS) {
      const en = translate("en", `outEvent.${type}`);
      const fr = translate("fr", `outEvent.${type}`);
      expect(en, type).not.toBe(`outEvent.${type}`);
      expect(fr, type).not.toBe(en);
    }
  });
});
