import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TranscriptEntry } from "../api/test-api";
import { translate } from "../i18n";
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
const text = () =>
  renderToStaticMarkup(createElement(Transcript, { polled }))
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

describe("the live chat transcript", () => {
  it("says which flow and step sent each bot message, in English and French", () => {
    expect(text()).toContain("Your parcel? Sent by the flow my-parcels, step ask");
    expect(text().match(/Sent by/g)).toHaveLength(1);
    // French has the same line (rendered on the server, the store keeps its first language).
    expect(translate("fr", "livechat.answeredBy", { flow: "my-parcels", step: "ask" })).toBe(
      "Envoyé par le scénario my-parcels, étape ask",
    );
  });
});
