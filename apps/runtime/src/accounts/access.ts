import type { Caller, Scope } from "../keys/api-keys";
import { ROLES, type Role } from "../store/people";

/**
 * Who may call a route: the roles of signed-in people, and the scopes of API keys. The owner (and
 * the admin token, an owner-level key) may call every route; a key may call only the routes that
 * name one of its scopes.
 */
export interface Access {
  roles: readonly Role[];
  scopes?: readonly Scope[];
}

const rule = (roles: readonly Role[], scopes: readonly Scope[] = []): Access => ({
  roles,
  scopes,
});

/**
 * The rules routes name, by what they touch. Editors make flows; agents talk to contacts; viewers
 * read flows and their figures but no contact data.
 */
export const ACCESS = {
  /** People, keys, operations, contact exports and erasures, the audit log. */
  owner: rule(["owner"]),
  /** One's own account: who am I, sign out, change password; the API's document. */
  signedIn: rule(ROLES),
  /** Flows, their versions and their figures. */
  flowsRead: rule(["owner", "editor", "viewer"], ["flows:read"]),
  /** Create, edit, publish, restore, import, delete flows; the sandbox and simulator. */
  flowsWrite: rule(["owner", "editor"]),
  /** Contacts and their transcripts. */
  contactsRead: rule(["owner", "agent"], ["contacts:read"]),
  /** Reply, pause, resume. */
  liveChat: rule(["owner", "agent"]),
  eventsWrite: rule(["owner"], ["events:write"]),
  eventsRead: rule(["owner"], ["events:read", "events:write"]),
  webhooks: rule(["owner"], ["webhooks:write"]),
} as const satisfies Record<string, Access>;

/** The role a caller acts with, or none (an API key acts with its scopes only). */
export function roleOf(caller: Caller): Role | undefined {
  if (caller.kind === "owner") return "owner";
  return caller.kind === "person" ? caller.person.role : undefined;
}

/** Whether `caller` may call a route with this rule. */
export function permits(caller: Caller, access: Access): boolean {
  if (caller.kind === "key") {
    return (access.scopes ?? []).some((s) => caller.scopes.includes(s));
  }
  const role = roleOf(caller) as Role;
  return role === "owner" || access.roles.includes(role);
}
