#!/usr/bin/env node
// `pnpm build` here (run by `npm start` through turbo): the runtime as plain JavaScript in dist/,
// so production runs `node dist/cli.mjs serve` with no TypeScript loader in its process or thread.
//
// - dist/cli.mjs: the `convo` command line in one file: the workspace packages (@convo/flow,
//   engine, messenger: TypeScript sources) and the npm dependencies bundled in, so a start loads
//   one module instead of resolving and compiling some six hundred (it halves the time to ready).
//   Native addons (better-sqlite3) cannot be bundled: they stay imports, resolved from this
//   package's node_modules, and are all that production installs (see NATIVE).
// - dist/http-worker-entry.mjs: the Send API's transport thread, compiled. It takes the name of the
//   source entry, because the runtime starts its worker at `./http-worker-entry.mjs` beside its own
//   module: the tsx shim beside the sources, this file beside the bundle.
import { readFileSync, rmSync } from "node:fs";
import { isBuiltin } from "node:module";
import { join, sep } from "node:path";
import { build } from "esbuild";

const dir = join(import.meta.dirname, "..");
const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
const dependencies = new Set(Object.keys(manifest.dependencies ?? {}));
/** Packages with a compiled addon: loaded from node_modules at run time, never bundled. */
const NATIVE = ["better-sqlite3"];

/**
 * Every package Convo's code imports must be a dependency of the runtime (so its version is the
 * lockfile's), whether it ends up bundled or, for native addons, imported at run time.
 */
const dependenciesOnly = {
  name: "dependencies-only",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (isBuiltin(args.path)) return { path: args.path, external: true };
      if (args.path.startsWith("@convo/")) return undefined;
      const name = args.path.startsWith("@")
        ? args.path.split("/").slice(0, 2).join("/")
        : args.path.split("/")[0];
      // A package's own imports are its dependencies, which the lockfile pins.
      const fromPackage = args.importer.includes(`${sep}node_modules${sep}`);
      if (!fromPackage && !dependencies.has(name)) {
        return {
          errors: [
            {
              text: `${name} (imported by ${args.importer}) is not a dependency of @convo/runtime: add it, so production installs it`,
            },
          ],
        };
      }
      return NATIVE.includes(name) ? { path: args.path, external: true } : undefined;
    });
  },
};

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: "linked",
  logLevel: "warning",
  plugins: [dependenciesOnly],
  // Bundled CommonJS packages (yaml, prom-client) call require() for Node's modules; an ES module
  // has no require of its own, so the bundle makes one.
  banner: {
    js: 'import { createRequire as __convoCreateRequire } from "node:module"; const require = __convoCreateRequire(import.meta.url);',
  },
};

rmSync(join(dir, "dist"), { recursive: true, force: true });
await Promise.all([
  build({
    ...common,
    entryPoints: [join(dir, "src", "cli.ts")],
    outfile: join(dir, "dist", "cli.mjs"),
  }),
  build({
    ...common,
    entryPoints: [join(dir, "src", "graph-api", "http-worker.ts")],
    outfile: join(dir, "dist", "http-worker-entry.mjs"),
  }),
]);
