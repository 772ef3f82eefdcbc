import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  ensureChromium,
  findChromium,
  installHint,
  type MachineFacts,
  mayInstallChromium,
  parseOsRelease,
} from "./chromium.mjs";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "convo-chromium-"));
  dirs.push(dir);
  return dir;
}
/** A folder holding executables (or plain files) of these names. */
function binDir(names: string[], executable = true): string {
  const dir = tempDir();
  for (const name of names) {
    writeFileSync(join(dir, name), "#!/bin/sh\n");
    chmodSync(join(dir, name), executable ? 0o755 : 0o644);
  }
  return dir;
}

const DEBIAN = parseOsRelease('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n');
const UBUNTU = parseOsRelease('NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n');
const debianRoot: MachineFacts = { platform: "linux", root: true, aptGet: true, osRelease: DEBIAN };

describe("findChromium", () => {
  it("takes CHROMIUM_PATH first, and says so when it is not an executable", () => {
    const bin = binDir(["chromium", "my-chrome"]);
    expect(findChromium({ CHROMIUM_PATH: join(bin, "my-chrome"), PATH: bin })).toEqual({
      path: join(bin, "my-chrome"),
    });
    expect(findChromium({ CHROMIUM_PATH: join(bin, "missing"), PATH: bin })).toEqual({
      error: expect.stringContaining("CHROMIUM_PATH"),
    });
  });

  it("then chromium, chromium-browser, google-chrome on PATH, in that order", () => {
    const chrome = binDir(["google-chrome"]);
    const browser = binDir(["chromium-browser"]);
    const chromium = binDir(["chromium"]);
    const PATH = [chrome, browser, chromium].join(delimiter);
    expect(findChromium({ PATH })).toEqual({ path: join(chromium, "chromium") });
    expect(findChromium({ PATH: [chrome, browser].join(delimiter) })).toEqual({
      path: join(browser, "chromium-browser"),
    });
    expect(findChromium({ PATH: chrome })).toEqual({ path: join(chrome, "google-chrome") });
  });

  it("skips files that are not executable and folders, and finds nothing on an empty PATH", () => {
    expect(findChromium({ PATH: binDir(["chromium"], false) })).toBeUndefined();
    expect(findChromium({ PATH: "" })).toBeUndefined();
    const folder = tempDir();
    mkdirSync(join(folder, "chromium"));
    expect(findChromium({ PATH: folder })).toBeUndefined();
  });
});

describe("installing Chromium", () => {
  it("is done only on Debian, as root, with apt-get", () => {
    expect(mayInstallChromium(debianRoot)).toBe(true);
    expect(mayInstallChromium({ ...debianRoot, root: false })).toBe(false);
    expect(mayInstallChromium({ ...debianRoot, aptGet: false })).toBe(false);
    // Ubuntu's chromium package only installs a snap, which needs snapd.
    expect(mayInstallChromium({ ...debianRoot, osRelease: UBUNTU })).toBe(false);
    expect(mayInstallChromium({ ...debianRoot, platform: "darwin", osRelease: {} })).toBe(false);
  });

  it("installs Debian's chromium there, saying so, then uses it", () => {
    const bin = tempDir();
    const said: string[] = [];
    const result = ensureChromium({
      env: { PATH: bin },
      facts: debianRoot,
      say: (m) => said.push(m),
      install: () => {
        writeFileSync(join(bin, "chromium"), "#!/bin/sh\n", { mode: 0o755 });
        return true;
      },
    });
    expect(result).toEqual({ path: join(bin, "chromium") });
    expect(said).toEqual([expect.stringContaining("installing Debian's chromium")]);
  });

  it("elsewhere answers one line that says what to install, and installs nothing", () => {
    const cases: [MachineFacts, string][] = [
      [{ ...debianRoot, root: false }, "sudo apt-get install chromium"],
      [{ ...debianRoot, osRelease: UBUNTU }, "Google Chrome"],
      [{ platform: "darwin", root: false, aptGet: false, osRelease: {} }, "brew install"],
      [{ platform: "linux", root: true, aptGet: false, osRelease: { ID: "fedora" } }, "dnf"],
    ];
    for (const [facts, hint] of cases) {
      const result = ensureChromium({
        env: { PATH: "" },
        facts,
        install: () => {
          throw new Error("must not install here");
        },
      });
      expect("error" in result && result.error).toContain(hint);
      expect(installHint(facts)).not.toContain("\n");
      expect(installHint(facts)).toContain("CHROMIUM_PATH");
    }
  });

  it("says so when apt-get fails", () => {
    const result = ensureChromium({ env: { PATH: "" }, facts: debianRoot, install: () => false });
    expect(result).toEqual({ error: expect.stringContaining("apt-get install chromium failed") });
  });
});

describe("npm test without a browser", () => {
  /** `node scripts/root.mjs test` with this environment: what it prints, whether it stops. */
  const npmTest = (env: Record<string, string>) =>
    spawnSync(process.execPath, [join(import.meta.dirname, "root.mjs"), "test"], {
      env: { HOME: tmpdir(), ...env },
      encoding: "utf8",
      timeout: 30_000,
    });

  it("stops before running anything, with one line, when CHROMIUM_PATH is wrong", () => {
    const run = npmTest({ PATH: process.env.PATH ?? "", CHROMIUM_PATH: "/nowhere/chrome" });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toEqual([expect.stringContaining("CHROMIUM_PATH is set to /nowhere/chrome")]);
    expect(run.stdout).toBe("");
  });

  it("stops with the line saying what to install when none is on PATH and it may not install", () => {
    // No apt-get on this PATH: nothing may be installed, whatever the machine is.
    const run = npmTest({ PATH: tempDir() });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toEqual([expect.stringContaining("need Chromium or Chrome")]);
    expect(lines[0]).toContain("CHROMIUM_PATH");
  });
});
