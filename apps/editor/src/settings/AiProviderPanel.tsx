import { type FormEvent, useCallback, useEffect, useState } from "react";
import type { Answer } from "../api/types";
import { describeError } from "../common/errors";
import { useApi } from "../common/session";
import { useT } from "../i18n";
import { Messages, useWhen } from "./shared";

type Provider = Answer<"getAiProvider">;

/**
 * The model AI steps ask, set by the owner: endpoint URL and model shown and edited, the key
 * write-only (typed once, never shown again; left empty, the saved one stays). When the
 * runtime's CONVO_AI_* variables set it, it is shown and not editable.
 */
export function AiProviderPanel() {
  const t = useT();
  const when = useWhen();
  const api = useApi();
  const [provider, setProvider] = useState<Provider | null>(null);
  const [baseUrl, setBaseUrl] = useState("");
  const [model, setModel] = useState("");
  const [apiKey, setApiKey] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const show = useCallback((p: Provider) => {
    setProvider(p);
    setBaseUrl(p.baseUrl);
    setModel(p.model);
    setApiKey("");
  }, []);
  useEffect(() => {
    api.getAiProvider().then(show, (e: unknown) => setError(describeError(t, e)));
  }, [api, show, t]);

  async function save(change: Parameters<typeof api.saveAiProvider>[0], done: string) {
    setSaving(true);
    try {
      show(await api.saveAiProvider(change));
      setNotice(done);
      setError(null);
    } catch (e) {
      setError(describeError(t, e));
    } finally {
      setSaving(false);
    }
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    void save(
      { baseUrl: baseUrl.trim(), model: model.trim(), ...(apiKey === "" ? {} : { apiKey }) },
      t("aiProvider.saved"),
    );
  }
  function forget() {
    if (!window.confirm(t("aiProvider.confirmForget"))) return;
    void save({ apiKey: null }, t("aiProvider.forgotten"));
  }

  const locked = provider?.source === "environment";
  return (
    <section className="card settings-card" aria-labelledby="ai-provider-title">
      <h2 id="ai-provider-title">{t("aiProvider.title")}</h2>
      <p>{t("aiProvider.intro")}</p>
      <Messages error={error} notice={notice} />
      {provider === null && !error && <p className="loading">{t("common.loading")}</p>}
      {provider && (
        <form className="page-form" onSubmit={submit}>
          {locked && <p data-testid="ai-provider-env">{t("aiProvider.fromEnv")}</p>}
          <label>
            {t("aiProvider.baseUrl")}
            <input
              type="url"
              value={baseUrl}
              onChange={(e) => setBaseUrl(e.target.value)}
              disabled={locked}
              required
              spellCheck={false}
            />
          </label>
          <label>
            {t("aiProvider.model")}
            <input
              value={model}
              onChange={(e) => setModel(e.target.value)}
              disabled={locked}
              required
              spellCheck={false}
            />
          </label>
          {!locked && (
            <label>
              {t("aiProvider.apiKey")}
              <input
                type="password"
                value={apiKey}
                onChange={(e) => setApiKey(e.target.value)}
                autoComplete="new-password"
              />
              <small>
                {provider.keySet
                  ? t("aiProvider.keySet", {
                      at: provider.setAt ? when(provider.setAt) : "?",
                      by: provider.setBy ?? "?",
                    })
                  : t("aiProvider.keyNone")}
              </small>
            </label>
          )}
          {!locked && (
            <div className="row">
              <button type="submit" disabled={saving || baseUrl.trim() === "" || model === ""}>
                {t("aiProvider.save")}
              </button>
              {provider.keySet && (
                <button type="button" onClick={forget} disabled={saving}>
                  {t("aiProvider.forgetKey")}
                </button>
              )}
            </div>
          )}
        </form>
      )}
    </section>
  );
}
