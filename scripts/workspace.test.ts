import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

/** The workspace's package folders, from pnpm-workspace.yaml (`dir` or `dir/*` entries). */
function workspacePackages(): string[] {
  const yaml = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8");
  const globs = [...yaml.matchAll(/^ {2}- (\S+)$/gm)].map((m) => m[1] as string);
  const out: string[] = [];
  for (const glob of globs) {
    if (!glob.endsWith("/*")) out.push(glob);
    else {
      const parent = glob.slice(0, -2);
      for (const name of readdirSync(join(root, parent))) out.push(`${parent}/${name}`);
    }
  }
  return out.filter((dir) => existsSync(join(root, dir, "package.json"))).sort();
}

it("the root tsconfig.json references every tsconfig of every package, so `tsc -b` checks all", () => {
  const solution = JSON.parse(readFileSync(join(root, "tsconfig.json"), "utf8")) as {
    files: string[];
    references: { path: string }[];
  };
  expect(solution.files).toEqual([]);
  const expected: string[] = [];
  for (const dir of workspacePackages()) {
    for (const file of readdirSync(join(root, dir)).sort()) {
      if (/^tsconfig(\..+)?\.json$/.test(file)) {
        expected.push(file === "tsconfig.json" ? dir : `${dir}/${file}`);
      }
    }
  }
  expect(workspacePackages().length).toBeGreaterThanOrEqual(7);
  expect(solution.references.map((r) => r.path).sort()).toEqual(expected.sort());
});
