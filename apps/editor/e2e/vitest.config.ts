import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/build-once.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The machine is shared: give the autosave and lint debounces room before a poll gives up.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    // One browser and one runtime for the whole file; the files run one after the other.
    fileParallelism: false,
  },
});
