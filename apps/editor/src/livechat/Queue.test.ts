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

function markup(conversations: Conversation[] | null, locale: Locale = "en") {
  const polled: Polled<{ conversations: Conversation[] }> = {
    data: conversations && { conversations },
    error: null,
    loading: conversations === null,
    reload: () => undefined,
  };
  return renderToStaticMarkup(
    createElement(Queue, {
      polled,
      state: "open",
      onState: () => undefined,
      contactId: null,
      stream: "live",
      t: (key, params) => translate(locale, key, params),
    }),
  );
}

function render(conversations: Conversation[] | null, locale: Locale = "en") {
  return markup(conversations, locale)
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
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

  it("marks a conversation with unread messages: bold, a dot and its count, and words for screen readers", () => {
    const html = markup([
      ann,
      { ...ann, id: "cv_2", contact: { ...ann.contact, id: "p2" }, unread: 0 },
    ]);
    const [unread, read] = html.split("<li>").slice(1);
    expect(unread).toContain('class="contact-row queue-row has-unread"');
    expect(unread).toContain(
      '<span class="unread-dot" aria-hidden="true"></span><span aria-hidden="true">2</span>',
    );
    expect(unread).toContain('<span class="visually-hidden">2 unread</span>');
    expect(read).toContain('class="contact-row queue-row"');
    expect(read).not.toContain("unread");
  });

  it("says when nobody waits, in English and French", () => {
    expect(render([])).toContain("Nobody is waiting for a person.");
    expect(render([], "fr")).toContain("Personne n’attend un humain.");
    expect(render([ann], "fr")).toContain("2 non lus");
    expect(render([ann], "fr")).toContain("En direct");
  });
});
