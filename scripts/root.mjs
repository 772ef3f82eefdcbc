#!/usr/bin/env node
// The root entry point behind `npm start`, `npm test`, `npm run bench` and `npm run convo`.
// It must work on a machine with only Node and npm: it fetches the pinned pnpm into .tools/,
// installs the workspace when the lockfile or a package.json changed, then runs the command.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureChromium } from "./chromium.mjs";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const rootPackage = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const pnpmVersion = rootPackage.packageManager.replace(/^pnpm@/, "");
const toolsDir = join(root, ".tools");
const pnpmBin = join(toolsDir, "node_modules", ".bin", "pnpm");
const isWindows = process.platform === "win32";

/** @type {Record<string, string | undefined>} */
const env = {
  ...process.env,
  PATH: [
    join(toolsDir, "node_modules", ".bin"),
    join(root, "node_modules", ".bin"),
    process.env.PATH,
  ].join(isWindows ? ";" : ":"),
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
  COREPACK_ENABLE_STRICT: "0",
};

/** @param {string} message */
function say(message) {
  process.stderr.write(`\x1b[36m[convo]\x1b[0m ${message}\n`);
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {import("node:child_process").SpawnSyncOptions} [options]
 */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env, ...options });
  if (result.error) {
    say(`could not run ${command}: ${result.error.message}`);
    process.exit(1);
  }
  return result.status ?? 1;
}

/**
 * The editor's browser tests and benchmarks need Chromium: found (or installed on Debian) before
 * anything runs, and handed to them as CHROMIUM_PATH; otherwise one line says what to install.
 */
function requireChromium() {
  const chromium = ensureChromium({ env, say });
  if ("error" in chromium) {
    say(chromium.error);
    process.exit(1);
  }
  env.CHROMIUM_PATH = chromium.path;
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {import("node:child_process").SpawnSyncOptions} [options]
 */
function runOrExit(command, args, options) {
  const status = run(command, args, options);
  if (status !== 0) process.exit(status);
}

function ensurePnpm() {
  if (existsSync(pnpmBin)) return;
  say(`fetching pnpm ${pnpmVersion} into .tools/ (once)`);
  runOrExit("npm", [
    "install",
    "--prefix",
    toolsDir,
    "--no-save",
    "--no-package-lock",
    "--no-audit",
    "--no-fund",
    "--loglevel=error",
    `pnpm@${pnpmVersion}`,
  ]);
}

/** A fingerprint of everything that decides what `pnpm install` does. */
function installFingerprint() {
  const hash = createHash("sha256");
  const files = [
    "package.json",
    "pnpm-lock.yaml",
    "pnpm-workspace.yaml",
    "bench/package.json",
    "scripts/package.json",
  ];
  for (const group of ["apps", "packages"]) {
    const dir = join(root, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) files.push(join(group, name, "package.json"));
  }
  for (const file of files) {
    const path = join(root, file);
    hash.update(file);
    hash.update(existsSync(path) ? readFileSync(path) : "");
  }
  return hash.digest("hex");
}

function ensureInstalled() {
  ensurePnpm();
  const marker = join(root, "node_modules", ".convo-install");
  const fingerprint = installFingerprint();
  if (existsSync(marker) && readFileSync(marker, "utf8") === fingerprint) return;
  say("installing dependencies (pnpm install)");
  const frozen = process.env.CI ? ["--frozen-lockfile"] : [];
  runOrExit(pnpmBin, ["install", "--prefer-offline", ...frozen]);
  // The install may have written the lockfile, so fingerprint what is there now.
  writeFileSync(marker, installFingerprint());
}

const [command = "help", ...rest] = process.argv.slice(2);
const turbo = (/** @type {string[]} */ ...args) =>
  runOrExit("turbo", ["run", ...args, "--output-logs=new-only"]);
// The production build (apps/runtime/scripts/build.mjs): plain JavaScript, no TypeScript loader.
const convo = (/** @type {string[]} */ args) => run("node", ["apps/runtime/dist/cli.mjs", ...args]);

switch (command) {
  case "test": {
    requireChromium();
    ensureInstalled();
    say("checking format and lint (biome)");
    runOrExit("biome", [
      "ci",
      "--error-on-warnings",
      ...(process.stdout.isTTY ? [] : ["--colors=off"]),
      ".",
    ]);
    say("type-checking and testing every package (turbo)");
    turbo("typecheck", "test", "--concurrency=2", ...rest);
    say("running the benchmarks in quick mode, so they cannot rot (bench/tmp/)");
    runOrExit("node", ["--import", "tsx", "bench/run.ts", "--quick"]);
    break;
  }
  case "build": {
    ensureInstalled();
    turbo("build", ...rest);
    break;
  }
  case "start": {
    ensureInstalled();
    turbo("build");
    process.exit(convo(["serve", ...rest]));
    break;
  }
  case "bench": {
    requireChromium();
    ensureInstalled();
    turbo("build");
    process.exit(run("node", ["--import", "tsx", "bench/run.ts", ...rest]));
    break;
  }
  case "convo": {
    ensureInstalled();
    // The runtime alone (the editor's build is not needed to validate or chat); turbo's cache
    // makes this a no-op when nothing changed.
    turbo("build", "--filter=@convo/runtime");
    process.exit(convo(rest));
    break;
  }
  case "check": {
    ensureInstalled();
    runOrExit("biome", ["check", "--write", "."]);
    break;
  }
  case "format": {
    ensureInstalled();
    runOrExit("biome", ["format", "--write", "."]);
    break;
  }
  default:
    say("usage: npm start | npm test | npm run bench | npm run build | npm run convo -- <command>");
    process.exit(command === "help" ? 0 : 2);
}
