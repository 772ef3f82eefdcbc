import { type FormEvent, lazy, Suspense, useState } from "react";
import { ApiClient, ApiError } from "../api/client";
import { CredentialField, FormError } from "../common/CredentialField";
import { LocaleSwitch } from "../common/LocaleSwitch";
import { useSession } from "../common/session";
import { loadTeamWords, useT } from "../i18n";
import { accountCall, linkInUrl, signInError } from "./account-api";

// A set-up, invitation or reset link is followed once; everyone else never needs its form.
// Its words come with the team's (set-up, invitation and reset links are the team's business).
const LinkForm = lazy(() =>
  Promise.all([import("./LinkForm"), loadTeamWords()]).then(([m]) => ({ default: m.LinkForm })),
);

export function SignIn() {
  const link = linkInUrl();
  return (
    <main className="sign-in">
      {link ? (
        <Suspense fallback={null}>
          <LinkForm link={link} />
        </Suspense>
      ) : (
        <PasswordSignIn />
      )}
      {!link && <TokenSignIn />}
    </main>
  );
}

function PasswordSignIn() {
  const t = useT();
  const signedIn = useSession((s) => s.signedIn);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await accountCall("sign-in", { email, password });
      signedIn(answer.csrfToken, answer.person);
    } catch (e) {
      setError(signInError(e, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card sign-in-card" onSubmit={submit}>
      <h1 className="brand">Convo</h1>
      <p>{t("signIn.withEmailIntro")}</p>
      <CredentialField
        label={t("signIn.email")}
        type="email"
        name="email"
        autoComplete="username"
        value={email}
        onValue={setEmail}
      />
      <CredentialField
        label={t("signIn.password")}
        type="password"
        name="password"
        autoComplete="current-password"
        value={password}
        onValue={setPassword}
      />
      <FormError error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t("common.loading") : t("signIn.withEmail")}
      </button>
      <LocaleSwitch />
    </form>
  );
}

/** For automation and older set-ups: the runtime's admin token, kept in this browser. */
function TokenSignIn() {
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
    <form className="card sign-in-card" onSubmit={submit}>
      <p>{t("signIn.intro")}</p>
      <CredentialField
        label={t("signIn.token")}
        type="password"
        name="token"
        autoComplete="off"
        value={token}
        onValue={setToken}
      />
      <FormError error={error} />
      <button type="submit" disabled={busy || token.trim() === ""}>
        {busy ? t("common.loading") : t("signIn.submit")}
      </button>
    </form>
  );
}
