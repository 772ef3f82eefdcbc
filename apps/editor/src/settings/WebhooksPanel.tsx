import { type FormEvent, useCallback, useEffect, useState } from "react";
import type { WebhookEndpoint } from "../api/team-api";
import { describeError } from "../common/errors";
import { useT } from "../i18n";
import { Messages, ShownOnce, useTeamApi, useWhen } from "./shared";

/** The events an endpoint may take (the runtime's `OUT_EVENT_TYPES`); `*` is every one. */
export const OUT_EVENTS = [
  "contact.created",
  "contact.tagged",
  "contact.field_set",
  "handover.requested",
  "handover.ended",
  "conversation.completed",
  "message.failed",
  "event.delivered",
] as const;
const ALL = "*";

/** Endpoints of events out: listed, added with the events they take (secret shown once), removed. */
export function WebhooksPanel() {
  const t = useT();
  const when = useWhen();
  const api = useTeamApi();
  const [endpoints, setEndpoints] = useState<WebhookEndpoint[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [made, setMade] = useState<{ url: string; secret: string } | null>(null);
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    try {
      setEndpoints((await api.webhooks()).endpoints);
    } catch (e) {
      setError(describeError(t, e));
    }
  }, [api, t]);
  useEffect(() => {
    void reload();
  }, [reload]);

  async function run(action: () => Promise<void>) {
    setError(null);
    setNotice(null);
    setBusy(true);
    try {
      await action();
      await reload();
    } catch (e) {
      setError(describeError(t, e));
    } finally {
      setBusy(false);
    }
  }

  function create(event: FormEvent) {
    event.preventDefault();
    if (url.trim() === "" || events.size === 0) return;
    // "Every event" stands alone: it also takes the types added later.
    const chosen = events.has(ALL) ? [ALL] : [...events];
    void run(async () => {
      const answer = await api.createWebhook(url.trim(), chosen);
      setMade({ url: answer.url, secret: answer.secret });
      setUrl("");
      setEvents(new Set());
    });
  }

  function toggle(type: string, on: boolean) {
    const next = new Set(events);
    if (on) next.add(type);
    else next.delete(type);
    setEvents(next);
  }

  const takes = (e: WebhookEndpoint) =>
    e.events.includes(ALL) ? t("webhooks.allShort") : e.events.join(", ");
  const all = events.has(ALL);

  return (
    <section className="card settings-card" aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">{t("webhooks.title")}</h2>
      <p>{t("webhooks.intro")}</p>
      <Messages error={error} notice={notice} />
      {made && (
        <ShownOnce
          message={t("webhooks.shownOnce", { url: made.url })}
          label={t("webhooks.secret")}
          value={made.secret}
        />
      )}
      {endpoints === null && !error && <p className="loading">{t("common.loading")}</p>}
      {endpoints?.length === 0 && <p className="empty">{t("webhooks.empty")}</p>}
      {endpoints && endpoints.length > 0 && (
        <ul className="settings-list" aria-label={t("webhooks.list")}>
          {endpoints.map((e) => (
            <li key={e.id}>
              <div>
                <strong>{e.url}</strong>
                <br />
                <small className="muted">{takes(e)}</small>
                <br />
                <small className="muted">
                  {t("webhooks.created", { date: when(e.createdAt) })}
                </small>
              </div>
              <span className="spacer" />
              <button
                type="button"
                disabled={busy}
                onClick={() => {
                  if (!window.confirm(t("webhooks.confirmRemove", { url: e.url }))) return;
                  void run(async () => {
                    await api.removeWebhook(e.id);
                    setNotice(t("webhooks.removed", { url: e.url }));
                  });
                }}
              >
                {t("webhooks.remove")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="settings-form" onSubmit={create} aria-label={t("webhooks.createTitle")}>
        <h3>{t("webhooks.createTitle")}</h3>
        <label>
          {t("webhooks.url")}
          <input
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://crm.example.com/convo"
            autoComplete="off"
          />
        </label>
        <fieldset>
          <legend>{t("webhooks.events")}</legend>
          <label className="checkbox">
            <input type="checkbox" checked={all} onChange={(e) => toggle(ALL, e.target.checked)} />
            {t("webhooks.all")}
          </label>
          {OUT_EVENTS.map((type) => (
            <label key={type} className="checkbox">
              <input
                type="checkbox"
                checked={all || events.has(type)}
                disabled={all}
                onChange={(e) => toggle(type, e.target.checked)}
              />
              <code>{type}</code> {t(`outEvent.${type}`)}
            </label>
          ))}
        </fieldset>
        {events.size === 0 && <small className="muted">{t("webhooks.needEvent")}</small>}
        <button
          type="submit"
          className="primary"
          disabled={busy || url.trim() === "" || events.size === 0}
        >
          {t("webhooks.create")}
        </button>
      </form>
    </section>
  );
}
