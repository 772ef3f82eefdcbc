import type { AccountSessionRow, InviteRow, PersonRow, Role } from "./people";

// The columns of the people, account_sessions and invites tables, named alike in SQLite and
// PostgreSQL, and the rows the stores hand out.

export interface PersonRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  created_at: number;
  disabled_at: number | null;
}

export const personOf = (r: PersonRecord): PersonRow => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  createdAt: r.created_at,
  disabledAt: r.disabled_at,
});

export interface SessionRecord {
  id: string;
  person_id: string;
  created_at: number;
  last_seen_at: number;
  csrf_token: string;
}

export const sessionOf = (r: SessionRecord): AccountSessionRow => ({
  id: r.id,
  personId: r.person_id,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  csrfToken: r.csrf_token,
});

export interface InviteRecord {
  id: string;
  kind: InviteRow["kind"];
  email: string | null;
  role: Role;
  person_id: string | null;
  created_by: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export const inviteOf = (r: InviteRecord): InviteRow => ({
  id: r.id,
  kind: r.kind,
  email: r.email,
  role: r.role,
  personId: r.person_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
});
