import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Migrates once per run; each test database is a copy (see src/testing.ts).
    globalSetup: ["./src/vitest-global-setup.ts"],
    // Starting PGlite (WebAssembly) takes seconds on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
