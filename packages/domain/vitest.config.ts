import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Pure functions: test files can share each worker's loaded modules (a third of the time).
    isolate: false,
    // Property tests run hundreds of cases; give them room on a busy machine.
    testTimeout: 30_000,
  },
});
