import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { TranscriptEntry } from "../api/test-api";
import { loadCatalogue, loadTeamWords, translate } from "../i18n";
import { Transcript } from "./Transcript";
import type { Polled } from "./use-poll";

const messages: TranscriptEntry[] = [
  {
    id: 1,
    at: "2026-05-03T10:00:00.000Z",
    direction: "in",
    author: "contact",
    kind: "text",
    text: "colis",
  },
  {
    id: 2,
    at: "2026-05-03T10:00:01.000Z",
    direction: "out",
    author: "bot",
    kind: "text",
    text: "Your parcel?",
    flowId: "my-parcels",
    nodeId: "ask",
    buttons: ["Track it", "A person"],
  },
  {
    id: 4,
    at: "2026-05-03T10:00:01.500Z",
    direction: "in",
    author: "contact",
    kind: "postback",
    text: "Track it",
    payload: "cv1:ask:track",
  },
  {
    id: 3,
    at: "2026-05-03T10:00:02.000Z",
    direction: "out",
    author: "agent",
    kind: "text",
    text: "Hi",
  },
];
const polled: Polled<{ messages: TranscriptEntry[] }> = {
  data: { messages },
  error: null,
  loading: false,
  reload: () => undefined,
};
const html = () => renderToStaticMarkup(createElement(Transcript, { polled }));
const text = () =>
  html()
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

beforeAll(async () => {
  await loadTeamWords();
  await Promise.all([loadCatalogue("en"), loadCatalogue("fr")]);
});

describe("the live chat transcript", () => {
  it("says which flow and step sent each bot message, in English and French", () => {
    expect(text()).toContain(
      "Your parcel? Track it A person Sent by the flow my-parcels, step ask",
    );
    expect(text().match(/Sent by/g)).toHaveLength(1);
    // French has the same line (rendered on the server, the store keeps its first language).
    expect(translate("fr", "livechat.answeredBy", { flow: "my-parcels", step: "ask" })).toBe(
      "Envoyé par le scénario my-parcels, étape ask",
    );
  });

  it("shows the buttons the bot offered as chips, not controls, and the title the customer tapped", () => {
    expect(html()).toContain(
      '<ul class="transcript-buttons" aria-label="Offered to the customer"><li class="chip">Track it</li><li class="chip">A person</li></ul>',
    );
    expect(html()).not.toMatch(/<button/);
    expect(text()).toContain("Tapped Track it");
    expect(translate("fr", "livechat.tapped")).toBe("A touché");
  });
});
