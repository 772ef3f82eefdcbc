// Finding the Chromium (or Chrome) the editor's browser tests and benchmarks drive, for
// `npm test`, `npm run bench` and `.ci/run` alike, and for the editor's harness when it runs alone.
// Plain JavaScript with no dependency: the root commands run it before anything is installed.
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, readFileSync, statSync } from "node:fs";
import { delimiter, join } from "node:path";

/** Looked up on PATH in this order when CHROMIUM_PATH is not set. */
export const CHROMIUM_NAMES = ["chromium", "chromium-browser", "google-chrome"];

/** @param {string} path */
function isExecutableFile(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * CHROMIUM_PATH when set (it must be an executable file), else the first of CHROMIUM_NAMES on
 * PATH; undefined when there is none.
 * @param {Record<string, string | undefined>} [env]
 * @returns {{ path: string } | { error: string } | undefined}
 */
export function findChromium(env = process.env) {
  const configured = env.CHROMIUM_PATH?.trim();
  if (configured) {
    return isExecutableFile(configured)
      ? { path: configured }
      : { error: `CHROMIUM_PATH is set to ${configured}, which is not an executable file` };
  }
  const dirs = (env.PATH ?? "").split(delimiter).filter((dir) => dir !== "");
  for (const name of CHROMIUM_NAMES) {
    for (const dir of dirs) {
      const path = join(dir, name);
      if (isExecutableFile(path)) return { path };
    }
  }
  return undefined;
}

/**
 * The `KEY=value` lines of /etc/os-release (os-release(5)), quotes removed.
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseOsRelease(text) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const line of text.split("\n")) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match?.[1]) out[match[1]] = (match[2] ?? "").replace(/^(["'])(.*)\1$/, "$2");
  }
  return out;
}

/**
 * @typedef {object} MachineFacts
 * @property {string} platform `process.platform`
 * @property {boolean} root running as root (uid 0)
 * @property {boolean} aptGet `apt-get` is on PATH
 * @property {Record<string, string>} osRelease parsed /etc/os-release ({} when absent)
 */

/** @param {Record<string, string | undefined>} [env] @returns {MachineFacts} */
export function readMachineFacts(env = process.env) {
  const dirs = (env.PATH ?? "").split(delimiter).filter((dir) => dir !== "");
  return {
    platform: process.platform,
    root: process.getuid?.() === 0,
    aptGet: dirs.some((dir) => isExecutableFile(join(dir, "apt-get"))),
    osRelease: existsSync("/etc/os-release")
      ? parseOsRelease(readFileSync("/etc/os-release", "utf8"))
      : {},
  };
}

/**
 * Whether installing Debian's `chromium` ourselves is right: Debian itself (not Ubuntu, whose
 * `chromium` package only installs the snap and needs snapd), as root, with apt-get.
 * @param {MachineFacts} facts
 */
export function mayInstallChromium(facts) {
  return (
    facts.platform === "linux" && facts.root && facts.aptGet && facts.osRelease.ID === "debian"
  );
}

/**
 * One line that says what to install on this machine.
 * @param {MachineFacts} facts
 */
export function installHint(facts) {
  const start = "the editor's browser tests need Chromium or Chrome, and none was found:";
  const end = "or set CHROMIUM_PATH to one";
  const id = facts.osRelease.ID;
  if (facts.platform === "darwin")
    return `${start} brew install --cask chromium (or Google Chrome), ${end}`;
  if (facts.platform === "win32") return `${start} install Google Chrome, ${end}`;
  if (id === "ubuntu" || (facts.osRelease.ID_LIKE ?? "").split(" ").includes("ubuntu")) {
    return `${start} install Google Chrome (google-chrome-stable .deb; Ubuntu's chromium package needs snapd), ${end}`;
  }
  if (id === "debian" || facts.aptGet) return `${start} sudo apt-get install chromium, ${end}`;
  if (id === "fedora" || (facts.osRelease.ID_LIKE ?? "").includes("fedora")) {
    return `${start} sudo dnf install chromium, ${end}`;
  }
  if (id === "alpine") return `${start} apk add chromium, ${end}`;
  return `${start} install Chromium with your package manager, ${end}`;
}

/** Debian's chromium, as .ci/run used to install it. @returns {boolean} */
function aptInstallChromium() {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const options = { stdio: /** @type {const} */ ("inherit"), env };
  const update = spawnSync("apt-get", ["update", "-qq"], options);
  if (update.status !== 0) return false;
  return spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], options).status === 0;
}

/**
 * The browser for `npm test` and `npm run bench`: found, or installed on a Debian machine where we
 * may (saying so), or an error line saying what to install.
 * @param {object} [options]
 * @param {Record<string, string | undefined>} [options.env]
 * @param {MachineFacts} [options.facts]
 * @param {(message: string) => void} [options.say]
 * @param {() => boolean} [options.install]
 * @returns {{ path: string } | { error: string }}
 */
export function ensureChromium(options = {}) {
  const env = options.env ?? process.env;
  const found = findChromium(env);
  if (found) return found;
  const facts = options.facts ?? readMachineFacts(env);
  if (!mayInstallChromium(facts)) return { error: installHint(facts) };
  options.say?.("no Chromium found: installing Debian's chromium (apt-get install chromium), once");
  const installed = (options.install ?? aptInstallChromium)();
  const after = installed ? findChromium(env) : undefined;
  return after ?? { error: `apt-get install chromium failed; ${installHint(facts)}` };
}
