import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Property tests run hundreds of cases; give them room on a busy machine.
    testTimeout: 30_000,
  },
});
