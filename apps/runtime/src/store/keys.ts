/**
 * API keys for integrations (the brand's shop calling the events API). Only a digest of each key
 * is kept; the key itself is shown once, when it is made. Accounts and roles (a later issue) add
 * an owner to a key; the rest stays.
 */
export interface ApiKeyRow {
  /** The public part of the key (`ck_…`), shown in lists and logs. */
  id: string;
  name: string;
  scopes: string[];
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface ApiKeyStore {
  create(key: Omit<ApiKeyRow, "lastUsedAt" | "revokedAt"> & { hash: string }): Promise<void>;
  /** The key with its digest (hex), revoked or not. */
  find(id: string): Promise<(ApiKeyRow & { hash: string }) | undefined>;
  /** Every key, newest first. */
  list(): Promise<ApiKeyRow[]>;
  /** False when no live key has that id. */
  revoke(id: string, now: number): Promise<boolean>;
  touch(id: string, now: number): Promise<void>;
}
