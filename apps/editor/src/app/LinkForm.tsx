import { type FormEvent, useState } from "react";
import { LocaleSwitch } from "../common/LocaleSwitch";
import { useSession } from "../common/session";
import { useT } from "../i18n";
import { accountCall, type linkInUrl, signInError } from "./account-api";

type Link = NonNullable<ReturnType<typeof linkInUrl>>;

/** A setup link (the first owner), an invite (joining the team) or a password reset. */
export function LinkForm({ link }: { link: Link }) {
  const t = useT();
  const signedIn = useSession((s) => s.signedIn);
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer =
        link.kind === "setup"
          ? await accountCall("setup", { token: link.token, email, password, name })
          : await accountCall("accept-invite", {
              token: link.token,
              password,
              ...(link.kind === "invite" && name.trim() ? { name } : {}),
            });
      // The link works once: it leaves the address bar (and the history).
      window.history.replaceState(null, "", "/");
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
      <p>{t(`link.${link.kind}Intro`)}</p>
      {link.kind !== "reset" && (
        <label className="field">
          <span>{t("link.name")}</span>
          <input
            name="name"
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            required={link.kind === "setup"}
          />
        </label>
      )}
      {link.kind === "setup" && (
        <label className="field">
          <span>{t("signIn.email")}</span>
          <input
            type="email"
            name="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
        </label>
      )}
      <label className="field">
        <span>{t("link.newPassword")}</span>
        <input
          type="password"
          name="password"
          autoComplete="new-password"
          minLength={10}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        <small>{t("link.passwordRule")}</small>
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t("common.loading") : t(`link.${link.kind}Submit`)}
      </button>
      <LocaleSwitch />
    </form>
  );
}
