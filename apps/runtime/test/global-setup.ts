import { execFileSync } from "node:child_process";
import { join } from "node:path";

/**
 * The production build, once before every test file: the build and Dockerfile tests read and run
 * dist/, and two files building at once would delete it under each other.
 */
export default function setup(): void {
  execFileSync(process.execPath, [join(import.meta.dirname, "..", "scripts", "build.mjs")], {
    stdio: "inherit",
  });
}
