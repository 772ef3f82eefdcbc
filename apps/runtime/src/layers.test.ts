import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The runtime's folders, lowest first: a module imports only from its own folder or a lower
 * layer. The modules at the top of `src/` (config, log, deps…) sit between the storage
 * and Graph API layers and the pipeline; `runtime.ts` (and `index.ts`) wires it all, the commands
 * of `cli/` run it, and `cli.ts` is the `convo` command.
 */
const LAYERS: readonly (readonly string[])[] = [
  ["store", "graph-api"],
  ["ops"],
  ["secrets"],
  ["(root)", "keys"],
  ["pipeline"],
  ["webhook"],
  ["api"],
  ["(wiring)"],
  ["cli"],
  ["(bin)"],
];
const WIRING = new Set(["runtime.ts", "index.ts"]);

const src = import.meta.dirname;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.(ts|mjs)$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

function layerOf(file: string): { name: string; rank: number } {
  const [top, ...rest] = relative(src, file).split("/");
  const name =
    rest.length > 0
      ? (top as string)
      : top === "cli.ts"
        ? "(bin)"
        : WIRING.has(top as string)
          ? "(wiring)"
          : "(root)";
  const rank = LAYERS.findIndex((layer) => layer.includes(name));
  if (rank < 0) throw new Error(`${relative(src, file)}: the folder "${name}" has no layer`);
  return { name, rank };
}

describe("the runtime's layers", () => {
  it("import only downward, or within their own folder", () => {
    const upward: string[] = [];
    for (const file of files(src)) {
      const from = layerOf(file);
      const text = readFileSync(file, "utf8");
      for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) {
        const target = resolve(dirname(file), spec as string);
        if (!target.startsWith(src)) continue;
        const to = layerOf(
          target.endsWith(".ts") || target.endsWith(".mjs") ? target : `${target}.ts`,
        );
        if (to.name !== from.name && to.rank >= from.rank) {
          upward.push(`${relative(src, file)} → ${spec} (${from.name} → ${to.name})`);
        }
      }
    }
    expect(upward).toEqual([]);
  });
});
