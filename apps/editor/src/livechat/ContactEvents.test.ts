import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ContactEvent } from "../api/test-api";
import { type Locale, translate } from "../i18n";
import { ContactEventsView } from "./ContactEvents";
import type { Polled } from "./use-poll";

const polled = (
  patch: Partial<Polled<{ events: ContactEvent[] }>>,
): Polled<{ events: ContactEvent[] }> => ({
  data: null,
  error: null,
  loading: false,
  reload: () => undefined,
  ...patch,
});

function render(state: Polled<{ events: ContactEvent[] }>, locale: Locale = "en") {
  const html = renderToStaticMarkup(
    createElement(ContactEventsView, {
      polled: state,
      t: (key, params) => translate(locale, key, params),
      locale,
    }),
  );
  // The text a person reads, one space between the pieces.
  return { html, text: html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ") };
}

const EVENTS: ContactEvent[] = [
  {
    id: "evt_3",
    event: "order.delayed",
    status: "failed",
    error: { code: "613", message: "Calls to this api have exceeded the rate limit." },
    messageIds: [],
    createdAt: "2026-05-03T10:00:00.000Z",
  },
  {
    id: "evt_2",
    event: "order.delivered",
    status: "skipped",
    reason: "outside_window",
    reasonText: "Outside the 24-hour window, and the step has no message tag that allows sending.",
    messageIds: [],
    createdAt: "2026-05-02T10:00:00.000Z",
  },
  {
    id: "evt_1",
    event: "order.shipped",
    status: "sent",
    messageIds: ["m_1", "m_2"],
    createdAt: "2026-05-01T10:00:00.000Z",
  },
];

describe("the contact's events", () => {
  it("says it is loading before the first answer, and that there are none after an empty one", () => {
    const loading = render(polled({ loading: true }));
    expect(loading.html).toContain('aria-busy="true"');
    expect(loading.text).toContain("Loading");
    expect(loading.text).not.toContain("No brand events");

    const empty = render(polled({ data: { events: [] } }));
    expect(empty.text).toContain("Events received (0)");
    expect(empty.text).toContain("No brand events for this contact yet.");
    expect(empty.html).not.toContain("<ol");
  });

  it("lists each event in the order given (newest first) with its status, why, Meta's error and the message ids", () => {
    const { html, text } = render(polled({ data: { events: EVENTS } }));
    expect(text).toContain("Events received (3)");
    const order = ["order.delayed", "order.delivered", "order.shipped"].map((n) => html.indexOf(n));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > (order[i - 1] as number)))).toBe(
      true,
    );
    expect(text).toContain("failed");
    expect(text).toContain("Meta’s error 613: Calls to this api have exceeded the rate limit.");
    expect(text).toContain(
      "skipped Why: outside the 24-hour window, and the step has no message tag that allows sending",
    );
    expect(text).toContain("sent Messages sent (2): m_1 m_2");
    expect(html).toContain('dateTime="2026-05-01T10:00:00.000Z"');
    // Reachable with the keyboard: a native <details> summary, and a focusable scrolling list.
    expect(html).toMatch(/<details[^>]*open/);
    expect(html).toContain('tabindex="0"');
    expect(html).toContain('aria-label="Events received"');
  });

  it("speaks French", () => {
    const { text } = render(polled({ data: { events: EVENTS } }), "fr");
    expect(text).toContain("Événements reçus (3)");
    expect(text).toContain("échec");
    expect(text).toContain("Erreur de Meta 613 :");
    expect(text).toContain("ignoré Pourquoi : hors de la fenêtre de 24 heures");
    expect(text).toContain("envoyé Messages envoyés (2) : m_1 m_2");
    expect(render(polled({ data: { events: [] } }), "fr").text).toContain(
      "Aucun événement de la marque",
    );
  });

  it("shows the API's error when the list cannot be loaded", () => {
    const { html } = render(polled({ error: new Error("boom") }));
    expect(html).toContain('role="alert"');
  });
});
