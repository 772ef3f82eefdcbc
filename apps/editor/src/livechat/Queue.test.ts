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

  it("shows each contact's picture or initials, their name, and their id only as small print", () => {
    const html = markup([
      { ...ann, contact: { ...ann.contact, profilePic: "https://cdn.test/ann.jpg" } },
      { ...ann, id: "cv_2", contact: { id: "p2", name: "Bob Roy", profilePic: null, tags: [] } },
      {
        ...ann,
        id: "cv_3",
        contact: { id: "2459871234", name: "2459871234", profilePic: null, tags: [] },
      },
    ]);
    const [withPicture, withInitials, unnamed] = html.split("<li>").slice(1);
    expect(withPicture).toContain('<img class="avatar" src="https://cdn.test/ann.jpg" alt=""/>');
    expect(withPicture).toContain('<span class="contact-psid">p1</span>');
    expect(withInitials).toContain('<span class="avatar" aria-hidden="true">BR</span>');
    expect(withInitials).toContain('<span class="contact-name">Bob Roy</span>');
    // No name known: the id is the name, said once.
    expect(unnamed?.replace(/<[^>]+>/g, " ").match(/2459871234/g)).toHaveLength(1);
  });

  it("says when nobody waits, in English and French", () => {
    expect(render([])).toContain("Nobody is waiting for a person.");
    expect(render([], "fr")).toContain("Personne n’attend un humain.");
    expect(render([ann], "fr")).toContain("2 non lus");
    expect(render([ann], "fr")).toContain("En direct");
  });
});
