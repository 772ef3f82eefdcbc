import { type FormEvent, useState } from "react";
import { CredentialField, FormError } from "../common/CredentialField";
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
        <CredentialField
          label={t("link.name")}
          name="name"
          autoComplete="name"
          value={name}
          onValue={setName}
          required={link.kind === "setup"}
        />
      )}
      {link.kind === "setup" && (
        <CredentialField
          label={t("signIn.email")}
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onValue={setEmail}
        />
      )}
      <CredentialField
        label={t("link.newPassword")}
        type="password"
        name="password"
        autoComplete="new-password"
        minLength={10}
        value={password}
        onValue={setPassword}
        hint={t("link.passwordRule")}
      />
      <FormError error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t("common.loading") : t(`link.${link.kind}Submit`)}
      </button>
      <LocaleSwitch />
    </form>
  );
}
