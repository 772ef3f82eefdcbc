import { type FormEvent, useCallback, useEffect, useState } from "react";
import type { Answer } from "../api/types";
import { describeError } from "../common/errors";
import { useApi } from "../common/session";
import { useLocale, useT } from "../i18n";

type Secret = Answer<"getSecrets">["secrets"][number];
const NAME = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * The owner's secrets for HTTP steps, write-only: a value is typed once and never shown again;
 * the list says who set each one and when, or that the runtime's environment sets it.
 */
export function SecretsPanel() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const api = useApi();
  const [secrets, setSecrets] = useState<Secret[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [value, setValue] = useState("");
  const [saving, setSaving] = useState(false);

  const reload = useCallback(async () => {
    try {
      setSecrets((await api.listSecrets()).secrets);
      setError(null);
    } catch (e) {
      setError(describeError(t, e));
    }
  }, [api, t]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const nameValid = NAME.test(name);
  async function save(event: FormEvent) {
    event.preventDefault();
    if (!nameValid || value === "") return;
    setSaving(true);
    try {
      await api.setSecret(name, value);
      setNotice(t("secrets.saved", { name }));
      setName("");
      setValue("");
      await reload();
    } catch (e) {
      setError(describeError(t, e));
    } finally {
      setSaving(false);
    }
  }
  async function remove(secret: string) {
    if (!window.confirm(t("secrets.confirmRemove", { name: secret }))) return;
    try {
      await api.deleteSecret(secret);
      setNotice(t("secrets.removed", { name: secret }));
      await reload();
    } catch (e) {
      setError(describeError(t, e));
    }
  }
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale === "fr" ? "fr-FR" : "en-GB", {
      dateStyle: "medium",
      timeStyle: "short",
    });

  return (
    <section className="card settings-card" aria-labelledby="secrets-title">
      <h2 id="secrets-title">{t("secrets.title")}</h2>
      <p>{t("secrets.intro")}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {notice && <output className="notice">{notice}</output>}
      {secrets === null && !error && <p className="loading">{t("common.loading")}</p>}
      {secrets?.length === 0 && <p className="empty">{t("secrets.empty")}</p>}
      {secrets && secrets.length > 0 && (
        <ul className="secret-list" aria-label={t("secrets.title")}>
          {secrets.map((s) => (
            <li key={s.name}>
              <code>{s.name}</code>
              <span className="secret-meta">
                {s.source === "environment"
                  ? t("secrets.fromEnv", { name: s.name })
                  : s.setAt
                    ? t("secrets.setBy", { at: when(s.setAt), by: s.setBy ?? "?" })
                    : ""}
              </span>
              <span className="spacer" />
              {s.source === "editor" && (
                <>
                  <button type="button" onClick={() => setName(s.name)}>
                    {t("secrets.replace")}
                  </button>
                  <button type="button" onClick={() => void remove(s.name)}>
                    {t("common.remove")}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="secret-form" onSubmit={save}>
        <label>
          {t("secrets.name")}
          <input
            value={name}
            onChange={(e) => setName(e.target.value.toUpperCase().replace(/[^A-Z0-9_]/g, "_"))}
            placeholder="SHOP_TOKEN"
            aria-invalid={name !== "" && !nameValid}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <label>
          {t("secrets.value")}
          <input
            type="password"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            autoComplete="new-password"
          />
        </label>
        <button type="submit" disabled={!nameValid || value === "" || saving}>
          {t("secrets.save")}
        </button>
        <small>
          {name !== "" && !nameValid
            ? t("secrets.nameRule")
            : t("secrets.usage", { usage: `{{secrets.${name || "NAME"}}}` })}
        </small>
      </form>
    </section>
  );
}
