/**
 * The team: people with a role, their sign-in sessions, the links that invite them (or reset a
 * password, or set up the first owner), and the sign-in failures that lock an account for a
 * while. Only digests of session and invite tokens are kept; the tokens go to the browser once.
 * What a role may do, when a session is idle or an invite expired, is decided in `accounts/`.
 */

export const ROLES = ["owner", "editor", "agent", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export interface PersonRow {
  id: string;
  /** Case-folded; unique whatever its case. */
  email: string;
  name: string;
  role: Role;
  createdAt: number;
  /** Set when the owner removed the account: it signs in no more. */
  disabledAt: number | null;
}

export interface PeopleStore {
  /** False when the e-mail address is taken (in any case). */
  create(person: Omit<PersonRow, "disabledAt"> & { passwordHash: string }): Promise<boolean>;
  find(id: string): Promise<PersonRow | undefined>;
  /** The person with this address (any case), with the password hash: for sign-in only. */
  credentials(email: string): Promise<(PersonRow & { passwordHash: string }) | undefined>;
  /** Everyone, removed or not, oldest first. */
  list(): Promise<PersonRow[]>;
  /** People not removed. */
  countActive(): Promise<number>;
  /** Role, name or password; false when no such person. */
  update(
    id: string,
    change: { role?: Role; name?: string; passwordHash?: string; disabledAt?: null },
  ): Promise<boolean>;
  /** Marks the person removed and ends every session of theirs, in one transaction. */
  disable(id: string, now: number): Promise<boolean>;
}

export interface AccountSessionRow {
  /** SHA-256 (hex) of the token in the cookie. */
  id: string;
  personId: string;
  createdAt: number;
  lastSeenAt: number;
  csrfToken: string;
}

export interface AccountSessionStore {
  create(session: AccountSessionRow): Promise<void>;
  find(id: string): Promise<AccountSessionRow | undefined>;
  touch(id: string, now: number): Promise<void>;
  remove(id: string): Promise<void>;
  /** Ends a person's sessions but `except`; how many ended. */
  removeFor(personId: string, except?: string): Promise<number>;
  /** Ends sessions not seen since `before`. */
  removeIdle(before: number): Promise<number>;
}

export type InviteKind = "setup" | "invite" | "reset";

export interface InviteRow {
  /** SHA-256 (hex) of the token in the link. */
  id: string;
  kind: InviteKind;
  /** Whom an invite is for (null for setup). */
  email: string | null;
  role: Role;
  /** The account a reset link is for. */
  personId: string | null;
  createdBy: string | null;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

export interface InviteStore {
  create(invite: Omit<InviteRow, "usedAt">): Promise<void>;
  find(id: string): Promise<InviteRow | undefined>;
  /** Marks a live invite used and answers it; undefined when used or expired (once, even in a race). */
  use(id: string, now: number): Promise<InviteRow | undefined>;
  /** Invites neither used nor expired, newest first. */
  pending(now: number): Promise<InviteRow[]>;
}

/** Failed sign-ins, by key (`account:<email>`, `address:<ip>`). */
export interface SignInFailureStore {
  record(keys: readonly string[], at: number): Promise<void>;
  /** When the key failed since `since`, newest first, at most `limit`. */
  recent(key: string, since: number, limit: number): Promise<number[]>;
  clear(key: string): Promise<void>;
  /** Forgets failures before `before`. */
  prune(before: number): Promise<void>;
}
