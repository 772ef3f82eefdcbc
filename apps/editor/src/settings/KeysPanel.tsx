import { type FormEvent, useCallback, useEffect, useState } from "react";
import type { ApiKey } from "../api/team-api";
import { describeError } from "../common/errors";
import { useT } from "../i18n";
import { Messages, ShownOnce, useTeamApi, useWhen } from "./shared";

/** What a key may do (the runtime's `SCOPES`); a key gets the fewest its integration needs. */
const SCOPES = [
  "events:write",
  "events:read",
  "webhooks:write",
  "flows:read",
  "contacts:read",
] as const;

/** API keys for integrations: made with scopes and shown once, listed with their use, revoked. */
export function KeysPanel() {
  const t = useT();
  const when = useWhen();
  const api = useTeamApi();
  const [keys, setKeys] = useState<ApiKey[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [made, setMade] = useState<{ name: string; key: string } | null>(null);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    try {
      setKeys((await api.keys()).keys);
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
    if (name.trim() === "" || scopes.size === 0) return;
    void run(async () => {
      const answer = await api.createKey(name.trim(), [...scopes]);
      setMade({ name: answer.apiKey.name, key: answer.key });
      setName("");
      setScopes(new Set());
    });
  }

  function toggle(scope: string, on: boolean) {
    const next = new Set(scopes);
    if (on) next.add(scope);
    else next.delete(scope);
    setScopes(next);
  }

  const use = (k: ApiKey) =>
    [
      t("keys.created", { date: when(k.createdAt) }),
      k.lastUsedAt ? t("keys.lastUsed", { date: when(k.lastUsedAt) }) : t("keys.neverUsed"),
      ...(k.revokedAt ? [t("keys.revoked", { date: when(k.revokedAt) })] : []),
    ].join(" · ");

  return (
    <section className="card settings-card" aria-labelledby="keys-title">
      <h2 id="keys-title">{t("keys.title")}</h2>
      <p>{t("keys.intro")}</p>
      <Messages error={error} notice={notice} />
      {made && (
        <ShownOnce
          message={t("keys.shownOnce", { name: made.name })}
          label={t("keys.key")}
          value={made.key}
        />
      )}
      {keys === null && !error && <p className="loading">{t("common.loading")}</p>}
      {keys?.length === 0 && <p className="empty">{t("keys.empty")}</p>}
      {keys && keys.length > 0 && (
        <ul className="settings-list" aria-label={t("keys.list")}>
          {keys.map((k) => (
            <li key={k.id} className={k.revokedAt ? "revoked" : undefined}>
              <div>
                <strong>{k.name}</strong> <code>{k.id}</code>
                <br />
                <small className="muted">{k.scopes.join(", ")}</small>
                <br />
                <small className="muted">{use(k)}</small>
              </div>
              <span className="spacer" />
              {k.revokedAt === null && (
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => {
                    if (!window.confirm(t("keys.confirmRevoke", { name: k.name }))) return;
                    void run(async () => {
                      await api.revokeKey(k.id);
                      setNotice(t("keys.revokedNotice", { name: k.name }));
                    });
                  }}
                >
                  {t("keys.revoke")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="settings-form" onSubmit={create} aria-label={t("keys.createTitle")}>
        <h3>{t("keys.createTitle")}</h3>
        <label>
          {t("keys.name")}
          <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </label>
        <fieldset>
          <legend>{t("keys.scopes")}</legend>
          {SCOPES.map((scope) => (
            <label key={scope} className="checkbox">
              <input
                type="checkbox"
                checked={scopes.has(scope)}
                onChange={(e) => toggle(scope, e.target.checked)}
              />
              <code>{scope}</code> {t(`scope.${scope}`)}
            </label>
          ))}
        </fieldset>
        {scopes.size === 0 && <small className="muted">{t("keys.needScope")}</small>}
        <button
          type="submit"
          className="primary"
          disabled={busy || name.trim() === "" || scopes.size === 0}
        >
          {t("keys.create")}
        </button>
      </form>
    </section>
  );
}
