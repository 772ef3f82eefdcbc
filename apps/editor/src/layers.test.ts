import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The editor's folders, lowest first: a module imports only from its own folder or a lower layer
 * (dynamic `import()` too), so no two folders import each other.
 * - `i18n`, `api`: the catalogues and the management API client.
 * - `common`: what every screen shares (session, routes, error texts, the language switch).
 * - `store`: the document store (zustand) and its React context.
 * - `form`, `phone`: the form kit the inspector forms are built of; the phone the simulator and
 *   the sandbox draw a conversation in.
 * - `nodes`: each node type's canvas body and inspector form (`EDITOR_NODES`).
 * - `inspector`, `sandbox`; then `simulator` (it opens the sandbox), `analytics` (it reads the
 *   test panel's state), `editor` (the canvas screen), `flows`, `livechat` and `settings` (the other
 *   screens), `app` (routing between screens) and `main.tsx`.
 */
const LAYERS: readonly (readonly string[])[] = [
  ["i18n", "api"],
  ["common"],
  ["store"],
  ["form", "phone"],
  ["events"],
  ["nodes"],
  ["inspector", "sandbox"],
  ["simulator"],
  ["analytics"],
  ["editor"],
  ["flows", "livechat", "settings"],
  ["app"],
  ["(root)"],
];

const src = import.meta.dirname;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function layerOf(root: string, file: string): { name: string; rank: number } {
  const [top, ...rest] = relative(root, file).split("/");
  const name = rest.length > 0 ? (top as string) : "(root)";
  const rank = LAYERS.findIndex((layer) => layer.includes(name));
  if (rank < 0) throw new Error(`${relative(root, file)}: the folder "${name}" has no layer`);
  return { name, rank };
}

/** The file an import names: itself, with `.ts`/`.tsx`, or a folder's `index`. */
function moduleFile(target: string): string {
  const candidates = [
    target,
    `${target}.ts`,
    `${target}.tsx`,
    `${target}/index.ts`,
    `${target}/index.tsx`,
  ];
  const found = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  if (!found) throw new Error(`${target}: no such module`);
  return found;
}

/** Every import below `root` that goes up a layer or sideways into another folder of the same one. */
function upwardImports(root: string): string[] {
  const upward: string[] = [];
  for (const file of files(root)) {
    const from = layerOf(root, file);
    const text = readFileSync(file, "utf8");
    for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) {
      const target = resolve(dirname(file), spec as string);
      if (!target.startsWith(root) || target.endsWith(".css")) continue;
      const to = layerOf(root, moduleFile(target));
      if (to.name !== from.name && to.rank >= from.rank) {
        upward.push(`${relative(root, file)} → ${spec} (${from.name} → ${to.name})`);
      }
    }
  }
  return upward;
}

describe("the editor's layers", () => {
  it("import only downward, or within their own folder", () => {
    expect(upwardImports(src)).toEqual([]);
  });

  it("names an upward import, a dynamic one and a loop between two folders", () => {
    const root = mkdtempSync(join(tmpdir(), "convo-layers-"));
    try {
      const write = (path: string, text: string) => {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      };
      write("nodes/a/Form.tsx", 'import { x } from "../../editor/b";\nexport const a = x;\n');
      write("editor/b.ts", 'import { a } from "../nodes/a/Form";\nexport const x = 1;\n');
      write("store/c.ts", 'export const c = () => import("../simulator");\n');
      write("simulator/index.ts", 'import { c } from "../store/c";\nexport { c };\n');
      expect(upwardImports(root)).toEqual([
        "nodes/a/Form.tsx → ../../editor/b (nodes → editor)",
        "store/c.ts → ../simulator (store → simulator)",
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
