import { join } from "node:path";

/**
 * The repository's root, for the files the runtime finds beside it (the examples, the editor's
 * build). This module is one folder deep both in the sources (`src/`) and in the build (`dist/`,
 * where it is bundled), so the same path holds under tsx and in production. A file deeper in
 * `src/` must not count `..` from its own folder: the bundle has no such folder.
 */
export const REPO_ROOT = join(import.meta.dirname, "..", "..", "..");
