import type { ContactEvent } from "../api/test-api";
import { type Locale, type Translate, useLocale, useT } from "../i18n";
import { PollStatus } from "./PollStatus";
import type { Polled } from "./use-poll";

/**
 * The brand events a contact received (`GET /api/contacts/:id/events`, newest first): each with
 * when, what became of it (queued, sent, skipped with why, failed with Meta's error) and the ids
 * of the messages sent for it. A `<details>` the keyboard opens and closes; the list scrolls and
 * takes the focus so it can be scrolled without a mouse.
 */
export function ContactEvents({ polled }: { polled: Polled<{ events: ContactEvent[] }> }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  return <ContactEventsView polled={polled} t={t} locale={locale} />;
}

/** The same, given its texts and locale (what the unit test renders). */
export function ContactEventsView({
  polled,
  t,
  locale,
}: {
  polled: Polled<{ events: ContactEvent[] }>;
  t: Translate;
  locale: Locale;
}) {
  const events = polled.data?.events ?? [];
  return (
    <details className="contact-events" data-testid="contact-events" open>
      <summary>
        {t("livechat.events.title")}
        {polled.data !== null && ` (${events.length})`}
      </summary>
      <PollStatus
        polled={polled}
        t={t}
        isEmpty={(data) => data.events.length === 0}
        emptyText={t("livechat.events.empty")}
      />
      {events.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes the focus so the keyboard can scroll it
        <ol className="contact-events-list" aria-label={t("livechat.events.title")} tabIndex={0}>
          {events.map((e) => (
            <EventLine key={e.id} event={e} t={t} locale={locale} />
          ))}
        </ol>
      )}
    </details>
  );
}

function EventLine({ event, t, locale }: { event: ContactEvent; t: Translate; locale: Locale }) {
  const when = new Date(event.createdAt);
  return (
    <li className="contact-event" data-event-id={event.id}>
      <div className="contact-event-head">
        <code className="contact-event-name">{event.event}</code>
        <time dateTime={event.createdAt}>{when.toLocaleString(locale)}</time>
        <span className={`event-status ${event.status}`}>
          {t(`livechat.events.status.${event.status}`)}
        </span>
      </div>
      {event.reason !== undefined && (
        <p className="contact-event-detail">
          {t("livechat.events.reason", { reason: skipReason(event, t) })}
        </p>
      )}
      {event.error !== undefined && (
        <p className="contact-event-detail error">
          {t("livechat.events.error", { code: event.error.code, message: event.error.message })}
        </p>
      )}
      <p className="contact-event-detail">
        {event.messageIds.length === 0
          ? t("livechat.events.noMessages")
          : t("livechat.events.messages", { count: event.messageIds.length })}
        {event.messageIds.map((mid) => (
          <code key={mid} className="message-id">
            {mid}
          </code>
        ))}
      </p>
    </li>
  );
}

const SKIP_REASONS = [
  "outside_window",
  "bot_paused",
  "no_flow",
  "no_message",
  "contact_erased",
] as const;
type SkipReason = (typeof SKIP_REASONS)[number];

/** The runtime's reason code in the editor's language; older rows' English sentence as it is. */
function skipReason(event: { reason?: string; reasonText?: string }, t: Translate): string {
  const code = event.reason ?? "";
  return (SKIP_REASONS as readonly string[]).includes(code)
    ? t(`livechat.events.skip.${code as SkipReason}`)
    : (event.reasonText ?? code);
}
