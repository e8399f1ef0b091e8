import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Migrates and seeds once per run; each test app's database is a copy (see
    // @clinic/db/testing).
    globalSetup: ["./src/testing/vitest-global-setup.ts"],
    // Test files share each worker's loaded modules (and PGlite's compiled WebAssembly) instead
    // of importing everything again per file: half the suite's time. They keep no state in
    // modules and mock none, and every file closes what it opens.
    isolate: false,
    // Starting PGlite (WebAssembly) can take tens of seconds on a loaded two-core machine.
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
