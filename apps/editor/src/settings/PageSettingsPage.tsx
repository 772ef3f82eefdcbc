import { type FormEvent, useEffect, useState } from "react";
import type { Answer } from "../api/types";
import { describeError } from "../common/errors";
import { LocaleSwitch } from "../common/LocaleSwitch";
import { useApi } from "../common/session";
import { useT } from "../i18n";
import "./settings.css";

type Settings = Answer<"getPage">;
type IceBreaker = Settings["iceBreakers"][number];

/** Meta's limits (Messenger Profile reference): a greeting of 160 characters, 4 ice breakers. */
const GREETING_MAX = 160;
const ICE_BREAKERS_MAX = 4;
const QUESTION_MAX = 80;

/**
 * The Page's Messenger profile as a marketer sets it: the greeting before the first message, the
 * Get Started button, the ice breakers, and who answers when another app (the Page Inbox, a
 * helpdesk) asks for the conversation. The persistent menu, when set through the API, is kept.
 */
export default function PageSettingsPage() {
  const t = useT();
  const api = useApi();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    api.getPageSettings().then(setSettings, (e: unknown) => setError(describeError(t, e)));
  }, [api, t]);

  if (!settings) {
    return (
      <Frame title={t("page.title")}>
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : (
          <p className="loading">{t("common.loading")}</p>
        )}
      </Frame>
    );
  }

  const greeting = settings.greeting.find((g) => g.locale === "default")?.text ?? "";
  const setGreeting = (text: string) =>
    setSettings({
      ...settings,
      greeting: [
        ...(text ? [{ locale: "default", text }] : []),
        ...settings.greeting.filter((g) => g.locale !== "default"),
      ],
    });
  const setBreaker = (index: number, change: Partial<IceBreaker>) =>
    setSettings({
      ...settings,
      iceBreakers: settings.iceBreakers.map((b, i) => (i === index ? { ...b, ...change } : b)),
    });
  const incomplete = settings.iceBreakers.some((b) => !b.question.trim() || !b.payload.trim());

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!settings || incomplete) return;
    setSaving(true);
    setNotice(null);
    try {
      const { sync, ...saved } = await api.savePageSettings(settings);
      setSettings(saved);
      setError(sync.ok ? null : t("page.notSynced", { reason: sync.error ?? "?" }));
      if (sync.ok) setNotice(t("page.saved"));
    } catch (e) {
      setError(describeError(t, e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Frame title={t("page.title")}>
      <form className="page-form" onSubmit={save}>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {notice && <output className="notice">{notice}</output>}
        <fieldset>
          <legend>{t("page.greeting")}</legend>
          <textarea
            aria-label={t("page.greeting")}
            value={greeting}
            maxLength={GREETING_MAX}
            placeholder={t("page.greetingPlaceholder")}
            onChange={(e) => setGreeting(e.target.value)}
          />
          <small>{t("page.greetingHelp", { count: GREETING_MAX - greeting.length })}</small>
        </fieldset>
        <fieldset>
          <legend>{t("page.getStarted")}</legend>
          <label className="inline">
            <input
              type="checkbox"
              checked={settings.getStarted !== null}
              onChange={(e) =>
                setSettings({
                  ...settings,
                  getStarted: e.target.checked ? { payload: "GET_STARTED" } : null,
                })
              }
            />
            {t("page.getStartedOn")}
          </label>
        </fieldset>
        <fieldset>
          <legend>{t("page.iceBreakers")}</legend>
          <small>{t("page.iceBreakersHelp")}</small>
          {settings.iceBreakers.map((breaker, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, in order
            <div className="ice-breaker" key={index}>
              <input
                aria-label={t("page.question", { n: index + 1 })}
                value={breaker.question}
                maxLength={QUESTION_MAX}
                onChange={(e) => setBreaker(index, { question: e.target.value })}
              />
              <input
                aria-label={t("page.payload", { n: index + 1 })}
                value={breaker.payload}
                placeholder="ORDER_STATUS"
                onChange={(e) => setBreaker(index, { payload: e.target.value })}
              />
              <button
                type="button"
                onClick={() =>
                  setSettings({
                    ...settings,
                    iceBreakers: settings.iceBreakers.filter((_, i) => i !== index),
                  })
                }
              >
                {t("common.remove")}
              </button>
            </div>
          ))}
          <button
            type="button"
            disabled={settings.iceBreakers.length >= ICE_BREAKERS_MAX}
            onClick={() =>
              setSettings({
                ...settings,
                iceBreakers: [...settings.iceBreakers, { question: "", payload: "" }],
              })
            }
          >
            {t("page.addIceBreaker")}
          </button>
        </fieldset>
        <fieldset>
          <legend>{t("page.threadRequests")}</legend>
          <small>{t("page.threadRequestsHelp")}</small>
          {(["when_idle", "pass"] as const).map((choice) => (
            <label className="inline" key={choice}>
              <input
                type="radio"
                name="threadRequests"
                checked={(settings.threadRequests ?? "when_idle") === choice}
                onChange={() => setSettings({ ...settings, threadRequests: choice })}
              />
              {t(choice === "pass" ? "page.threadPass" : "page.threadWhenIdle")}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={saving || incomplete}>
          {saving ? t("page.saving") : t("page.save")}
        </button>
        {incomplete && <small>{t("page.incomplete")}</small>}
      </form>
    </Frame>
  );
}

function Frame({ title, children }: { title: string; children: React.ReactNode }) {
  const t = useT();
  return (
    <main className="settings-page">
      <header className="topbar">
        <a className="back" href="#/" aria-label={t("livechat.back")}>
          ←
        </a>
        <h1>{title}</h1>
        <div className="spacer" />
        <LocaleSwitch />
      </header>
      <section className="card settings-card">{children}</section>
    </main>
  );
}
