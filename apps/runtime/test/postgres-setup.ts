import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "./embedded-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** A server every test file may create its own database on (`test/postgres.ts`). */
    postgresUrl: string;
  }
}

/**
 * A real PostgreSQL for the tests: `CONVO_TEST_DATABASE_URL` when set (a server the machine has),
 * otherwise one started here (`embedded-postgres`, fsync off: the data is thrown away), stopped
 * and removed after the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.CONVO_TEST_DATABASE_URL;
  if (given) {
    project.provide("postgresUrl", given);
    return async () => {};
  }
  const server = await startEmbeddedPostgres({ durable: false });
  project.provide("postgresUrl", server.url());
  return () => server.stop();
}
