// The transport thread's entry: Convo runs its TypeScript through tsx, which a worker does not
// inherit, so it registers tsx before loading the thread's code.
import { register } from "tsx/esm/api";

register();
await import("./http-worker.ts");
