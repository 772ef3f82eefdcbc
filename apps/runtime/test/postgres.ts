import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/** The server of the run (`test/postgres-setup.ts`). */
export const postgresServerUrl = (): string => inject("postgresUrl");

/** The address of database `name` on the run's server. */
export function databaseUrl(name: string): string {
  const url = new URL(postgresServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A new, empty database on the run's server, so a test file (or a test) shares nothing with the
 * others; `drop` removes it, closing whatever still holds it.
 */
export async function createTestDatabase(
  prefix = "convo",
): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresServerUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrl(name),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: postgresServerUrl() });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
