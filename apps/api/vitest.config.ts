import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Migrates and seeds once per run; each test app's database is a copy (see
    // @clinic/db/testing).
    globalSetup: ["./src/testing/vitest-global-setup.ts"],
    // Each test file starts PGlite (WebAssembly); on a loaded two-core machine that can take
    // tens of seconds.
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
