/**
 * The Dockerfile cannot be built here (no Docker engine on these machines): these tests check
 * what can be checked without one, against the repository and the runtime's own defaults.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config";

const runtimeDir = join(import.meta.dirname, "..");
const root = join(runtimeDir, "..", "..");
const dockerfile = readFileSync(join(root, "Dockerfile"), "utf8");

interface Instruction {
  op: string;
  args: string;
  stage: string;
}

/** The Dockerfile's instructions, continuation lines joined, each with the stage it is in. */
function instructions(): Instruction[] {
  const out: Instruction[] = [];
  let stage = "";
  const text = dockerfile.replace(/\\\n/g, " ");
  for (const line of text.split("\n")) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const [op = "", ...rest] = trimmed.split(/\s+/);
    const args = rest.join(" ");
    if (op.toUpperCase() === "FROM") stage = /\bAS\s+(\S+)/i.exec(args)?.[1] ?? "";
    out.push({ op: op.toUpperCase(), args, stage });
  }
  return out;
}
const all = instructions();
const finalStage = all.filter((i) => i.op === "FROM").at(-1)?.stage ?? "";
const inFinal = (op: string) => all.filter((i) => i.stage === finalStage && i.op === op);
const last = (op: string) => inFinal(op).at(-1)?.args ?? "";
/** JSON-array form (`["node", "x"]`) of CMD and friends. */
const execForm = (args: string) => JSON.parse(args) as string[];

describe("the Dockerfile", () => {
  it("builds in stages and runs as a user that is not root", () => {
    expect(all.filter((i) => i.op === "FROM").length).toBeGreaterThanOrEqual(2);
    expect(last("USER")).not.toMatch(/^(root|0)(:|$)/);
    expect(last("USER")).not.toBe("");
    // The user is set after the last RUN that needs root (the volume's folder is chowned to it).
    const final = all.filter((i) => i.stage === finalStage);
    const user = final.findIndex((i) => i.op === "USER");
    expect(final.slice(user).some((i) => i.op === "RUN")).toBe(false);
    expect(dockerfile).toMatch(/chown node:node \/app\/data/);
  });

  it("copies files that exist, and every workspace manifest before the install", () => {
    const copies = all.filter((i) => i.op === "COPY" && !i.args.includes("--from="));
    const sources = copies.flatMap((i) => i.args.split(/\s+/).slice(0, -1));
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) {
      if (source === ".") continue;
      expect(existsSync(join(root, source)), source).toBe(true);
    }
    const manifests = ["package.json"];
    for (const group of ["apps", "packages"]) {
      for (const name of readdirSync(join(root, group))) {
        if (existsSync(join(root, group, name, "package.json"))) {
          manifests.push(`${group}/${name}/package.json`);
        }
      }
    }
    manifests.push("bench/package.json", "scripts/package.json");
    const install = all.findIndex((i) => i.op === "RUN" && i.args.includes("pnpm install"));
    const copiedBefore = all
      .slice(0, install)
      .filter((i) => i.op === "COPY")
      .flatMap((i) => i.args.split(/\s+/).slice(0, -1));
    for (const manifest of manifests) expect(copiedBefore, manifest).toContain(manifest);
    expect(all[install]?.args).toContain("--frozen-lockfile");
  });

  describe("with the runtime built", () => {
    it("starts the production build, as npm start does, and ships what it loads", () => {
      const cmd = execForm(last("CMD"));
      // npm start: `node <entry> serve` (scripts/root.mjs).
      const rootScript = readFileSync(join(root, "scripts", "root.mjs"), "utf8");
      const entry = /const convo = .*run\("node", \["([^"]+)"/.exec(rootScript)?.[1];
      expect(entry).toBe("apps/runtime/dist/cli.mjs");
      expect(cmd).toEqual(["node", entry, "serve"]);
      // The image copies the build's dist folder, which holds the entry and its worker thread.
      const workdir = last("WORKDIR");
      const copied = inFinal("COPY").map((i) => i.args.split(/\s+/).at(-1) as string);
      expect(copied).toContain(posix.dirname(entry as string));
      for (const file of ["cli.mjs", "http-worker-entry.mjs"]) {
        expect(existsSync(join(runtimeDir, "dist", file)), file).toBe(true);
      }
      // The editor's build and the examples sit where the runtime looks for them (paths.ts).
      expect(copied).toEqual(expect.arrayContaining(["apps/editor/dist", "examples"]));
      expect(workdir).toBe("/app");
      // The only package the bundle imports at run time comes with the deployed node_modules.
      const bundle = readFileSync(join(runtimeDir, "dist", "cli.mjs"), "utf8");
      const imported = [...bundle.matchAll(/^import .* from "([^".][^"]*)";$/gm)]
        .map((m) => m[1] as string)
        .filter((name) => !name.startsWith("node:"));
      expect([...new Set(imported)]).toEqual(["better-sqlite3"]);
      expect(copied).toContain("apps/runtime/node_modules");
    });
  });

  it("exposes the default port, checks /healthz on it, and keeps the database on the volume", () => {
    const defaults = loadConfig({}, join(tmpdir(), "convo-no-such.env"));
    expect(last("EXPOSE")).toBe(String(defaults.port));
    const healthcheck = last("HEALTHCHECK");
    expect(healthcheck).toContain("/healthz");
    expect(healthcheck).toContain(`process.env.PORT || ${defaults.port}`);
    // CONVO_DB is relative to the working directory: its folder must be the volume.
    const db = posix.resolve(last("WORKDIR"), defaults.dbPath);
    expect(execFormOrPlain(last("VOLUME"))).toEqual([posix.dirname(db)]);
    expect(inFinal("ENV").some((i) => /\bCONVO_DB=|\bPORT=/.test(i.args))).toBe(false);
  });

  it("runs the Node the workspace asks for", () => {
    const engines = (
      JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
        engines: { node: string };
      }
    ).engines.node;
    const image = /ARG NODE_IMAGE=node:(\d+)\.(\d+)\.(\d+)-/.exec(dockerfile);
    const [major, minor] = (/>=(\d+)\.(\d+)/.exec(engines) ?? []).slice(1).map(Number);
    expect(image).not.toBeNull();
    expect(Number(image?.[1])).toBe(major);
    expect(Number(image?.[2])).toBeGreaterThanOrEqual(minor as number);
  });
});

describe(".dockerignore", () => {
  const ignored = readFileSync(join(root, ".dockerignore"), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
  it("keeps this machine's installs, builds, data and secrets out of the image", () => {
    for (const entry of ["**/node_modules", "**/dist", ".env", "data", "*.db", ".git", ".tools"]) {
      expect(ignored).toContain(entry);
    }
  });
  it("does not ignore a file the Dockerfile copies", () => {
    const sources = all
      .filter((i) => i.op === "COPY" && !i.args.includes("--from="))
      .flatMap((i) => i.args.split(/\s+/).slice(0, -1))
      .filter((s) => s !== ".");
    for (const source of sources) {
      const hit = ignored.find(
        (pattern) =>
          !pattern.startsWith("!") && (source === pattern || source.startsWith(`${pattern}/`)),
      );
      expect(hit, source).toBeUndefined();
    }
  });
});

function execFormOrPlain(args: string): string[] {
  return args.startsWith("[") ? execForm(args) : args.split(/\s+/);
}
