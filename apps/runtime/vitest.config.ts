import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Tests here start real processes and servers; on a loaded 2-core machine that can take longer
    // than vitest's 5 s default. This is a hang guard, not a speed assertion.
    testTimeout: 60_000,
    // dist/ built once for the tests that run the production build (test/build.test.ts).
    globalSetup: ["test/global-setup.ts"],
  },
});
