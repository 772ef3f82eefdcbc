import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Conversation } from "../api/inbox-api";
import { type Locale, translate } from "../i18n";
import { Queue } from "./Queue";
import type { Polled } from "./use-poll";

const ann: Conversation = {
  id: "cv_1",
  state: "waiting",
  channel: "messenger",
  reason: "Refund request",
  flowId: "desk",
  nodeId: "human",
  openedAt: "2026-01-01T10:00:00.000Z",
  assignee: null,
  assignedAt: null,
  resolvedAt: null,
  contact: { id: "p1", name: "Ann Lee", profilePic: null, tags: ["vip"] },
  unread: 2,
};

function render(conversations: Conversation[] | null, locale: Locale = "en") {
  const polled: Polled<{ conversations: Conversation[] }> = {
    data: conversations && { conversations },
    error: null,
    loading: conversations === null,
    reload: () => undefined,
  };
  const html = renderToStaticMarkup(
    createElement(Queue, {
      polled,
      state: "open",
      onState: () => undefined,
      contactId: null,
      stream: "live",
      t: (key, params) => translate(locale, key, params),
    }),
  );
  return html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
}

describe("the inbox's queue", () => {
  it("shows who waits, why, from which step, and what is unread", () => {
    const text = render([
      ann,
      { ...ann, id: "cv_2", unread: 0, assignee: { id: "u", name: "Zoé" } },
    ]);
    expect(text).toContain("Ann Lee");
    expect(text).toContain("2 unread");
    expect(text).toContain("Refund request");
    expect(text).toContain("From desk › human");
    expect(text).toContain("Nobody has it yet");
    expect(text).toContain("With Zoé");
    expect(text).toContain("vip");
    expect(text.match(/unread/g)).toHaveLength(1);
  });

  it("says when nobody waits, in English and French", () => {
    expect(render([])).toContain("Nobody is waiting for a person.");
    expect(render([], "fr")).toContain("Personne n’attend un humain.");
    expect(render([ann], "fr")).toContain("2 non lus");
    expect(render([ann], "fr")).toContain("En direct");
  });
});
