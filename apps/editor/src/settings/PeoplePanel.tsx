import { type FormEvent, useCallback, useEffect, useState } from "react";
import type { Invite, Person } from "../api/team-api";
import { describeError } from "../common/errors";
import type { Role } from "../common/session";
import { useSession } from "../common/session";
import { useT } from "../i18n";
import { Messages, ShownOnce, useTeamApi, useWhen } from "./shared";

const ROLES: readonly Role[] = ["owner", "editor", "agent", "viewer"];

/**
 * The team: invite someone with a role (the link is shown to copy, once), change a role, make a
 * password reset link, remove someone. The last owner cannot stop being one, as the server says.
 */
export function PeoplePanel() {
  const t = useT();
  const when = useWhen();
  const api = useTeamApi();
  const me = useSession((s) => s.who?.id ?? null);
  const [team, setTeam] = useState<{ people: Person[]; invites: Invite[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [link, setLink] = useState<{ message: string; value: string } | null>(null);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("agent");
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    try {
      setTeam(await api.people());
    } catch (e) {
      setError(describeError(t, e));
    }
  }, [api, t]);
  useEffect(() => {
    void reload();
  }, [reload]);

  /** Runs a change, says what happened, and reads the team again. */
  async function change(action: () => Promise<string | undefined>) {
    setError(null);
    setNotice(null);
    setBusy(true);
    try {
      const said = await action();
      if (said) setNotice(said);
      await reload();
    } catch (e) {
      setError(describeError(t, e));
    } finally {
      setBusy(false);
    }
  }

  function invite(event: FormEvent) {
    event.preventDefault();
    const address = email.trim();
    if (address === "") return;
    void change(async () => {
      const answer = await api.invite(address, role);
      setLink({
        message: t("people.invited", { email: address, date: when(answer.expiresAt) }),
        value: answer.link,
      });
      setEmail("");
      return undefined;
    });
  }

  const active = (team?.people ?? []).filter((p) => p.disabledAt === null);
  const owners = active.filter((p) => p.role === "owner").length;
  const roleName = (r: Role) => t(`role.${r}`);

  return (
    <section className="card settings-card" aria-labelledby="people-title">
      <h2 id="people-title">{t("people.title")}</h2>
      <p>{t("people.intro")}</p>
      <Messages error={error} notice={notice} />
      {link && <ShownOnce message={link.message} label={t("people.link")} value={link.value} />}
      {team === null && !error && <p className="loading">{t("common.loading")}</p>}
      {team && (
        <table className="settings-table" aria-label={t("people.list")}>
          <thead>
            <tr>
              <th>{t("people.name")}</th>
              <th>{t("people.email")}</th>
              <th>{t("people.role")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {active.map((p) => {
              const last = p.role === "owner" && owners <= 1;
              return (
                <tr key={p.id} data-person={p.email}>
                  <td>
                    {p.name} {p.id === me && <span className="muted">{t("people.you")}</span>}
                    <br />
                    <small className="muted">
                      {t("people.since", { date: when(p.createdAt) })}
                    </small>
                  </td>
                  <td>{p.email}</td>
                  <td>
                    <select
                      aria-label={t("people.roleOf", { name: p.name })}
                      value={p.role}
                      disabled={last || busy}
                      title={last ? t("people.lastOwner") : undefined}
                      onChange={(e) => {
                        const next = e.target.value as Role;
                        void change(async () => {
                          await api.setRole(p.id, next);
                          return t("people.roleChanged", { name: p.name, role: roleName(next) });
                        });
                      }}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {roleName(r)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="actions">
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() =>
                        void change(async () => {
                          const answer = await api.resetLink(p.id);
                          setLink({
                            message: t("people.reset", {
                              name: p.name,
                              date: when(answer.expiresAt),
                            }),
                            value: answer.link,
                          });
                          return undefined;
                        })
                      }
                    >
                      {t("people.resetLink")}
                    </button>
                    <button
                      type="button"
                      disabled={last || busy}
                      title={last ? t("people.lastOwner") : undefined}
                      onClick={() => {
                        if (!window.confirm(t("people.confirmRemove", { name: p.name }))) return;
                        void change(async () => {
                          await api.remove(p.id);
                          return t("people.removed", { name: p.name });
                        });
                      }}
                    >
                      {t("people.remove")}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {team && active.length <= 1 && <p className="empty">{t("people.empty")}</p>}
      {team && team.invites.length > 0 && (
        <>
          <h3>{t("people.pending")}</h3>
          <ul className="settings-list" aria-label={t("people.pending")}>
            {team.invites.map((i) => (
              <li key={`${i.email}-${i.createdAt}`}>
                {t("people.pendingItem", {
                  email: i.email ?? "",
                  role: roleName(i.role),
                  date: when(i.expiresAt),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      <form className="settings-form" onSubmit={invite} aria-label={t("people.inviteTitle")}>
        <h3>{t("people.inviteTitle")}</h3>
        <label>
          {t("people.email")}
          <input
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoComplete="off"
            required
          />
        </label>
        <label>
          {t("people.role")}
          <select
            aria-label={t("people.role")}
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleName(r)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={busy || email.trim() === ""}>
          {t("people.invite")}
        </button>
      </form>
    </section>
  );
}
