import type { InviteRow, PersonRow } from "../store/people";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A person as the API shows them: never their password hash. */
export const personJson = (p: PersonRow) => ({
  id: p.id,
  email: p.email,
  name: p.name,
  role: p.role,
  createdAt: new Date(p.createdAt).toISOString(),
  disabledAt: iso(p.disabledAt),
});

export const inviteJson = (i: InviteRow) => ({
  email: i.email,
  role: i.role,
  kind: i.kind,
  createdAt: new Date(i.createdAt).toISOString(),
  expiresAt: new Date(i.expiresAt).toISOString(),
});
