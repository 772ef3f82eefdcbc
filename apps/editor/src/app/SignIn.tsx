import { type FormEvent, useState } from "react";
import { ApiClient, ApiError } from "../api/client";
import { LocaleSwitch } from "../common/LocaleSwitch";
import { useSession } from "../common/session";
import { useT } from "../i18n";

export function SignIn() {
  const t = useT();
  const signIn = useSession((s) => s.signIn);
  const [token, setToken] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await new ApiClient(token.trim()).listFlows();
      signIn(token.trim());
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 401 ? t("signIn.wrongToken") : t("common.offline"),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <form className="card sign-in-card" onSubmit={submit}>
        <h1 className="brand">Convo</h1>
        <p>{t("signIn.intro")}</p>
        <label className="field">
          <span>{t("signIn.token")}</span>
          <input
            type="password"
            name="token"
            autoComplete="current-password"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            required
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || token.trim() === ""}>
          {busy ? t("common.loading") : t("signIn.submit")}
        </button>
        <LocaleSwitch />
      </form>
    </main>
  );
}
