import { type FormEvent, useState } from "react";
import { ApiError, authHeaders } from "../api/client";
import { CredentialField, FormError } from "../common/CredentialField";
import { LocaleSwitch } from "../common/LocaleSwitch";
import { notify } from "../common/notices";
import { useSession } from "../common/session";
import { useT } from "../i18n";
import "./settings.css";

/** Posts to `/api/auth/<path>` with this session's CSRF token; throws the runtime's error. */
async function accountAction(path: string, body?: unknown): Promise<void> {
  const credentials = useSession.getState().credentials;
  if (credentials === null) throw new Error("not signed in");
  const headers = authHeaders(credentials, "POST");
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`/api/auth/${path}`, {
    method: "POST",
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.ok) return;
  const error = ((await response.json().catch(() => ({}))) as { error?: Record<string, unknown> })
    .error;
  throw new ApiError(
    response.status,
    typeof error?.code === "string" ? error.code : `http_${response.status}`,
    typeof error?.message === "string" ? error.message : response.statusText,
    error ?? {},
  );
}

/**
 * A person's own account: change the password (their other sessions end, this one stays) and
 * sign out of every session, on every device. The admin token is nobody's account.
 */
export default function AccountPage() {
  const t = useT();
  const person = useSession((s) => (s.who?.id ?? null) !== null);
  const signOut = useSession((s) => s.signOut);
  const [current, setCurrent] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function change(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await accountAction("password", { current, password });
      setCurrent("");
      setPassword("");
      notify("success", t("account.changed"), { key: "account" });
    } catch (e) {
      setError(
        e instanceof ApiError && e.code === "wrong_password"
          ? t("account.wrongPassword")
          : e instanceof ApiError && e.status === 400
            ? t("link.passwordRule")
            : t("common.offline"),
      );
    } finally {
      setBusy(false);
    }
  }

  async function everywhere() {
    if (!window.confirm(t("account.confirmEverywhere"))) return;
    try {
      await accountAction("sign-out-all");
    } finally {
      signOut();
      window.location.hash = "#/";
    }
  }

  return (
    <main className="settings-page">
      <header className="topbar">
        <a className="back" href="#/" aria-label={t("livechat.back")}>
          ←
        </a>
        <h1>{t("account.title")}</h1>
        <div className="spacer" />
        <LocaleSwitch />
      </header>
      <section className="card settings-card">
        {!person ? (
          <p className="empty">{t("account.adminToken")}</p>
        ) : (
          <>
            <form className="page-form" onSubmit={change}>
              <h2>{t("account.password")}</h2>
              <CredentialField
                label={t("account.current")}
                type="password"
                autoComplete="current-password"
                value={current}
                onValue={setCurrent}
              />
              <CredentialField
                label={t("account.new")}
                type="password"
                autoComplete="new-password"
                minLength={10}
                value={password}
                onValue={setPassword}
                hint={t("link.passwordRule")}
              />
              <FormError error={error} />
              <button type="submit" className="primary" disabled={busy}>
                {t("account.change")}
              </button>
              <small>{t("account.changeHelp")}</small>
            </form>
            <div className="page-form">
              <h2>{t("account.sessions")}</h2>
              <p>{t("account.everywhereHelp")}</p>
              <button type="button" onClick={() => void everywhere()}>
                {t("account.everywhere")}
              </button>
            </div>
          </>
        )}
      </section>
    </main>
  );
}
