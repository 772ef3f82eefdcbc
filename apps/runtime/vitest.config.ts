import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Tests here start real processes and servers; on a loaded 2-core machine that can take longer
    // than vitest's 5 s default. This is a hang guard, not a speed assertion.
    testTimeout: 60_000,
    // dist/ built once for the tests that run the production build (test/build.test.ts).
    // A PostgreSQL server for the run (test/postgres-setup.ts), unless CONVO_TEST_DATABASE_URL names one.
    globalSetup: ["test/global-setup.ts", "test/postgres-setup.ts"],
  },
});
