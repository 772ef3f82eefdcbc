// The transport thread's entry when the runtime runs from its TypeScript sources (tests, tsx): a
// worker does not inherit tsx, so it registers tsx before loading the thread's code. The build
// writes a compiled `dist/http-worker-entry.mjs` beside the bundle instead (scripts/build.mjs).
import { register } from "tsx/esm/api";

register();
await import("./http-worker.ts");
