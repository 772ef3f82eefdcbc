import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { ApiKeyRow, ApiKeyStore } from "../store/keys";
import type { AccountSessionRow, PersonRow } from "../store/people";

/**
 * What a key may do. `events:write` posts events (and reads them back); `events:read` reads them;
 * `webhooks:write` manages the endpoints of events out; `flows:read` reads flows and their
 * figures; `contacts:read` reads contacts and transcripts. The admin token may do everything.
 */
export const SCOPES = [
  "events:write",
  "events:read",
  "webhooks:write",
  "flows:read",
  "contacts:read",
] as const;
export type Scope = (typeof SCOPES)[number];

export const isScope = (value: string): value is Scope =>
  (SCOPES as readonly string[]).includes(value);

/** Who a request is: the admin token (owner-level), an integration's key, or a signed-in person. */
export type Caller =
  | { kind: "owner" }
  | { kind: "key"; id: string; name: string; scopes: readonly string[] }
  | { kind: "person"; person: PersonRow; session: AccountSessionRow };

/** `convo_` + the key's public id + `_` + 32 random bytes: the id finds the row, the rest proves it. */
const KEY_PATTERN = /^convo_(ck_[0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/**
 * A key's digest. SHA-256, not a slow password hash: a key carries 256 random bits, so nobody
 * can guess one from its digest however fast the hash, and a request pays microseconds, not the
 * tens of milliseconds argon2 or scrypt would cost on every event posted.
 */
export const keyDigest = (key: string): Buffer => createHash("sha256").update(key).digest();

/** Makes a key with these scopes; the key itself is returned once and never stored. */
export async function createApiKey(
  store: ApiKeyStore,
  options: { name: string; scopes: readonly Scope[]; now: number },
): Promise<{ key: string; row: ApiKeyRow }> {
  const id = `ck_${randomBytes(8).toString("hex")}`;
  const key = `convo_${id}_${randomBytes(32).toString("base64url")}`;
  const row = { id, name: options.name, scopes: [...options.scopes], createdAt: options.now };
  await store.create({ ...row, hash: keyDigest(key).toString("hex") });
  return { key, row: { ...row, lastUsedAt: null, revokedAt: null } };
}

/**
 * The caller a bearer token names: the admin token (owner), a live key, or nobody. Compared in
 * constant time on digests, so neither the length nor the content of a secret leaks.
 */
export async function identify(
  token: string,
  adminToken: string,
  store: ApiKeyStore,
): Promise<Caller | undefined> {
  const digest = keyDigest(token);
  if (timingSafeEqual(digest, keyDigest(adminToken))) return { kind: "owner" };
  const match = KEY_PATTERN.exec(token);
  if (!match) return undefined;
  const row = await store.find(match[1] as string);
  if (!row || row.revokedAt !== null) return undefined;
  const stored = Buffer.from(row.hash, "hex");
  if (stored.length !== digest.length || !timingSafeEqual(stored, digest)) return undefined;
  return { kind: "key", id: row.id, name: row.name, scopes: row.scopes };
}
