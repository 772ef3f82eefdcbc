export { type RunningAiEmulator, startAiEmulator } from "./ai/emulator";
export { loadConfig, type RuntimeConfig } from "./config";
export { createLogger, type Logger } from "./log";
export { createRuntime, type Runtime, type RuntimeOptions } from "./runtime";
export type { Store } from "./store/store";
