import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Property and fuzz tests run hundreds of cases; on a loaded 2-core machine that can take
    // longer than vitest's 5 s default. This is a hang guard, not a speed assertion.
    testTimeout: 60_000,
  },
});
