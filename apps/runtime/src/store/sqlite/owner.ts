import { readFileSync, rmSync, writeFileSync } from "node:fs";

/**
 * `<database>.pid`: the process that has the database open, written when the store opens and
 * removed when it closes, so `convo restore` can refuse to replace a file a runtime is using
 * (SQLite's own locks are not held between transactions in WAL mode, so they cannot tell).
 */
export const ownerFile = (path: string) => `${path}.pid`;

/** Marks the database as this process's; returns what removes the mark. */
export function markOwner(path: string): () => void {
  if (path === ":memory:") return () => {};
  const file = ownerFile(path);
  writeFileSync(file, `${process.pid}\n`);
  return () => {
    if (readOwner(path) === process.pid) rmSync(file, { force: true });
  };
}

/** The live process that has the database open, if any (a killed one's mark is ignored). */
export function liveOwner(path: string): number | undefined {
  const pid = readOwner(path);
  if (pid === undefined) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: the process exists, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM" ? pid : undefined;
  }
}

function readOwner(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(ownerFile(path), "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
