import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PostgresStore } from "./postgres/postgres-store";
import { SqliteStore } from "./sqlite/sqlite-store";
import type { Store } from "./store";

export interface StoreLocation {
  /** PostgreSQL when set (`postgres://…`), else the SQLite file. */
  databaseUrl?: string | undefined;
  sqlitePath: string;
  /** PostgreSQL: a replica silent this long is dead. */
  leaseMs?: number;
  /** PostgreSQL: connections in the pool. */
  poolSize?: number;
  /** SQLite: the webhook's inbox insert is synced to disk before it resolves (default true). */
  durable?: boolean;
}

/**
 * The store the configuration names, with `prepare` (the seed of a fresh database) run once it is
 * migrated: under the start lock on PostgreSQL, so replicas starting together seed once.
 */
export async function openStore(
  where: StoreLocation,
  now: number,
  prepare: (store: Store) => Promise<void> = async () => {},
): Promise<Store> {
  if (where.databaseUrl) {
    return PostgresStore.open(where.databaseUrl, {
      ...(where.leaseMs !== undefined ? { leaseMs: where.leaseMs } : {}),
      ...(where.poolSize !== undefined ? { poolSize: where.poolSize } : {}),
      underStartLock: prepare,
    });
  }
  if (where.sqlitePath !== ":memory:") mkdirSync(dirname(where.sqlitePath), { recursive: true });
  const store = new SqliteStore(where.sqlitePath, now, { durable: where.durable ?? true });
  try {
    await prepare(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
